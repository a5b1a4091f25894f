import { Kysely, sql } from 'kysely';
import { ExactCache } from '../cache/exact-cache';
import type { InvalidationBus } from '../cache/invalidation-bus';
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
  /**
   * Resolved sessions are kept in memory; a revocation (or a changed expiry) anywhere is
   * dropped through the bus (a trigger names the token hash), within its staleness bound.
   */
  caches: InvalidationBus;
}

export interface ActiveSession {
  sessionId: string;
  ownerId: string;
}

interface CachedSession extends ActiveSession {
  expiresAt: number;
  lastSeenAt: number;
}

/** last_seen_at is refreshed at most this often, so reads don't all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionStore {
  private readonly cache: ExactCache<CachedSession>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: SessionTableName,
    private readonly ownerColumn: OwnerColumn,
    private readonly policy: SessionPolicy,
  ) {
    // The topic is the table's name: its trigger sends `<table>:<base64 token hash>`.
    this.cache = new ExactCache(policy.caches, table, 10_000);
  }

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
    const tokenHash = hashToken(token);
    const key = tokenHash.toString('base64');
    const now = Date.now();
    const idleLimit = this.policy.idleMinutes * 60_000;
    const generation = this.cache.generation;
    let session = this.cache.get(key);
    // A cached session that looks idle may have been used on another instance since: ask the database.
    if (session && now - session.lastSeenAt > idleLimit) session = undefined;
    if (!session) {
      const result = await sql<{ id: string; owner_id: string; last_seen_at: Date; expires_at: Date }>`
        select id, ${sql.ref(this.ownerColumn)} as owner_id, last_seen_at, expires_at
        from ${sql.table(this.table)}
        where token_hash = ${tokenHash} and revoked_at is null`.execute(this.db);
      const row = result.rows[0];
      if (!row) return null;
      session = {
        sessionId: row.id,
        ownerId: row.owner_id,
        expiresAt: new Date(row.expires_at).getTime(),
        lastSeenAt: new Date(row.last_seen_at).getTime(),
      };
    }
    if (session.expiresAt <= now || now - session.lastSeenAt > idleLimit) {
      this.cache.invalidate(key);
      return null;
    }
    if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
      await sql`update ${sql.table(this.table)} set last_seen_at = now() where id = ${session.sessionId}`.execute(this.db);
      session = { ...session, lastSeenAt: now };
    }
    this.cache.store(key, session, generation);
    return { sessionId: session.sessionId, ownerId: session.ownerId };
  }

  async revoke(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    this.cache.invalidate(tokenHash.toString('base64'));
    await sql`update ${sql.table(this.table)} set revoked_at = now()
              where token_hash = ${tokenHash} and revoked_at is null`.execute(this.db);
  }
}
