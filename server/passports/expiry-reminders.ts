import { type Kysely, sql } from 'kysely';
import { DEFAULT_REMINDER_MONTHS } from '../../miniprogram/domain/held-passport';
import { monthsBetween } from '../../miniprogram/domain/validation';
import type { Database } from '../db/schema';
import { enqueueJob, type JobHandler } from '../jobs/job-queue';
import { usersWithQuota } from '../orders/subscription-jobs';
import type { PiiCipher } from '../security/pii-cipher';
import { writeMessage } from '../workflow/citizen-messages';
import { printedDateIn } from '../workflow/message-dates';
import { recordIssuedPassports } from './held-passports';

/**
 * Passport expiry reminders (docs/expiry-reminders.md): at each of the mission's reminder
 * months before expiry (missions.passport_reminder_months, default 12 / 9 / 6), one
 * 消息中心 message that opens the ready renewal and, with quota, one 证件到期提醒
 * subscription message.
 *
 * Once each, however many instances sweep at once: the reminder is a row of
 * passport_expiry_reminders (primary key passport × months) inserted with ON CONFLICT DO
 * NOTHING … RETURNING in the transaction that writes the message and the job — only the
 * sweep whose insert returned the row writes them. A passport first seen late (added with
 * 7 months left) gets the most urgent reminder due (9), not every one it missed.
 * The clock is a parameter: tests pass the day they want.
 */
export const PASSPORT_REMINDER_SWEEP_JOB = 'passports.expiry_sweep';
export const PASSPORT_EXPIRY_MESSAGE_JOB = 'passports.expiry_message';
const BATCH = 200;

interface Picked {
  passport_id: string;
  months: number;
  user_id: string;
  holder_name: string | null;
  expiry_date: string;
}

/** 2026-03-09 → 2026年3月9日 (a printed date: no time zone). */
export const chineseDate = (isoDate: string): string => printedDateIn('zh-CN', isoDate);

export async function remindExpiringPassports(db: Kysely<Database>, options: { templateId: string; now?: Date }): Promise<Array<{ passportId: string; months: number }>> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const defaults = `{${DEFAULT_REMINDER_MONTHS.join(',')}}`;
  const sent: Array<{ passportId: string; months: number }> = [];
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      // Per passport, the most urgent reminder whose window has opened (the fewest months
      // whose "expiry − months" is today or earlier), unless that one or a later one was sent.
      const picked = await sql<Picked>`
        with due as (
          select h.id as passport_id, h.user_id, h.holder_name, h.expiry_date,
                 (select min(x) from unnest(coalesce(m.passport_reminder_months, ${defaults}::smallint[])) as x
                   where h.expiry_date <= (${today}::date + make_interval(months => x::int))::date) as months
          from held_passports h
          left join missions m on m.id = h.mission_id
          where h.removed_at is null and h.expiry_date > ${today}::date
        ),
        fresh as (
          insert into passport_expiry_reminders (passport_id, months, sent_at)
          select d.passport_id, d.months, ${now} from due d
          where d.months is not null
            and not exists (select 1 from passport_expiry_reminders r where r.passport_id = d.passport_id and r.months <= d.months)
          order by d.expiry_date
          limit ${BATCH}
          on conflict do nothing
          returning passport_id, months
        )
        select f.passport_id, f.months, d.user_id, d.holder_name, d.expiry_date::text as expiry_date
        from fresh f join due d on d.passport_id = f.passport_id`.execute(tx);
      if (picked.rows.length === 0) return [];
      const withQuota = await usersWithQuota(tx, options.templateId, picked.rows.map((r) => r.user_id));
      for (const row of picked.rows) {
        const left = Math.max(1, monthsBetween(today, row.expiry_date));
        await writeMessage(tx, {
          userId: row.user_id,
          passportId: row.passport_id,
          kind: 'status',
          text: { key: 'passportExpiring', params: { holder: row.holder_name, expiry: row.expiry_date, months: left } },
        });
        // The job takes the quota unit (or finds none left and does nothing).
        if (withQuota.has(row.user_id)) {
          await enqueueJob(tx, { kind: PASSPORT_EXPIRY_MESSAGE_JOB, payload: { passportId: row.passport_id, userId: row.user_id, months: left } });
        }
      }
      return picked.rows.map((r) => ({ passportId: r.passport_id, months: Number(r.months) }));
    });
    sent.push(...batch);
    if (batch.length < BATCH) return sent;
  }
}

export interface PassportSweepOptions {
  db: Kysely<Database>;
  pii: PiiCipher;
  /** config.wechat.templates.documentExpiry */
  templateId: string;
}

/** One sweep: record passports completed orders produced, then remind what expires soon. */
export async function sweepPassports(options: PassportSweepOptions, now: Date = new Date()) {
  const recorded = await recordIssuedPassports(options.db, options.pii);
  const reminded = await remindExpiringPassports(options.db, { templateId: options.templateId, now });
  return { recorded, reminded: reminded.length };
}

export function passportSweepJob(options: PassportSweepOptions): JobHandler {
  return async () => {
    const report = await sweepPassports(options);
    return { note: `recorded ${report.recorded}, reminded ${report.reminded}` };
  };
}
