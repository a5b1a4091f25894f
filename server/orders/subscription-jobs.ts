import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { statusLabel } from '../../miniprogram/domain/services/application-status';
import { nextStepHint } from '../../miniprogram/domain/services/order-state-machine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';
import { type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { PERMANENT_SUBSCRIBE_ERRORS, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { WechatApiError } from '../wechat/wechat-login';

/** Time as the template's time field wants it, in the mission's time zone. */
export function templateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}

/** Takes one unit of a one-time subscription; false when none is left. */
export async function takeQuotaUnit(db: Kysely<Database>, userId: string, templateId: string): Promise<boolean> {
  const taken = await db
    .updateTable('subscription_quota')
    .set({ remaining: sql`remaining - 1`, updated_at: new Date() })
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .where('remaining', '>', 0)
    .returning('remaining')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Gives a unit back after a send that failed (so a retry can use it). */
export async function returnQuotaUnit(db: Kysely<Database>, userId: string, templateId: string): Promise<void> {
  await db
    .updateTable('subscription_quota')
    .set({ remaining: sql`remaining + 1`, updated_at: new Date() })
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .execute();
}

/** Of `userIds`, those with at least one unit of `templateId` left (who may get a subscription message). */
export async function usersWithQuota(db: Kysely<Database>, templateId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('subscription_quota')
    .select('user_id')
    .where('template_id', '=', templateId)
    .where('remaining', '>', 0)
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Set(rows.map((q) => q.user_id));
}

/**
 * Sends one subscription message within the user's one-time quota: a unit is taken before
 * sending and given back when sending fails (so the job's retry can use it); a permanent
 * WeChat refusal keeps it used and fails the job for good. Resolves to 'no_quota' when no
 * unit was left (nothing sent).
 */
export async function sendWithinQuota(
  db: Kysely<Database>,
  client: SubscribeMessageClient,
  userId: string,
  message: Parameters<SubscribeMessageClient['send']>[0],
): Promise<'sent' | 'no_quota'> {
  if (!(await takeQuotaUnit(db, userId, message.templateId))) return 'no_quota';
  try {
    await client.send(message);
    return 'sent';
  } catch (error) {
    if (error instanceof WechatApiError && PERMANENT_SUBSCRIBE_ERRORS.has(error.errcode)) {
      // 43101: the user has no subscription on WeChat's side — our quota was wrong; keep it used.
      throw new PermanentJobError(`WeChat ${error.errcode}: ${error.errmsg}`);
    }
    await returnQuotaUnit(db, userId, message.templateId);
    throw error;
  }
}

/** WeChat's `thing` fields hold at most 20 characters. */
const thing = (text: string) => [...text].slice(0, 20).join('');

/**
 * One subscription message per status change (or draft reminder), within the citizen's
 * one-time quota: a unit is taken before sending and given back when sending fails (so a
 * retry can use it); no unit → the job is done with the note "no quota" (the 消息中心 still
 * has the message). `payload.hint` (≤ 20 characters) replaces the status's next-step hint.
 */
export function statusMessageJob(
  db: Kysely<Database>,
  client: SubscribeMessageClient,
  options: { templateId: string; miniprogramState?: 'developer' | 'trial' | 'formal' },
): JobHandler {
  const { templateId } = options;
  return async (job) => {
    const payload = job.payload as { applicationId?: string; userId?: string; status?: string; at?: string; hint?: string };
    if (!payload.applicationId || !payload.userId || !payload.status) throw new PermanentJobError('bad payload');
    const order = await db
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.user_id')
      .innerJoin('missions', 'missions.id', 'applications.mission_id')
      .select(['applications.id', 'applications.order_no', 'applications.service', 'applications.mail_old_passport', 'applications.collection', 'users.openid', 'missions.timezone'])
      .where('applications.id', '=', payload.applicationId)
      .executeTakeFirst();
    if (!order) return { note: 'order gone' };
    const service = findApplicationService(order.service);
    const hint = nextStepHint(payload.status, {
      mailOldPassport: order.mail_old_passport,
      orderNo: order.order_no,
      collection: order.collection,
      refundable: service?.rules.refundable,
      statusHints: service?.statusHints,
    });
    const outcome = await sendWithinQuota(db, client, payload.userId, {
      touser: order.openid,
      templateId,
      page: `pages/orders/index?id=${order.id}`,
      miniprogramState: options.miniprogramState,
      data: {
        character_string1: order.order_no ?? '-',
        thing2: service?.title ?? '申请',
        phrase3: statusLabel(payload.status, service),
        time4: templateTime(payload.at ? new Date(payload.at) : new Date(), order.timezone),
        thing5: thing(payload.hint || hint.text || '请进入小程序查看详情'),
      },
    });
    return outcome === 'no_quota' ? { note: 'no quota' } : undefined;
  };
}
