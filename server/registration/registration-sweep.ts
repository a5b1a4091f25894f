import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { messageColumnsSql } from '../workflow/citizen-messages';
import { CONFIRM_AFTER_DAYS } from './registration-records';

export const REGISTRATION_SWEEP_JOB = 'registration.sweep';

/** Ended and deregistered registrations are deleted this long after they ended (the privacy statement says one year). */
export const KEEP_ENDED_DAYS = 365;

export interface SweepCounts {
  ended: number;
  prompted: number;
  deleted: number;
}

/**
 * The recurring registration sweep, set-based like the alert fan-out:
 * - a departure date that passed (on the mission's wall clock) ends the registration,
 *   with a 消息中心 message to the account;
 * - a year without confirmation sends the yearly "is this still right?" message, once;
 * - registrations ended more than a year ago are deleted.
 * `now` is injected so tests need not wait for time to pass.
 */
export async function sweepRegistrations(db: Kysely<Database>, now: Date = new Date()): Promise<SweepCounts> {
  // One message per row: the person's name and date filled in by SQL.
  const ended = messageColumnsSql('registrationEnded', { name: sql.ref('name'), departure: sql.ref('departure') });
  const confirm = messageColumnsSql('registrationConfirm', { name: sql.ref('name') });
  const endedRows = await sql<{ n: string }>`
    with ending as (
      update registrations r set status = 'ended', end_reason = 'departed', ended_at = ${now}, updated_at = ${now}
      from missions m
      where m.id = r.mission_id and r.status = 'active'
        and r.departure_date < (${now}::timestamptz at time zone m.timezone)::date
      returning r.user_id, r.name, r.departure_date::text as departure
    ),
    messaged as (
      insert into messages (user_id, kind, title, body, text_key, text_params, created_at)
      select user_id, 'note', ${ended.title}, ${ended.body}, ${ended.textKey}, ${ended.textParams}, ${now} from ending
      returning id
    )
    select count(*) as n from ending`.execute(db);

  const promptedRows = await sql<{ n: string }>`
    with due as (
      update registrations set confirm_prompted_at = ${now}
      where status = 'active'
        and confirmed_at <= ${now}::timestamptz - make_interval(days => ${CONFIRM_AFTER_DAYS})
        and (confirm_prompted_at is null or confirm_prompted_at < confirmed_at)
      returning user_id, name
    ),
    messaged as (
      insert into messages (user_id, kind, title, body, text_key, text_params, created_at)
      select user_id, 'note', ${confirm.title}, ${confirm.body}, ${confirm.textKey}, ${confirm.textParams}, ${now} from due
      returning id
    )
    select count(*) as n from due`.execute(db);

  const deleted = await db
    .deleteFrom('registrations')
    .where('status', '<>', 'active')
    .where('ended_at', '<', new Date(now.getTime() - KEEP_ENDED_DAYS * 86_400_000))
    .executeTakeFirst();
  return { ended: Number(endedRows.rows[0].n), prompted: Number(promptedRows.rows[0].n), deleted: Number(deleted.numDeletedRows) };
}
