import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { FEE_OPTION_LABELS } from '../../miniprogram/domain/services/payment-api-types';
import { recordAudit } from '../audit/audit-log';
import { missionApplication } from '../applications/application-view';
import { ApiError, forbidden, unauthenticated, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { addStaffNote, applyTransition } from '../workflow/transitions';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import { WechatPayApiError } from '../wechat/pay/pay-client';
import { FEES_TOPIC, feeCodeInfo, missionFeeRows } from '../workflow/fees';
import type { PaymentsContext } from './payment-context';
import { findPaymentForApplication, listRefunds, type PaymentRow, recordPaymentEvent, refundableFen, type RefundRow, toPaymentView, toRefundView } from '../workflow/payment-orders';
import { paymentEventSchema, paymentViewSchema, refundViewSchema, staffFeeSchema, staffPaymentSchema } from '../workflow/payment-schemas';
import { lastReconciliation, reconcilePayments } from './reconciliation';
import { reserveRefund } from '../workflow/refund-reservation';
import { ensureRefundable, sendRefund } from './refunds';
import { alreadyPaid, checkAtWechat } from './wechat-payments';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function signedIn(staff: SignedInStaff | undefined): SignedInStaff {
  if (!staff) throw unauthenticated();
  return staff;
}

/** Fee changes and refunds are for supervisors and admins. */
function requireSupervisor(staff: SignedInStaff): void {
  if (staff.role === 'reviewer') throw forbidden();
}

/** What staff should look at on a payment, or null when nothing. */
function attentionOf(payment: PaymentRow, applicationStatus: string, refunds: readonly RefundRow[]): string | null {
  if (refunds.some((r) => r.status === 'abnormal' || r.status === 'failed')) return '退款异常或未成功，需人工处理';
  if (refunds.some((r) => r.status === 'requested')) return '退款结果待确认';
  if (payment.status === 'paid' && ['withdrawn', 'expired', 'rejected'].includes(applicationStatus) && refundableFen(payment, refunds) > 0) return '已缴费但申请已撤回/未受理，需退款';
  if (payment.status === 'pending' && payment.method === 'online' && payment.last_check_result?.startsWith('error')) return '向微信支付查询失败，将自动重试';
  if (payment.last_check_result?.startsWith('mismatch')) return '微信支付订单与本订单不一致';
  return null;
}

/**
 * Console: the mission's fee table (everyone reads, supervisors edit — audited), counter
 * payments (到馆缴费 → 已缴费 with a receipt number), refunds (supervisors), and what
 * reconciliation found. Staff see and touch only their own mission's orders.
 */
export const consolePaymentRoutes: FastifyPluginAsyncZod<{ ctx: PaymentsContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx.db, ctx.staffSessions));

  const feeTable = async (missionId: string) =>
    (await missionFeeRows(ctx.db, missionId)).flatMap((row) => {
      const info = feeCodeInfo(row.code);
      if (!info) return [];
      return [{ code: row.code, label: info.label, service: info.service.id, serviceTitle: info.service.title, option: row.option, optionLabel: FEE_OPTION_LABELS[row.option], amountFen: row.amountFen, currency: row.currency, updatedAt: row.updatedAt.toISOString() }];
    });

  const feesResponse = z.object({ missionId: z.string(), fees: z.array(staffFeeSchema) });

  app.get(
    '/api/console/fees',
    { schema: { tags: ['console'], summary: "The staff member's mission's fee table", response: { 200: feesResponse, ...errorResponses } } },
    async (request) => {
      const staff = signedIn(request.staff);
      return { missionId: staff.missionId, fees: await feeTable(staff.missionId) };
    },
  );

  app.put(
    '/api/console/fees',
    {
      schema: {
        tags: ['console'],
        summary: 'Set amounts (fen) of the mission\'s fee table; supervisor or admin; every change is audited. Applies to orders submitted from now on.',
        body: z.object({
          fees: z
            .array(
              z.object({
                code: z.string().max(64),
                option: z.enum(['normal', 'express', 'urgent']),
                amountFen: z.number().int().min(0).max(100_000_000),
                currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: { 200: feesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const staff = signedIn(request.staff);
      requireSupervisor(staff);
      const fields: Record<string, string> = {};
      request.body.fees.forEach((fee, index) => {
        if (!feeCodeInfo(fee.code)) fields[`fees.${index}.code`] = serverMessages.feeCodeUnknown;
      });
      if (Object.keys(fields).length > 0) throw validationFailed(fields);
      await ctx.db.transaction().execute(async (tx) => {
        for (const fee of request.body.fees) {
          const before = await tx
            .selectFrom('mission_fees')
            .select(['amount_fen', 'currency'])
            .where('mission_id', '=', staff.missionId)
            .where('fee_code', '=', fee.code)
            .where('fee_option', '=', fee.option)
            .forUpdate()
            .executeTakeFirst();
          if (before && before.amount_fen === fee.amountFen && before.currency === fee.currency) continue;
          await tx
            .insertInto('mission_fees')
            .values({ mission_id: staff.missionId, fee_code: fee.code, fee_option: fee.option, amount_fen: fee.amountFen, currency: fee.currency, updated_by: staff.staffId, updated_at: new Date() })
            .onConflict((oc) =>
              oc.columns(['mission_id', 'fee_code', 'fee_option']).doUpdateSet({ amount_fen: fee.amountFen, currency: fee.currency, updated_by: staff.staffId, updated_at: new Date() }),
            )
            .execute();
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: 'fee.update',
            subject: `${fee.code}:${fee.option}`,
            detail: { code: fee.code, option: fee.option, from: before ? { amountFen: before.amount_fen, currency: before.currency } : null, to: { amountFen: fee.amountFen, currency: fee.currency } },
          });
        }
      });
      ctx.caches.invalidate(FEES_TOPIC, staff.missionId);
      return { missionId: staff.missionId, fees: await feeTable(staff.missionId) };
    },
  );

  const staffPaymentView = async (payment: PaymentRow, application: { service: string; status: string }) => {
    const refunds = await listRefunds(ctx.db, payment.id);
    return {
      ...toPaymentView(payment, refunds, application.service),
      status: payment.status,
      applicationStatus: application.status,
      transactionId: payment.transaction_id,
      settledBy: payment.settled_by,
      lastCheckedAt: iso(payment.last_checked_at),
      lastCheckResult: payment.last_check_result,
      refundableFen: refundableFen(payment, refunds),
      attention: attentionOf(payment, application.status, refunds),
    };
  };

  const params = z.object({ id: z.string().max(64) });

  app.get(
    '/api/console/applications/:id/payment',
    { schema: { tags: ['console'], summary: "An order's payment, refunds and reconciliation state", params, response: { 200: staffPaymentSchema, ...errorResponses } } },
    async (request) => {
      const staff = signedIn(request.staff);
      const application = await missionApplication(ctx.db, request.params.id, staff);
      const payment = await findPaymentForApplication(ctx.db, application.id);
      if (!payment) throw new ApiError(404, 'NO_PAYMENT', serverMessages.paymentNotPayable);
      return staffPaymentView(payment, application);
    },
  );

  app.post(
    '/api/console/applications/:id/mark-paid',
    {
      schema: {
        tags: ['console'],
        summary: '到馆缴费: record the counter payment with its receipt number (staff of the mission); a 待支付 order moves to 待审核',
        params,
        body: z.object({ receiptNo: z.string().trim().min(1).max(64) }),
        response: { 200: paymentViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = signedIn(request.staff);
      const application = await missionApplication(ctx.db, request.params.id, staff);
      const payment = await findPaymentForApplication(ctx.db, application.id);
      if (payment?.status === 'paid') throw alreadyPaid();
      const ended = ['withdrawn', 'expired', 'rejected', 'returned', 'completed'].includes(application.status);
      if (!payment || payment.status === 'not_required' || ended) throw new ApiError(409, 'NOT_PAYABLE', serverMessages.paymentNotPayable);
      if (payment.status === 'closed') throw new ApiError(409, 'PAYMENT_CLOSED', serverMessages.paymentClosed);
      // An online order WeChat already knows: close it there first, so it cannot also be paid online.
      if (payment.method === 'online' && payment.prepay_id) {
        try {
          await ctx.wechatPay.closeOrder(payment.out_trade_no);
        } catch (error) {
          if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') {
            await checkAtWechat(ctx, payment, request.log);
            throw alreadyPaid();
          }
          if (!(error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST')) {
            throw new ApiError(502, 'PAYMENT_SERVICE_ERROR', serverMessages.paymentServiceBusy);
          }
        }
      }
      const receiptNo = request.body.receiptNo;
      await ctx.db.transaction().execute(async (tx) => {
        const now = new Date();
        const paid = await tx
          .updateTable('payments')
          .set({ status: 'paid', paid_via: 'counter', paid_at: now, receipt_no: receiptNo, settled_by: 'counter', marked_paid_by: staff.staffId, updated_at: now })
          .where('id', '=', payment.id)
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirst();
        if (!paid) throw alreadyPaid();
        const actor = { kind: 'staff' as const, id: staff.staffId, role: staff.role, missionId: staff.missionId };
        const order = await tx.selectFrom('applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
        if (order.status === 'awaiting_payment') {
          await applyTransition(tx, { applicationId: order.id, action: 'mark_paid', actor, data: { receiptNo } });
        } else {
          // Already 待审核 (or further): no status change, but the citizen hears of it.
          await addStaffNote(tx, order, actor, serverMessages.paymentMarkedPaid.replace('{receiptNo}', receiptNo));
        }
        await recordPaymentEvent(tx, paid, 'paid', 'staff', { receiptNo, staffId: staff.staffId, amountFen: paid.amount_fen });
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'payment.mark_paid',
          subject: application.id,
          detail: { orderNo: payment.out_trade_no, receiptNo, amountFen: paid.amount_fen, currency: paid.currency },
        });
      });
      const fresh = (await findPaymentForApplication(ctx.db, application.id))!;
      return toPaymentView(fresh, await listRefunds(ctx.db, fresh.id), application.service);
    },
  );

  app.post(
    '/api/console/applications/:id/refunds',
    {
      schema: {
        tags: ['console'],
        summary: 'Refund through WeChat Pay (supervisor or admin): the whole fee or a difference, never more than paid minus refunded; never an emergency travel certificate',
        params,
        body: z.object({ amountFen: z.number().int().positive().max(100_000_000), reason: z.string().trim().min(1).max(200) }),
        response: { 201: z.object({ refund: refundViewSchema, payment: paymentViewSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = signedIn(request.staff);
      requireSupervisor(staff);
      const application = await missionApplication(ctx.db, request.params.id, staff);
      // Whatever the console sends: the service's rule decides (emergency: no refunds).
      ensureRefundable(application.service);
      const { refund, payment } = await ctx.db.transaction().execute(async (tx) => {
        const reserved = await reserveRefund(tx, application.id, { ...request.body, staffId: staff.staffId, source: 'staff' });
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'payment.refund.request',
          subject: application.id,
          detail: { orderNo: reserved.payment.out_trade_no, outRefundNo: reserved.refund.out_refund_no, amountFen: reserved.refund.amount_fen, reason: request.body.reason },
        });
        return reserved;
      });
      const sent = await sendRefund(ctx, refund, payment, 'staff', request.log);
      const fresh = (await findPaymentForApplication(ctx.db, application.id))!;
      return reply.code(201).send({ refund: toRefundView(sent), payment: toPaymentView(fresh, await listRefunds(ctx.db, fresh.id), application.service) });
    },
  );

  const reconciliationResponse = z.object({
    lastRun: z.object({ at: z.string(), checked: z.number(), settled: z.number(), closed: z.number(), refundsSent: z.number(), refundsUpdated: z.number(), failures: z.number() }).nullable(),
    payments: z.array(staffPaymentSchema.extend({ service: z.string(), orderNo: z.string() })),
    events: z.array(paymentEventSchema),
  });

  const reconciliationView = async (missionId: string) => {
    // Open matters of the mission: unpaid online orders, paid orders of withdrawn/expired/
    // rejected applications, open or troubled refunds.
    const rows = await ctx.db
      .selectFrom('payments')
      .innerJoin('applications', 'applications.id', 'payments.application_id')
      .selectAll('payments')
      .select(['applications.status as application_status', 'applications.service as service'])
      .where('payments.mission_id', '=', missionId)
      .where((eb) =>
        eb.or([
          eb.and([eb('payments.status', '=', 'pending'), eb('payments.method', '=', 'online')]),
          eb.and([eb('payments.status', '=', 'paid'), eb('applications.status', 'in', ['withdrawn', 'expired', 'rejected'])]),
          eb('payments.last_check_result', 'like', 'mismatch%'),
          eb.exists(
            eb
              .selectFrom('payment_refunds')
              .select(sql`1`.as('one'))
              .whereRef('payment_refunds.payment_id', '=', 'payments.id')
              .where('payment_refunds.status', 'in', ['requested', 'processing', 'abnormal', 'failed']),
          ),
        ]),
      )
      .orderBy('payments.created_at', 'desc')
      .limit(200)
      .execute();
    const payments = [];
    for (const { application_status: applicationStatus, service, ...payment } of rows) {
      payments.push({ ...(await staffPaymentView(payment as PaymentRow, { service, status: applicationStatus })), service, orderNo: payment.out_trade_no });
    }
    const events = await ctx.db
      .selectFrom('payment_events')
      .innerJoin('payments', 'payments.id', 'payment_events.payment_id')
      .select(['payments.out_trade_no', 'payments.application_id', 'payment_events.kind', 'payment_events.source', 'payment_events.detail', 'payment_events.at'])
      .where('payment_events.mission_id', '=', missionId)
      .where('payment_events.source', 'in', ['reconciliation', 'notification', 'system'])
      .orderBy('payment_events.at', 'desc')
      .limit(100)
      .execute();
    return {
      lastRun: lastReconciliation(ctx.db),
      payments,
      events: events.map((e) => ({ orderNo: e.out_trade_no, applicationId: e.application_id, kind: e.kind, source: e.source, detail: e.detail, at: new Date(e.at).toISOString() })),
    };
  };

  app.get(
    '/api/console/payments/reconciliation',
    {
      schema: {
        tags: ['console'],
        summary: 'Payments that need attention at the mission (unpaid, refunds open, money on withdrawn orders) and what reconciliation and notifications did',
        response: { 200: reconciliationResponse, ...errorResponses },
      },
    },
    async (request) => reconciliationView(signedIn(request.staff).missionId),
  );

  app.post(
    '/api/console/payments/reconciliation',
    {
      schema: { tags: ['console'], summary: 'Run reconciliation now (supervisor or admin)', response: { 200: reconciliationResponse, ...errorResponses } },
    },
    async (request) => {
      const staff = signedIn(request.staff);
      requireSupervisor(staff);
      await reconcilePayments(ctx, { log: request.log });
      return reconciliationView(staff.missionId);
    },
  );
};
