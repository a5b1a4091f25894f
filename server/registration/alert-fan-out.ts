import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { enqueueJobOnce } from '../jobs/job-queue';
import { messageColumnsSql } from '../workflow/citizen-messages';

export const ALERT_FAN_OUT_JOB = 'registration.alert-fan-out';
export const SAFETY_ALERT_MESSAGE_JOB = 'registration.safety-alert-message';

/** What the info module hands over when staff publish an alert (in its transaction). */
export interface PublishedAlert {
  id: string;
  country_code: string;
  region: string | null;
  city: string | null;
  title: string;
  body: string;
  mission_id: string;
  effective_from: Date | string;
}

export interface FanOutCounts {
  people: number;
  messages: number;
  subscriptionJobs: number;
}

/**
 * Reaches every active registrant in the alert's area in ONE statement (no loop over
 * people): a delivery row per person (their 我平安 / 需要帮助 answer goes there), one
 * 消息中心 message per account, and for each account with 安全提醒 quota a notification row
 * and a subscription-message job. Accounts without quota get no row: staff's "no quota"
 * count is the accounts reached minus those with a notification (fewer writes per person).
 * Idempotent: people already reached are skipped, so a retried job adds only newcomers.
 */
export async function fanOutAlert(db: Kysely<Database>, alert: PublishedAlert, templateId: string): Promise<FanOutCounts> {
  const message = messageColumnsSql('safetyAlert', { title: alert.title, body: alert.body });
  const result = await sql<{ people: string; messages: string; jobs: string }>`
    with targets as (
      select r.id, r.user_id from registrations r
      where r.status = 'active' and r.country_code = ${alert.country_code}
        and (${alert.region}::text is null or r.region = ${alert.region})
        and (${alert.city}::text is null or lower(r.city) = lower(${alert.city}))
    ),
    delivered as (
      insert into alert_deliveries (alert_id, registration_id, user_id)
      select ${alert.id}::uuid, id, user_id from targets
      on conflict do nothing
      returning user_id
    ),
    accounts as (
      select user_id from delivered
      -- Minus accounts an earlier run already messaged (the statement sees the table as it was before it).
      except
      select user_id from alert_deliveries where alert_id = ${alert.id}::uuid
    ),
    messaged as (
      insert into messages (user_id, kind, title, body, text_key, text_params, alert_id)
      select user_id, 'note', ${message.title}, ${message.body}, ${message.textKey}, ${message.textParams}, ${alert.id}::uuid from accounts
      returning 1
    ),
    subscribed as (
      insert into alert_notifications (alert_id, user_id, subscription)
      select ${alert.id}::uuid, a.user_id, 'pending'
      from accounts a
      join subscription_quota q on q.user_id = a.user_id and q.template_id = ${templateId} and q.remaining > 0
      on conflict do nothing
      returning user_id
    ),
    queued as (
      insert into jobs (kind, payload, mission_id, max_attempts)
      select ${SAFETY_ALERT_MESSAGE_JOB}, jsonb_build_object('alertId', ${alert.id}::text, 'userId', user_id::text), ${alert.mission_id}, 5
      from subscribed
      returning 1
    )
    select (select count(*) from delivered) as people, (select count(*) from messaged) as messages, (select count(*) from queued) as jobs
  `.execute(db);
  const row = result.rows[0];
  return { people: Number(row.people), messages: Number(row.messages), subscriptionJobs: Number(row.jobs) };
}

/**
 * The info module's hook: an alert in force now fans out at once, in the publishing
 * transaction; a scheduled one gets a job at its start (which fans out if it still stands).
 */
export function alertPublishedHook(templateId: string) {
  return async (tx: Kysely<Database>, alert: PublishedAlert): Promise<void> => {
    const from = new Date(alert.effective_from);
    if (from.getTime() <= Date.now()) {
      await fanOutAlert(tx, alert, templateId);
      return;
    }
    await enqueueJobOnce(tx, { kind: ALERT_FAN_OUT_JOB, payload: { alertId: alert.id }, missionId: alert.mission_id, runAt: from, dedupeKey: `${ALERT_FAN_OUT_JOB}:${alert.id}` });
  };
}

/** The scheduled fan-out: only an alert still in force reaches anyone. */
export function alertFanOutJob(db: Kysely<Database>, templateId: string) {
  return async (job: { payload: Record<string, unknown> }) => {
    const alertId = String(job.payload.alertId ?? '');
    const alert = await db
      .selectFrom('travel_alerts')
      .select(['id', 'country_code', 'region', 'city', 'title', 'body', 'mission_id', 'effective_from'])
      .where('id', '=', alertId)
      .where('effective_from', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('effective_until', 'is', null), eb('effective_until', '>', sql<Date>`now()`)]))
      .executeTakeFirst();
    if (!alert) return { note: 'alert gone or ended' };
    const counts = await fanOutAlert(db, alert, templateId);
    return { note: `${counts.people} people, ${counts.messages} messages` };
  };
}
