import type { FastifyBaseLogger } from 'fastify';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { ApiError } from '../http/api-error';
import { serverMessages } from '../messages';
import { WechatPayApiError, WechatPayError } from '../wechat/pay/pay-client';
import type { PaymentsJobContext } from './payment-context';
import { type EventSource, type PaymentRow, type RefundRow } from '../workflow/payment-orders';
import { applyRefundOutcome, refundStatusFromWechat } from './settlement';

/**
 * Refunds through the original channel (WeChat Pay), in two steps so that money can never
 * be refunded twice or beyond what was paid:
 *   1. reserve — in a transaction holding the payment row: the amount must fit in what is
 *      paid minus every refund that has or may have gone out; a refund row (`requested`,
 *      with its own out_refund_no) is written (`reserveRefund`, server/workflow, where a
 *      rejection reserves its refund in its own transaction: `refundOnReject`);
 *   2. send — POST /v3/refund/domestic/refunds after commit (by the request, or by the
 *      REFUND_SEND_JOB job enqueued with the reservation). Retrying with the same
 *      out_refund_no is idempotent at WeChat, so an unknown outcome (timeout, 5xx) leaves
 *      the refund `requested` and reconciliation sends it again; a refusal (4xx) fails it,
 *      which frees its amount.
 * The emergency travel certificate (rules.refundable = false) is never refunded.
 */

export function ensureRefundable(service: string): void {
  if (findApplicationService(service)?.rules.refundable !== true) throw new ApiError(409, 'REFUND_NOT_ALLOWED', serverMessages.refundNotAllowed);
}

/** WeChat allows at most 80 characters of reason. */
const reasonForWechat = (reason: string) => [...reason].slice(0, 80).join('');

/** Step 2: asks WeChat to refund; applies a verified answer, or a refusal; keeps an unknown outcome `requested`. */
export async function sendRefund(ctx: PaymentsJobContext, refund: RefundRow, payment: PaymentRow, source: EventSource, log?: FastifyBaseLogger): Promise<RefundRow> {
  try {
    const answer = await ctx.wechatPay.refund({
      outTradeNo: payment.out_trade_no,
      outRefundNo: refund.out_refund_no,
      refundFen: refund.amount_fen,
      totalFen: payment.amount_fen,
      reason: reasonForWechat(refund.reason),
      notifyUrl: ctx.config.wechatPay.refundNotifyUrl,
    });
    const status = refundStatusFromWechat(answer.status) ?? 'processing';
    const completedAt = answer.success_time && !Number.isNaN(Date.parse(answer.success_time)) ? new Date(answer.success_time) : null;
    await applyRefundOutcome(ctx.db, refund, payment, { status, wechatRefundId: answer.refund_id, completedAt }, source);
  } catch (error) {
    const refused = error instanceof WechatPayApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
    if (refused) {
      await applyRefundOutcome(ctx.db, refund, payment, { status: 'failed', failure: `${error.code}: ${error.errorMessage}`.slice(0, 300) }, source);
    } else {
      const note = error instanceof WechatPayError ? `${error.constructor.name}: ${error.message}` : String(error);
      await ctx.db.updateTable('payment_refunds').set({ failure: `outcome unknown, will retry: ${note}`.slice(0, 300), updated_at: new Date() }).where('id', '=', refund.id).where('status', '=', 'requested').execute();
    }
    log?.warn({ err: error, outRefundNo: refund.out_refund_no }, 'WeChat Pay refund request failed');
  }
  return ctx.db.selectFrom('payment_refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow();
}

/**
 * The REFUND_SEND_JOB handler: sends a reserved refund still `requested` (anything else
 * was sent meanwhile, e.g. by reconciliation). WeChat's answer or refusal is applied by
 * sendRefund; an unknown outcome leaves it `requested` for reconciliation to send again
 * (same out_refund_no), rather than two retry loops racing.
 */
export function refundSendJob(ctx: PaymentsJobContext, log?: FastifyBaseLogger): JobHandler {
  return async (job) => {
    const refundId = (job.payload as { refundId?: unknown }).refundId;
    if (typeof refundId !== 'string') throw new PermanentJobError('bad payload');
    const refund = await ctx.db.selectFrom('payment_refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
    if (!refund) return { note: 'refund gone' };
    if (refund.status !== 'requested') return { note: `already ${refund.status}` };
    const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', refund.payment_id).executeTakeFirstOrThrow();
    const after = await sendRefund(ctx, refund, payment, 'system', log);
    return after.status === 'requested' ? { note: 'outcome unknown: reconciliation sends it again' } : undefined;
  };
}
