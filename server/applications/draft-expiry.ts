import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Drafts expire `draftDays` after their last save. Expiry is applied lazily when a citizen
 * lists or opens applications; `listExpiringDrafts` is what a reminder job (subscription
 * message "您的草稿将于X天后过期") will read — that job comes with the messaging issue.
 */
export async function expireDueDrafts(db: Kysely<Database>, scope: { userId?: string } = {}, now: Date = new Date()): Promise<number> {
  let query = db
    .updateTable('applications')
    .set({ status: 'expired', updated_at: now })
    .where('status', '=', 'draft')
    .where('expires_at', '<', now);
  if (scope.userId) query = query.where('user_id', '=', scope.userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}

export interface ExpiringDraft {
  id: string;
  userId: string;
  service: string;
  missionId: string;
  expiresAt: Date;
}

/** Drafts that expire within `withinDays` (and have not yet), soonest first. */
export async function listExpiringDrafts(db: Kysely<Database>, withinDays: number, now: Date = new Date()): Promise<ExpiringDraft[]> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'user_id', 'service', 'mission_id', 'expires_at'])
    .where('status', '=', 'draft')
    .where('expires_at', '>=', now)
    .where('expires_at', '<', new Date(now.getTime() + withinDays * 24 * 60 * 60 * 1000))
    .orderBy('expires_at')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, service: r.service, missionId: r.mission_id, expiresAt: new Date(r.expires_at!) }));
}
