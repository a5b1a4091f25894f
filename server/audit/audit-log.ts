import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Who did what to whose data; supervisors read it. Written in the caller's transaction when given one. */
export interface AuditEntry {
  actorKind: 'citizen' | 'staff' | 'system';
  actorId: string | null;
  missionId?: string | null;
  action: string;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      mission_id: entry.missionId ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
