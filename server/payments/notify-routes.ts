import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { NOTIFY_PATH, REFUND_NOTIFY_PATH } from '../wechat/pay/pay-config';
import { notificationFailure, type NotificationRejection, rawJsonParser } from '../wechat/pay/notification';
import type { PaymentsContext } from './payment-context';
import { applyRefundOutcome, refundStatusFromWechat, settleWechatPayment } from './settlement';
import { mismatchesFor } from './wechat-payments';

/**
 * WeChat Pay's callbacks (支付通知 / 退款结果通知). In their own scope, where
 * application/json stays the raw Buffer: the signature covers the exact bytes. Order of
 * checks: signature (Wechatpay-Serial names a trusted key, timestamp fresh, RSA over
 * `timestamp\nnonce\nbody\n`) → decryption (AEAD_AES_256_GCM with the APIv3 key) → ours?
 * (out_trade_no / out_refund_no known; mchid, appid, amount, payer match) → settle once.
 * A rejection answers 4xx {"code":"FAIL","message":…} and writes nothing; WeChat retries.
 * A handled (or repeated) notification answers 204.
 */
export const notifyRoutes: FastifyPluginAsync<{ ctx: PaymentsContext }> = async (app, { ctx }) => {
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, rawJsonParser);

  const fail = (reply: FastifyReply, reason: NotificationRejection | 'mismatch' | 'unknown-order' | 'internal') => {
    const failure = notificationFailure(reason);
    return reply.code(failure.status).send(failure.body);
  };

  app.post(NOTIFY_PATH, { schema: { hide: true } }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const parsed = ctx.wechatPay.parseNotification(request.headers, raw);
    if (!parsed.ok) {
      request.log.warn({ reason: parsed.reason, detail: parsed.detail }, 'WeChat Pay notification refused');
      return fail(reply, parsed.reason);
    }
    const notification = parsed.notification;
    if (notification.kind !== 'transaction') return fail(reply, 'unsupported-event');
    const transaction = notification.transaction;
    try {
      const payment = await ctx.db.selectFrom('payments').selectAll().where('out_trade_no', '=', transaction.out_trade_no).executeTakeFirst();
      if (!payment || payment.method !== 'online') {
        request.log.warn({ outTradeNo: transaction.out_trade_no }, 'WeChat Pay notification for an unknown order');
        return fail(reply, 'unknown-order');
      }
      // Only SUCCESS is ever notified; anything else is nothing to act on.
      if (transaction.trade_state !== 'SUCCESS') return reply.code(204).send();
      const wrong = mismatchesFor(ctx.wechatPay, payment, transaction);
      if (wrong.length > 0) {
        request.log.error({ outTradeNo: payment.out_trade_no, mismatches: wrong }, 'WeChat Pay notification does not match our order');
        return fail(reply, 'mismatch');
      }
      const result = await settleWechatPayment(ctx.db, payment, transaction, 'notification');
      request.log.info({ outTradeNo: payment.out_trade_no, result, notificationId: notification.id }, 'WeChat Pay notification');
      return reply.code(204).send();
    } catch (error) {
      request.log.error({ err: error }, 'WeChat Pay notification failed');
      return fail(reply, 'internal');
    }
  });

  app.post(REFUND_NOTIFY_PATH, { schema: { hide: true } }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const parsed = ctx.wechatPay.parseNotification(request.headers, raw);
    if (!parsed.ok) {
      request.log.warn({ reason: parsed.reason, detail: parsed.detail }, 'WeChat Pay refund notification refused');
      return fail(reply, parsed.reason);
    }
    if (parsed.notification.kind !== 'refund') return fail(reply, 'unsupported-event');
    const notice = parsed.notification.refund;
    try {
      const refund = await ctx.db.selectFrom('payment_refunds').selectAll().where('out_refund_no', '=', notice.out_refund_no).executeTakeFirst();
      const payment = refund ? await ctx.db.selectFrom('payments').selectAll().where('id', '=', refund.payment_id).executeTakeFirst() : undefined;
      if (!refund || !payment) return fail(reply, 'unknown-order');
      const matches =
        notice.mchid === ctx.wechatPay.mchId &&
        notice.out_trade_no === payment.out_trade_no &&
        notice.amount.refund === refund.amount_fen &&
        notice.amount.total === payment.amount_fen;
      if (!matches) {
        request.log.error({ outRefundNo: refund.out_refund_no }, 'WeChat Pay refund notification does not match our refund');
        return fail(reply, 'mismatch');
      }
      const status = refundStatusFromWechat(notice.refund_status);
      if (status && status !== 'processing') {
        const completedAt = notice.success_time && !Number.isNaN(Date.parse(notice.success_time)) ? new Date(notice.success_time) : null;
        await applyRefundOutcome(ctx.db, refund, payment, { status, wechatRefundId: notice.refund_id, completedAt }, 'notification');
      }
      return reply.code(204).send();
    } catch (error) {
      request.log.error({ err: error }, 'WeChat Pay refund notification failed');
      return fail(reply, 'internal');
    }
  });
};
