import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ReconcileReport } from '../../contracts/payments';
import type { Database } from '../db/schema';
import type { PaymentsJobContext } from './payment-context';
import type { PaymentRow } from '../workflow/payment-orders';
import { sendRefund } from './refunds';
import { applyRefundOutcome, refundStatusFromWechat } from './settlement';
import { checkAtWechat, closeAtWechat } from './wechat-payments';

/**
 * Reconciliation: what notifications alone cannot guarantee.
 *   - an unpaid online order past its expiry (or whose application was withdrawn) is
 *     closed at WeChat and here — the order becomes 已过期;
 *   - a prepaid order still pending `checkAfterMinutes` after its prepay (a lost
 *     notification) is queried at WeChat and settled on a verified SUCCESS;
 *   - refunds whose outcome is unknown are sent again (same out_refund_no: idempotent),
 *     refunds still PROCESSING are queried.
 * Every decision rests on signed answers; error bodies only ever leave things as they were.
 * The server runs it every PAYMENT_RECONCILE_INTERVAL_SECONDS; tests call it directly.
 * Staff see the outcome per order (last_checked_at / last_check_result, payment_events)
 * at GET /api/console/payments/reconciliation.
 */
export type { ReconcileReport };

/** A refund the console (or a reject) has just reserved is being sent by that request: give it a minute. */
const REFUND_RESEND_AFTER_MS = 60_000;

const lastRuns = new WeakMap<Kysely<Database>, ReconcileReport>();

export function lastReconciliation(db: Kysely<Database>): ReconcileReport | null {
  return lastRuns.get(db) ?? null;
}

export async function reconcilePayments(ctx: PaymentsJobContext, options: { now?: Date; log?: FastifyBaseLogger } = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const log = options.log;
  const checkBefore = new Date(now.getTime() - ctx.config.payments.checkAfterMinutes * 60_000);
  const report: ReconcileReport = { at: now.toISOString(), checked: 0, settled: 0, closed: 0, refundsSent: 0, refundsUpdated: 0, failures: 0 };

  // 1. Close: expired, or the application is no longer waiting for this payment.
  const toClose = await ctx.db
    .selectFrom('payments')
    .innerJoin('applications', 'applications.id', 'payments.application_id')
    .selectAll('payments')
    .select('applications.status as application_status')
    .where('payments.status', '=', 'pending')
    .where('payments.method', '=', 'online')
    .where((eb) => eb.or([eb('payments.expires_at', '<', now), eb('applications.status', '!=', 'awaiting_payment')]))
    .execute();
  for (const { application_status: applicationStatus, ...payment } of toClose) {
    const expired = applicationStatus === 'awaiting_payment';
    const outcome = await closeAtWechat(ctx, payment as PaymentRow, expired ? '超时未支付，订单已关闭' : '申请已撤回，支付单已关闭', log);
    if (outcome === 'closed') report.closed++;
    else if (outcome === 'settled') report.settled++;
    else report.failures++;
  }

  // 2. Lost notifications: prepaid a while ago, still pending, not asked about recently.
  const toCheck = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'pending')
    .where('method', '=', 'online')
    .where('prepay_id', 'is not', null)
    .where('prepay_at', '<', checkBefore)
    .where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', checkBefore)]))
    .execute();
  for (const payment of toCheck) {
    report.checked++;
    const check = await checkAtWechat(ctx, payment, log);
    if (check.settled) report.settled++;
    else if (check.result.startsWith('error') || check.result.startsWith('mismatch')) report.failures++;
  }

  // 3. Refunds whose outcome is unknown: send again (idempotent).
  const unsent = await ctx.db
    .selectFrom('payment_refunds')
    .innerJoin('payments', 'payments.id', 'payment_refunds.payment_id')
    .selectAll('payment_refunds')
    .where('payment_refunds.status', '=', 'requested')
    .where('payment_refunds.updated_at', '<', new Date(now.getTime() - REFUND_RESEND_AFTER_MS))
    .execute();
  for (const refund of unsent) {
    const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', refund.payment_id).executeTakeFirstOrThrow();
    const after = await sendRefund(ctx, refund, payment, 'reconciliation', log);
    report.refundsSent++;
    if (after.status === 'requested') report.failures++;
  }

  // 4. Refunds still processing: ask.
  const processing = await ctx.db
    .selectFrom('payment_refunds')
    .selectAll()
    .where('status', '=', 'processing')
    .where('updated_at', '<', checkBefore)
    .execute();
  for (const refund of processing) {
    const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', refund.payment_id).executeTakeFirstOrThrow();
    try {
      const answer = await ctx.wechatPay.queryRefund(refund.out_refund_no);
      const status = refundStatusFromWechat(answer.status);
      if (answer.out_trade_no !== payment.out_trade_no || answer.amount.refund !== refund.amount_fen) {
        report.failures++;
        log?.error({ outRefundNo: refund.out_refund_no }, 'WeChat Pay refund query does not match our refund');
        continue;
      }
      if (status && status !== 'processing') {
        const completedAt = answer.success_time && !Number.isNaN(Date.parse(answer.success_time)) ? new Date(answer.success_time) : null;
        if (await applyRefundOutcome(ctx.db, refund, payment, { status, wechatRefundId: answer.refund_id, completedAt }, 'reconciliation')) report.refundsUpdated++;
      } else {
        await ctx.db.updateTable('payment_refunds').set({ updated_at: new Date() }).where('id', '=', refund.id).execute();
      }
    } catch (error) {
      report.failures++;
      log?.warn({ err: error, outRefundNo: refund.out_refund_no }, 'WeChat Pay refund query failed');
    }
  }

  lastRuns.set(ctx.db, report);
  return report;
}

/** The server's timer: one run at a time, never overlapping; stop() waits for a run in progress. */
export function startReconciliation(ctx: PaymentsJobContext, intervalSeconds: number, log: FastifyBaseLogger): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = reconcilePayments(ctx, { log })
      .catch((error) => log.error({ err: error }, 'payment reconciliation failed'))
      .finally(() => {
        running = null;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
