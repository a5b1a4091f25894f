import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { JobHandler } from '../jobs/job-queue';
import { writeMessage } from '../workflow/citizen-messages';
import { enqueueStatusMessage } from '../workflow/transitions';
import { daysUntil } from './pension-dates';
import { pensionMessages } from './pension-messages';

/**
 * Deadline reminders, 30 and 7 days before a person's next certification is due: one
 * 消息中心 message each and, with quota, a subscription message. Only the person's latest
 * certification counts (a newer one under way or done means they have already acted).
 * Race-safe like the draft sweep: the conditional UPDATE … RETURNING that picks a row also
 * marks it, so a second sweep (here or on another instance) finds nothing. The clock is a
 * parameter: tests pass the day they want.
 */
export const PENSION_REMINDER_SWEEP_JOB = 'pension.reminder_sweep';
export const REMINDER_DAYS = [30, 7] as const;

interface Picked {
  id: string;
  application_id: string;
  user_id: string;
  mission_id: string;
  person_name: string;
  next_deadline: string;
}

export async function remindPensionDeadlines(db: Kysely<Database>, options: { templateId: string; now?: Date }): Promise<Array<{ certificationId: string; days: 30 | 7 }>> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const sent: Array<{ certificationId: string; days: 30 | 7 }> = [];
  // The 7-day reminder first: a deadline already that close gets it (and not a late "30 days").
  for (const days of [7, 30] as const) {
    const column = days === 7 ? sql.ref('reminded_7_at') : sql.ref('reminded_30_at');
    const also = days === 7 ? sql`, reminded_30_at = coalesce(reminded_30_at, ${now})` : sql``;
    const picked = await sql<Picked>`
      update pension_certifications c set ${column} = ${now} ${also}
      where c.id in (
        select p.id from pension_certifications p
        where p.push_state = 'accepted'
          and p.next_deadline >= ${today}::date
          and p.next_deadline <= ${today}::date + ${days}::int
          and ${sql.ref(`p.${days === 7 ? 'reminded_7_at' : 'reminded_30_at'}`)} is null
          and not exists (
            select 1 from pension_certifications newer
            where newer.user_id = p.user_id and newer.person_index = p.person_index
              and newer.created_at > p.created_at and newer.push_state <> 'rejected')
        for update skip locked
      )
      and ${column} is null
      returning c.id, c.application_id, c.user_id, c.mission_id, c.person_name, to_char(c.next_deadline, 'YYYY-MM-DD') as next_deadline`.execute(db);
    for (const row of picked.rows) {
      const left = daysUntil(row.next_deadline, now);
      await writeMessage(db, {
        userId: row.user_id,
        applicationId: row.application_id,
        kind: 'status',
        status: 'completed',
        text: { key: 'pensionDeadline', params: { name: row.person_name, deadline: row.next_deadline, days: left } },
      });
      const quota = await db
        .selectFrom('subscription_quota')
        .select('remaining')
        .where('user_id', '=', row.user_id)
        .where('template_id', '=', options.templateId)
        .where('remaining', '>', 0)
        .executeTakeFirst();
      if (quota) {
        const order = await db.selectFrom('applications').select(['id', 'user_id', 'order_no', 'service', 'mission_id']).where('id', '=', row.application_id).executeTakeFirstOrThrow();
        await enqueueStatusMessage(db, order, { status: 'completed', at: now, hint: pensionMessages.reminderHint(left), reminder: `pension_deadline_${days}` });
      }
      sent.push({ certificationId: row.id, days });
    }
  }
  return sent;
}

export function pensionReminderSweepJob(db: Kysely<Database>, templateId: string): JobHandler {
  return async () => {
    const sent = await remindPensionDeadlines(db, { templateId });
    return { note: `${sent.length} reminders` };
  };
}
