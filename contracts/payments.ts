import { z } from 'zod';
import type {
  ApplicationFee,
  FeeLine,
  PaymentView,
  PayResponse,
  RefundView,
} from '../miniprogram/domain/services/payment-api-types';
import type { ApplicationServiceId } from '../miniprogram/domain/services/definition-types';

/**
 * Response schemas of the payments API (the server's serializer sends exactly these fields).
 * The citizen's shapes are checked against the mini-program's types (miniprogram/domain);
 * the staff-only ones below are the console's types too (console/src/api/payments-api.ts),
 * which the mini-program never ships.
 */

/** GET /api/missions/:id/fees — the mission's fee table, for "费用说明". */
export interface MissionFees {
  missionId: string;
  fees: Array<FeeLine & { service: ApplicationServiceId; serviceTitle: string; optionLabel: string; currency: string }>;
}

const feeOption = z.enum(['normal', 'express', 'urgent']);

export const feeLineSchema = z.object({ code: z.string(), label: z.string(), option: feeOption, amountFen: z.number().int() }) satisfies z.ZodType<FeeLine>;

export const missionFeesSchema = z.object({
  missionId: z.string(),
  fees: z.array(
    feeLineSchema.extend({
      // A registered service's id (the fee table is built from the registry).
      service: z.string(),
      serviceTitle: z.string(),
      optionLabel: z.string(),
      currency: z.string(),
    }),
  ),
}) satisfies z.ZodType<MissionFees>;

export const applicationFeeSchema = z.object({
  applicationId: z.string(),
  fixed: z.boolean(),
  amountFen: z.number().int(),
  currency: z.string(),
  option: feeOption,
  items: z.array(feeLineSchema),
  method: z.enum(['online', 'at_mission']).nullable(),
  refundable: z.boolean(),
  refundNote: z.string().nullable(),
}) satisfies z.ZodType<ApplicationFee>;

export const refundViewSchema = z.object({
  id: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  status: z.enum(['requested', 'processing', 'succeeded', 'abnormal', 'closed', 'failed']),
  statusLabel: z.string(),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
}) satisfies z.ZodType<RefundView>;

export const paymentViewSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string(),
  method: z.enum(['online', 'at_mission']),
  state: z.enum(['unpaid', 'pay_at_mission', 'paid', 'closed', 'not_required']),
  stateLabel: z.string(),
  amountFen: z.number().int(),
  currency: z.string(),
  items: z.array(feeLineSchema),
  expiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paidVia: z.enum(['wechat', 'counter']).nullable(),
  receiptNo: z.string().nullable(),
  refundedFen: z.number().int(),
  refunds: z.array(refundViewSchema),
  refundable: z.boolean(),
}) satisfies z.ZodType<PaymentView>;

export const payResponseSchema = z.object({
  payment: paymentViewSchema,
  requestPayment: z.object({ timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }),
}) satisfies z.ZodType<PayResponse>;

/** Staff: one row of the mission's fee table. */
export const staffFeeSchema = z.object({
  code: z.string(),
  label: z.string(),
  service: z.string(),
  serviceTitle: z.string(),
  option: feeOption,
  optionLabel: z.string(),
  amountFen: z.number().int(),
  currency: z.string(),
  updatedAt: z.string(),
});

/** Staff: an order's payment with what reconciliation last found. */
export const staffPaymentSchema = paymentViewSchema.extend({
  status: z.string(),
  applicationStatus: z.string(),
  transactionId: z.string().nullable(),
  settledBy: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  lastCheckResult: z.string().nullable(),
  refundableFen: z.number().int(),
  attention: z.string().nullable(),
});

export const paymentEventSchema = z.object({
  orderNo: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  source: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});

/** What one reconciliation run did (server/payments/reconciliation.ts). */
export const reconcileReportSchema = z.object({
  at: z.string(),
  checked: z.number(),
  settled: z.number(),
  closed: z.number(),
  refundsSent: z.number(),
  refundsUpdated: z.number(),
  failures: z.number(),
});

/** GET /api/console/payments/reconciliation: what needs attention, the last run, recent events. */
export const reconciliationSchema = z.object({
  lastRun: reconcileReportSchema.nullable(),
  payments: z.array(staffPaymentSchema.extend({ service: z.string(), orderNo: z.string() })),
  events: z.array(paymentEventSchema),
});

export const staffFeesSchema = z.object({ missionId: z.string(), fees: z.array(staffFeeSchema) });

export type StaffFee = z.infer<typeof staffFeeSchema>;
export type StaffFees = z.infer<typeof staffFeesSchema>;
export type StaffPayment = z.infer<typeof staffPaymentSchema>;
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
export type ReconcileReport = z.infer<typeof reconcileReportSchema>;
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** PUT /api/console/fees: one changed row. */
export interface FeeChange {
  code: string;
  option: z.infer<typeof feeOption>;
  amountFen: number;
  currency: string;
}
