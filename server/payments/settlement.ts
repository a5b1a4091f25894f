import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log';
import type { Database, RefundStatusColumn } from '../db/schema';
import { applyTransition, confirmPaymentTransition } from '../workflow/transitions';
import type { WechatTransaction } from '../wechat/pay/notification';
import { type EventSource, type PaymentRow, recordPaymentEvent, type RefundRow } from '../workflow/payment-orders';

/**
 * The only places a payment's or refund's state changes. Each is one transaction around a
 * conditional UPDATE (… WHERE status = 'pending'), so however many copies of a notification
 * and reconciliation runs race, exactly one of them settles, moves the order on (history +
 * the citizen's message, through server/orders) and writes the event and audit entries;
 * the others see "already done". Callers have verified what they pass in (signature,
 * decryption, mchid/appid/out_trade_no/amount): nothing here talks to WeChat.
 */

export type SettleResult = 'settled' | 'duplicate' | 'not_pending';

function successTime(transaction: WechatTransaction): Date {
  const parsed = transaction.success_time ? Date.parse(transaction.success_time) : NaN;
  return Number.isNaN(parsed) ? new Date() : new Date(parsed);
}

/** A verified, matching SUCCESS transaction: mark paid once and move the order to 待审核. */
export async function settleWechatPayment(
  db: Kysely<Database>,
  payment: PaymentRow,
  transaction: WechatTransaction,
  source: Extract<EventSource, 'notification' | 'reconciliation'>,
): Promise<SettleResult> {
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    const paid = await tx
      .updateTable('payments')
      .set({
        status: 'paid',
        paid_via: 'wechat',
        paid_at: successTime(transaction),
        transaction_id: transaction.transaction_id ?? null,
        payer_openid: transaction.payer?.openid ?? payment.payer_openid,
        settled_by: source,
        updated_at: now,
      })
      .where('id', '=', payment.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!paid) {
      const current = await tx.selectFrom('payments').select('status').where('id', '=', payment.id).executeTakeFirstOrThrow();
      if (current.status === 'paid') return 'duplicate';
      // Money for an order we closed: should not happen (we close at WeChat first), but if
      // it does, staff must see it (once) and refund.
      const flagged = await tx.selectFrom('payment_events').select('id').where('payment_id', '=', payment.id).where('kind', '=', 'paid_while_closed').executeTakeFirst();
      if (!flagged) await recordPaymentEvent(tx, payment, 'paid_while_closed', source, { transactionId: transaction.transaction_id ?? null, amountFen: transaction.amount?.total ?? null });
      return 'not_pending';
    }
    const order = await tx.selectFrom('applications').select(['id', 'status']).where('id', '=', payment.application_id).forUpdate().executeTakeFirstOrThrow();
    // Withdrawn meanwhile (passport orders may be withdrawn while 待支付): the money is
    // recorded, the order stays withdrawn, and staff see it needs refunding.
    const moved = order.status === 'awaiting_payment';
    if (moved) {
      await confirmPaymentTransition(tx, order.id, { transactionId: transaction.transaction_id ?? null, amountFen: payment.amount_fen, settledBy: source });
    }
    const detail = { transactionId: transaction.transaction_id ?? null, amountFen: payment.amount_fen, orderStatus: order.status, moved };
    await recordPaymentEvent(tx, paid, 'paid', source, detail);
    await recordAudit(tx, { actorKind: 'system', actorId: null, missionId: payment.mission_id, action: 'payment.paid', subject: payment.application_id, detail: { ...detail, outTradeNo: payment.out_trade_no } });
    return 'settled';
  });
}

/**
 * An unpaid online order whose time ran out (or whose application was withdrawn): closed,
 * and a 待支付 order becomes 已过期 through the state machine (payment_expired, system
 * actor: history, the citizen's message, a subscription-message job), which frees the
 * applicant to apply again. Only after WeChat has closed it too (or never knew it), so it
 * cannot be paid afterwards.
 */
export async function closeUnpaidPayment(db: Kysely<Database>, payment: PaymentRow, reason: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    const closed = await tx
      .updateTable('payments')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', payment.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!closed) return false;
    const order = await tx.selectFrom('applications').select(['id', 'status']).where('id', '=', payment.application_id).forUpdate().executeTakeFirstOrThrow();
    // Withdrawn meanwhile (or moved on by staff): only the payment closes.
    const expired = order.status === 'awaiting_payment';
    if (expired) {
      await applyTransition(tx, {
        applicationId: order.id,
        action: 'payment_expired',
        actor: { kind: 'system', id: 'payments' },
        data: { outTradeNo: payment.out_trade_no, reason },
      });
    }
    await recordPaymentEvent(tx, closed, 'closed', 'reconciliation', { reason, orderExpired: expired });
    await recordAudit(tx, { actorKind: 'system', actorId: null, missionId: payment.mission_id, action: 'payment.closed', subject: payment.application_id, detail: { reason, outTradeNo: payment.out_trade_no } });
    return true;
  });
}

/** Which refund states may move to which: a final word never changes (ABNORMAL may still succeed). */
const REFUND_FROM: Record<Exclude<RefundStatusColumn, 'requested'>, readonly RefundStatusColumn[]> = {
  processing: ['requested'],
  succeeded: ['requested', 'processing', 'abnormal'],
  abnormal: ['requested', 'processing'],
  closed: ['requested', 'processing', 'abnormal'],
  failed: ['requested'],
};

export function refundStatusFromWechat(status: string): Exclude<RefundStatusColumn, 'requested' | 'failed'> | null {
  switch (status) {
    case 'SUCCESS':
      return 'succeeded';
    case 'PROCESSING':
      return 'processing';
    case 'ABNORMAL':
      return 'abnormal';
    case 'CLOSED':
      return 'closed';
    default:
      return null;
  }
}

/** A refund's outcome (verified answer, verified notification, or WeChat's refusal): applied once. */
export async function applyRefundOutcome(
  db: Kysely<Database>,
  refund: RefundRow,
  payment: Pick<PaymentRow, 'id' | 'mission_id' | 'application_id' | 'out_trade_no'>,
  outcome: { status: Exclude<RefundStatusColumn, 'requested'>; wechatRefundId?: string | null; failure?: string | null; completedAt?: Date | null },
  source: EventSource,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    const final = outcome.status !== 'processing';
    const updated = await tx
      .updateTable('payment_refunds')
      .set({
        status: outcome.status,
        ...(outcome.wechatRefundId ? { wechat_refund_id: outcome.wechatRefundId } : {}),
        ...(outcome.failure !== undefined ? { failure: outcome.failure } : {}),
        ...(final ? { completed_at: outcome.completedAt ?? now } : {}),
        updated_at: now,
      })
      .where('id', '=', refund.id)
      .where('status', 'in', [...REFUND_FROM[outcome.status]])
      .returningAll()
      .executeTakeFirst();
    if (!updated) return false;
    const detail = { outRefundNo: refund.out_refund_no, amountFen: refund.amount_fen, status: outcome.status, ...(outcome.failure ? { failure: outcome.failure } : {}) };
    await recordPaymentEvent(tx, payment, `refund_${outcome.status}`, source, detail);
    if (final) {
      await recordAudit(tx, { actorKind: 'system', actorId: null, missionId: payment.mission_id, action: `payment.refund.${outcome.status}`, subject: payment.application_id, detail });
    }
    return true;
  });
}
