import type { Kysely } from 'kysely';
import { formatFen } from '../../miniprogram/domain/services/payment-api-types';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { enqueueJob } from '../jobs/job-queue';
import { serverMessages } from '../messages';
import { type EventSource, findPaymentForApplication, listRefunds, type PaymentRow, recordPaymentEvent, type RefundRow, refundableFen } from './payment-orders';
import type { ApplicationRow, RefundResult, TransitionActor } from './transitions';

/**
 * Step 1 of a refund (server/payments/refunds.ts has the whole story): reserve the amount in
 * a transaction holding the payment row — it must fit in what is paid minus every refund
 * that has or may have gone out; a refund row (`requested`, with its own out_refund_no) is
 * written. Here, beside the payment view, because rejecting an order reserves its refund in
 * the rejection's own transaction (`applyTransition`); the payments module sends it (the
 * REFUND_SEND_JOB handler it registers with the job runner) and refunds from the console.
 */
export async function reserveRefund(
  tx: Kysely<Database>,
  applicationId: string,
  input: { amountFen: number; reason: string; staffId: string | null; source: EventSource },
): Promise<{ refund: RefundRow; payment: PaymentRow }> {
  const payment = await findPaymentForApplication(tx, applicationId, { forUpdate: true });
  if (!payment || payment.status !== 'paid') throw new ApiError(409, 'NOT_PAID', serverMessages.refundNotPaid);
  if (payment.paid_via !== 'wechat') throw new ApiError(409, 'PAID_AT_COUNTER', serverMessages.refundAtCounter);
  const refunds = await listRefunds(tx, payment.id);
  const available = refundableFen(payment, refunds);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > available) {
    const message = serverMessages.refundTooLarge.replace('{available}', formatFen(available, payment.currency));
    throw new ApiError(409, 'REFUND_TOO_LARGE', message, { amountFen: message });
  }
  const refund = await tx
    .insertInto('payment_refunds')
    .values({
      payment_id: payment.id,
      out_refund_no: `${payment.out_trade_no}-R${refunds.length + 1}`,
      amount_fen: input.amountFen,
      reason: input.reason,
      requested_by: input.staffId,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordPaymentEvent(tx, payment, 'refund_requested', input.source, { outRefundNo: refund.out_refund_no, amountFen: refund.amount_fen, reason: input.reason, staffId: input.staffId });
  return { refund, payment };
}

/** Job kind: send a refund reserved in a transaction, right after it commits. */
export const REFUND_SEND_JOB = 'payments.refund.send';

/**
 * For `applyTransition`: when a supervisor rejects a refundable order (不予受理), the whole
 * remaining fee is reserved for refund in the same transaction, with a job (same
 * transaction) that sends it as soon as that commits; reconciliation remains the safety
 * net. Only money actually taken is refunded or flagged: an unpaid order (到馆缴费 not yet
 * paid, nothing charged) has nothing to refund; a counter payment is refunded at the
 * counter (refund_due).
 */
export async function refundOnReject(
  db: Kysely<Database>,
  order: ApplicationRow,
  context: { reason: string; actor: TransitionActor },
): Promise<RefundResult> {
  const payment = await findPaymentForApplication(db, order.id, { forUpdate: true });
  if (!payment || payment.status !== 'paid') return { outcome: 'none', note: 'not paid: nothing to refund' };
  if (payment.paid_via !== 'wechat') return { outcome: 'due', note: serverMessages.refundAtCounter };
  const available = refundableFen(payment, await listRefunds(db, payment.id));
  if (available <= 0) return { outcome: 'none', note: 'already refunded' };
  const reason = context.reason ? `不予受理：${context.reason}` : '申请不予受理，全额退款';
  const { refund } = await reserveRefund(db, order.id, {
    amountFen: available,
    reason,
    staffId: context.actor.kind === 'staff' ? (context.actor.id ?? null) : null,
    source: context.actor.kind === 'staff' ? 'staff' : 'system',
  });
  await enqueueJob(db, { kind: REFUND_SEND_JOB, missionId: payment.mission_id, payload: { refundId: refund.id, applicationId: order.id, orderNo: order.order_no } });
  return { outcome: 'requested', note: `refund ${refund.out_refund_no} of ${available} fen reserved; sent right after commit` };
}
