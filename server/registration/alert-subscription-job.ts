import type { Kysely } from 'kysely';
import { alertLevelLabels } from '../../miniprogram/domain/alert-levels';
import { registrationMessages as rm } from '../../miniprogram/domain/registration-messages';
import type { Database } from '../db/schema';
import { type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { returnQuotaUnit, takeQuotaUnit, templateTime } from '../orders/subscription-jobs';
import { PERMANENT_SUBSCRIBE_ERRORS, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { WechatApiError } from '../wechat/wechat-login';

/**
 * One 安全提醒 subscription message per account an alert reached, within its one-time
 * quota: a unit is taken before sending and given back when sending fails (so a retry can
 * use it); none left → "no_quota". The outcome is kept on alert_notifications, which is
 * what staff count (sent / no quota / failed).
 *
 * Template fields (安全提醒): thing1 title, phrase2 level, time3 issued at, thing4 what to do.
 */
export function safetyAlertMessageJob(
  db: Kysely<Database>,
  client: SubscribeMessageClient,
  options: { templateId: string; miniprogramState?: 'developer' | 'trial' | 'formal' },
): JobHandler {
  const { templateId } = options;
  const mark = (alertId: string, userId: string, subscription: 'sent' | 'no_quota' | 'failed') =>
    db.updateTable('alert_notifications').set({ subscription }).where('alert_id', '=', alertId).where('user_id', '=', userId).execute();

  return async (job) => {
    const payload = job.payload as { alertId?: string; userId?: string };
    if (!payload.alertId || !payload.userId) throw new PermanentJobError('bad payload');
    const { alertId, userId } = payload;
    const target = await db
      .selectFrom('travel_alerts as a')
      .innerJoin('missions as m', 'm.id', 'a.mission_id')
      .innerJoin('users as u', (join) => join.on('u.id', '=', userId))
      .select(['a.title', 'a.level', 'a.effective_from', 'm.timezone', 'u.openid'])
      .where('a.id', '=', alertId)
      .executeTakeFirst();
    if (!target) return { note: 'alert or user gone' };
    if (!(await takeQuotaUnit(db, userId, templateId))) {
      await mark(alertId, userId, 'no_quota');
      return { note: 'no quota' };
    }
    try {
      await client.send({
        touser: target.openid,
        templateId,
        page: `packages/registration/alert/index?alertId=${alertId}`,
        miniprogramState: options.miniprogramState,
        data: {
          thing1: target.title,
          phrase2: alertLevelLabels[target.level],
          time3: templateTime(new Date(target.effective_from), target.timezone),
          thing4: rm.alertTemplateHint,
        },
      });
      await mark(alertId, userId, 'sent');
      return;
    } catch (error) {
      const permanent = error instanceof WechatApiError && PERMANENT_SUBSCRIBE_ERRORS.has(error.errcode);
      if (!permanent) await returnQuotaUnit(db, userId, templateId);
      // The runner gives up after the last attempt (or at once when permanent): count it failed then.
      if (permanent || job.attempts >= job.max_attempts) await mark(alertId, userId, 'failed');
      if (permanent) throw new PermanentJobError(`WeChat ${(error as WechatApiError).errcode}: ${(error as WechatApiError).errmsg}`);
      throw error;
    }
  };
}

