import type { Kysely, Selectable } from 'kysely';
import type { ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import type { Answers, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import {
  PAYMENT_STATE_LABELS,
  type PaymentMethod,
  type PaymentState,
  type PaymentView,
  REFUND_STATUS_LABELS,
  type RefundView,
} from '../../miniprogram/domain/services/payment-api-types';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database, PaymentEventTable, PaymentRefundTable, PaymentTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { serverMessages } from '../messages';
import { FeeNotConfigured, feeOptionFor, quote } from './fees';

/** One payment per order: created with the order at submission, its amount fixed then. */
export type PaymentRow = Selectable<PaymentTable>;
export type RefundRow = Selectable<PaymentRefundTable>;
export type EventSource = PaymentEventTable['source'];

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export interface NewOrderPayment {
  application: { id: string; user_id: string; mission_id: string };
  orderNo: string;
  service: ServiceDefinition;
  /** The answers as submitted (effective answers). */
  answers: Answers;
  feeCodes: readonly string[];
  method: PaymentMethod;
  /** Online orders close unpaid after this many minutes. */
  expiryMinutes: number;
  now?: Date;
}

/**
 * Called by the submit route inside its transaction, before it writes the order's status:
 * prices the order at the mission's fee table, stores the payment (amount fixed from now
 * on) and says which status the order starts in — 待支付 when it is to be paid online,
 * 待审核 when it is paid at the mission or costs nothing. A fee the mission has not set is a
 * 409 (the citizen cannot fix it; the mission must).
 */
export async function createOrderPayment(tx: Kysely<Database>, input: NewOrderPayment): Promise<{ applicationStatus: ApplicationStatus; payment: PaymentRow }> {
  const now = input.now ?? new Date();
  let priced;
  try {
    priced = await quote(tx, input.application.mission_id, input.feeCodes, feeOptionFor(input.service, input.answers));
  } catch (error) {
    if (error instanceof FeeNotConfigured) throw new ApiError(409, 'FEE_NOT_CONFIGURED', serverMessages.feeNotConfigured);
    throw error;
  }
  const free = priced.amountFen === 0;
  const online = input.method === 'online' && !free;
  const payment = await tx
    .insertInto('payments')
    .values({
      application_id: input.application.id,
      user_id: input.application.user_id,
      mission_id: input.application.mission_id,
      out_trade_no: input.orderNo,
      method: input.method,
      status: free ? 'not_required' : 'pending',
      amount_fen: priced.amountFen,
      currency: priced.currency,
      fee_option: priced.option,
      items: JSON.stringify(priced.items),
      expires_at: online ? new Date(now.getTime() + input.expiryMinutes * 60_000) : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordPaymentEvent(tx, payment, 'created', 'citizen', { amountFen: priced.amountFen, currency: priced.currency, method: input.method, items: priced.items });
  return { applicationStatus: online ? 'awaiting_payment' : 'submitted', payment };
}

export async function recordPaymentEvent(
  db: Kysely<Database>,
  payment: Pick<PaymentRow, 'id' | 'mission_id'>,
  kind: string,
  source: EventSource,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.insertInto('payment_events').values({ payment_id: payment.id, mission_id: payment.mission_id, kind, source, detail: JSON.stringify(detail) }).execute();
}

export async function findPaymentForApplication(db: Kysely<Database>, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<PaymentRow | undefined> {
  let query = db.selectFrom('payments').selectAll().where('application_id', '=', applicationId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listRefunds(db: Kysely<Database>, paymentId: string): Promise<RefundRow[]> {
  return db.selectFrom('payment_refunds').selectAll().where('payment_id', '=', paymentId).orderBy('created_at').execute();
}

/** Refunds holding part of the paid amount: done, under way, or with an unknown outcome. */
export const RESERVING_REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'abnormal'] as const;

/** What can still be refunded: paid minus every refund that has or may have gone out. */
export function refundableFen(payment: PaymentRow, refunds: readonly RefundRow[]): number {
  if (payment.status !== 'paid') return 0;
  const reserved = refunds
    .filter((r) => (RESERVING_REFUND_STATUSES as readonly string[]).includes(r.status))
    .reduce((sum, r) => sum + r.amount_fen, 0);
  return Math.max(0, payment.amount_fen - reserved);
}

export function paymentState(payment: PaymentRow): PaymentState {
  switch (payment.status) {
    case 'paid':
      return 'paid';
    case 'closed':
      return 'closed';
    case 'not_required':
      return 'not_required';
    default:
      return payment.method === 'at_mission' ? 'pay_at_mission' : 'unpaid';
  }
}

export function toRefundView(refund: RefundRow): RefundView {
  return {
    id: refund.id,
    amountFen: refund.amount_fen,
    reason: refund.reason,
    status: refund.status,
    statusLabel: REFUND_STATUS_LABELS[refund.status],
    requestedAt: iso(refund.created_at)!,
    completedAt: iso(refund.completed_at),
  };
}

export function toPaymentView(payment: PaymentRow, refunds: readonly RefundRow[], service: string): PaymentView {
  const state = paymentState(payment);
  return {
    applicationId: payment.application_id,
    orderNo: payment.out_trade_no,
    method: payment.method,
    state,
    stateLabel: PAYMENT_STATE_LABELS[state],
    amountFen: payment.amount_fen,
    currency: payment.currency,
    items: payment.items,
    expiresAt: state === 'unpaid' ? iso(payment.expires_at) : null,
    paidAt: iso(payment.paid_at),
    paidVia: payment.paid_via,
    receiptNo: payment.receipt_no,
    refundedFen: refunds.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount_fen, 0),
    refunds: refunds.map(toRefundView),
    refundable: findApplicationService(service)?.rules.refundable ?? false,
  };
}

/** The citizen's view of an order's payment (null for drafts and orders from before payments). */
export async function loadPaymentView(db: Kysely<Database>, application: { id: string; service: string }): Promise<PaymentView | null> {
  const payment = await findPaymentForApplication(db, application.id);
  if (!payment) return null;
  return toPaymentView(payment, await listRefunds(db, payment.id), application.service);
}
