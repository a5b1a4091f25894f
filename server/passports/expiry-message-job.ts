import { type Kysely, sql } from 'kysely';
import { heldPassportMessages as hm } from '../../miniprogram/domain/held-passport';
import type { Database } from '../db/schema';
import { type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { sendWithinQuota } from '../orders/subscription-jobs';
import type { SubscribeMessageClient } from '../wechat/subscribe-message';
import { chineseDate } from './expiry-reminders';

/** Where the 证件到期提醒 message (and the 消息中心 message) opens: the passport's ready renewal. */
export const renewalPage = (passportId: string) => `packages/documents/index?renew=${passportId}`;

/**
 * One 证件到期提醒 subscription message per reminder, within the account's one-time quota
 * (sendWithinQuota); none left → done with the note "no quota" (the 消息中心 message is
 * there anyway).
 *
 * Template fields (证件到期提醒): thing1 document (护照 / 护照（name）), date2 expiry date,
 * thing3 what to do.
 */
export function passportExpiryMessageJob(
  db: Kysely<Database>,
  client: SubscribeMessageClient,
  options: { templateId: string; miniprogramState?: 'developer' | 'trial' | 'formal' },
): JobHandler {
  const { templateId } = options;
  return async (job) => {
    const payload = job.payload as { passportId?: string; userId?: string; months?: number };
    if (!payload.passportId || !payload.userId || typeof payload.months !== 'number') throw new PermanentJobError('bad payload');
    const target = await db
      .selectFrom('held_passports as h')
      .innerJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.holder_name', sql<string>`h.expiry_date::text`.as('expiry_date'), 'u.openid'])
      .where('h.id', '=', payload.passportId)
      .where('h.removed_at', 'is', null)
      .executeTakeFirst();
    if (!target) return { note: 'passport removed' };
    const outcome = await sendWithinQuota(db, client, payload.userId, {
      touser: target.openid,
      templateId,
      page: renewalPage(payload.passportId),
      miniprogramState: options.miniprogramState,
      data: {
        thing1: hm.templateDocument(target.holder_name),
        date2: chineseDate(target.expiry_date),
        thing3: hm.templateHint(payload.months),
      },
    });
    return outcome === 'no_quota' ? { note: 'no quota' } : undefined;
  };
}
