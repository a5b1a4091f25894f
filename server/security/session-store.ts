import { Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { hashToken, newToken } from './tokens';

/**
 * Server-side sessions behind opaque tokens, for citizens (bearer) and staff (cookie)
 * alike: a new token per login, idle and absolute expiry, revocation on logout.
 */
type SessionTableName = 'user_sessions' | 'staff_sessions';
type OwnerColumn = 'user_id' | 'staff_id';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteMinutes: number;
}

export interface ActiveSession {
  sessionId: string;
  ownerId: string;
}

/** last_seen_at is refreshed at most this often, so reads don't all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: SessionTableName,
    private readonly ownerColumn: OwnerColumn,
    private readonly policy: SessionPolicy,
  ) {}

  async create(ownerId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.policy.absoluteMinutes * 60_000);
    await sql`insert into ${sql.table(this.table)} (${sql.ref(this.ownerColumn)}, token_hash, expires_at)
              values (${ownerId}, ${hashToken(token)}, ${expiresAt})`.execute(this.db);
    return { token, expiresAt };
  }

  /** The live session a token names, or null if unknown, revoked, idle too long or expired. */
  async resolve(token: string): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const idleSince = new Date(Date.now() - this.policy.idleMinutes * 60_000);
    const result = await sql<{ id: string; owner_id: string; last_seen_at: Date }>`
      select id, ${sql.ref(this.ownerColumn)} as owner_id, last_seen_at
      from ${sql.table(this.table)}
      where token_hash = ${hashToken(token)} and revoked_at is null
        and expires_at > now() and last_seen_at > ${idleSince}`.execute(this.db);
    const row = result.rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await sql`update ${sql.table(this.table)} set last_seen_at = now() where id = ${row.id}`.execute(this.db);
    }
    return { sessionId: row.id, ownerId: row.owner_id };
  }

  async revoke(sessionId: string): Promise<void> {
    await sql`update ${sql.table(this.table)} set revoked_at = now()
              where id = ${sessionId} and revoked_at is null`.execute(this.db);
  }
}
