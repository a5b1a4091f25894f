import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { FileStore } from '../files/file-store';
import type { JobHandler } from '../jobs/job-queue';
import { writeMessage } from '../workflow/citizen-messages';
import { dayIn } from '../workflow/message-dates';
import { applyTransition, enqueueStatusMessage } from '../workflow/transitions';

/**
 * Drafts expire `draftDays` after their last save (issue 3).
 *   - Reminder: `reminderDays` before that, one message in the citizen's 消息中心 and, if
 *     they have subscription quota, one subscription message — once per reminder window,
 *     however many instances sweep (a conditional UPDATE … RETURNING on reminded_at).
 *   - Expiry: draft → 已过期 through the state machine (system actor: history, audit),
 *     lazily when the citizen lists or opens applications, and by the sweep.
 *   - Files: an expired draft's uploads are deleted from the file store, then their rows,
 *     so no personal data lingers in DATA_DIR/files (a crash in between only leaves rows
 *     pointing at deleted files, which the next sweep removes).
 * The sweep is the recurring job `drafts.sweep` (every APPLICATION_DRAFT_SWEEP_MINUTES).
 */

export const DRAFT_SWEEP_JOB = 'drafts.sweep';
const SYSTEM_ACTOR = { kind: 'system', id: 'drafts' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/** Runs fn in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Expires one draft if it is (still) a draft past its expiry: 待提交 → 已过期 with history.
 * Resolves to false when there was nothing to do (saved, submitted or expired meanwhile).
 */
export async function expireDraft(db: Kysely<Database>, applicationId: string, now: Date = new Date()): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    // The row lock orders this after a concurrent save / submission / other sweep.
    const row = await tx
      .selectFrom('applications')
      .select(['id', 'version', 'expires_at'])
      .where('id', '=', applicationId)
      .where('status', '=', 'draft')
      .where('expires_at', '<', now)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    await applyTransition(tx, {
      applicationId,
      action: 'expire',
      actor: SYSTEM_ACTOR,
      expectedVersion: row.version,
      data: { expiresAt: new Date(row.expires_at!).toISOString() },
    });
    return true;
  });
}

/** Expires every due draft (of one citizen, with `scope.userId`); resolves to how many. */
export async function expireDueDrafts(db: Kysely<Database>, scope: { userId?: string } = {}, now: Date = new Date()): Promise<number> {
  let expired = 0;
  for (;;) {
    let query = db.selectFrom('applications').select('id').where('status', '=', 'draft').where('expires_at', '<', now);
    if (scope.userId) query = query.where('user_id', '=', scope.userId);
    const due = await query.orderBy('expires_at').limit(BATCH).execute();
    for (const { id } of due) if (await expireDraft(db, id, now)) expired++;
    if (due.length < BATCH) return expired;
  }
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
    .where('expires_at', '<', new Date(now.getTime() + withinDays * DAY_MS))
    .orderBy('expires_at')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, service: r.service, missionId: r.mission_id, expiresAt: new Date(r.expires_at!) }));
}

/** The expiry date as the citizen reads it, in the mission's time zone: 2025年7月1日 (or 7月1日). */
export const reminderDate = (at: Date, timeZone: string, withYear = true): string => dayIn('zh-CN', at, timeZone, withYear);

/** The 消息中心 text is the catalogue's `draftExpiring` (workflow/message-catalogue.ts). */
export const draftReminderText = {
  /** The subscription message's next-step field (≤ 20 characters). */
  hint: (date: string) => `草稿将于${date}过期，请尽快提交`,
};

/**
 * Reminds the owners of drafts entering their last `withinDays` (once per draft and
 * expiry: reminded_at is set by the same conditional UPDATE that picks the draft, so a
 * second sweep — here or on another instance — finds nothing). Resolves to the draft ids.
 */
export async function remindExpiringDrafts(
  db: Kysely<Database>,
  options: { withinDays: number; templateId: string; now?: Date },
): Promise<string[]> {
  const now = options.now ?? new Date();
  const days = options.withinDays;
  const reminded: string[] = [];
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      // Not yet reminded for this expiry: never, or before the current window opened (the
      // draft was saved since, which moved expires_at). SKIP LOCKED: another sweep has it.
      const picked = await sql<{ id: string; user_id: string; service: string; mission_id: string; expires_at: Date | string }>`
        update applications set reminded_at = ${now}
        where id in (
          select id from applications
          where status = 'draft'
            and expires_at > ${now}
            and expires_at <= ${now}::timestamptz + make_interval(days => ${days}::int)
            and (reminded_at is null or reminded_at < expires_at - make_interval(days => ${days}::int))
          order by expires_at
          limit ${BATCH}
          for update skip locked
        )
        and status = 'draft'
        and (reminded_at is null or reminded_at < expires_at - make_interval(days => ${days}::int))
        returning id, user_id, service, mission_id, expires_at`.execute(tx);
      if (picked.rows.length === 0) return [];
      const missions = await tx
        .selectFrom('missions')
        .select(['id', 'timezone'])
        .where('id', 'in', [...new Set(picked.rows.map((r) => r.mission_id))])
        .execute();
      const timezoneOf = new Map(missions.map((m) => [m.id, m.timezone]));
      const withQuota = new Set(
        (
          await tx
            .selectFrom('subscription_quota')
            .select('user_id')
            .where('template_id', '=', options.templateId)
            .where('remaining', '>', 0)
            .where('user_id', 'in', [...new Set(picked.rows.map((r) => r.user_id))])
            .execute()
        ).map((q) => q.user_id),
      );
      for (const draft of picked.rows) {
        const expiresAt = new Date(draft.expires_at);
        const timeZone = timezoneOf.get(draft.mission_id) ?? 'UTC';
        await writeMessage(tx, {
          userId: draft.user_id,
          applicationId: draft.id,
          kind: 'status',
          status: 'draft',
          text: { key: 'draftExpiring', params: { service: draft.service, expiresAt: expiresAt.toISOString(), timeZone } },
        });
        // The job takes the quota unit (or finds none left and does nothing).
        if (withQuota.has(draft.user_id)) {
          await enqueueStatusMessage(tx, { ...draft, order_no: null }, {
            status: 'draft',
            at: now,
            hint: draftReminderText.hint(reminderDate(expiresAt, timeZone, false)),
            reminder: 'draft_expiry',
          });
        }
      }
      return picked.rows.map((r) => r.id);
    });
    reminded.push(...batch);
    if (batch.length < BATCH) return reminded;
  }
}

/**
 * Deletes the files of expired drafts: from the file store first, then the rows (so a
 * failure or a crash leaves nothing unreferenced in the store). Resolves to how many.
 */
export async function deleteExpiredDraftFiles(db: Kysely<Database>, files: FileStore): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await db
      .selectFrom('application_files')
      .innerJoin('applications', 'applications.id', 'application_files.application_id')
      .select(['application_files.id', 'application_files.storage_key'])
      .where('applications.status', '=', 'expired')
      .where('applications.submitted_at', 'is', null)
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      await files.delete(row.storage_key);
      await db.deleteFrom('application_files').where('id', '=', row.id).execute();
    }
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}

export interface DraftSweepOptions {
  db: Kysely<Database>;
  files: FileStore;
  /** config.applications.draftReminderDays */
  reminderDays: number;
  /** config.wechat.templates.orderStatus */
  templateId: string;
}

export interface DraftSweepReport {
  expired: number;
  reminded: number;
  filesDeleted: number;
}

/** One sweep: expire what is due, remind what expires soon, delete expired drafts' files. */
export async function sweepDrafts(options: DraftSweepOptions, now: Date = new Date()): Promise<DraftSweepReport> {
  const expired = await expireDueDrafts(options.db, {}, now);
  const reminded = await remindExpiringDrafts(options.db, { withinDays: options.reminderDays, templateId: options.templateId, now });
  const filesDeleted = await deleteExpiredDraftFiles(options.db, options.files);
  return { expired, reminded: reminded.length, filesDeleted };
}

/** The `drafts.sweep` job (scheduled by the job runner as a recurring job). */
export function draftSweepJob(options: DraftSweepOptions): JobHandler {
  return async () => {
    await sweepDrafts(options);
  };
}
