/**
 * Payments in the console (server/payments/console-routes.ts): the mission's fee table,
 * an order's payment (counter payments, refunds) and reconciliation. Amounts are integers
 * in the currency's minor unit (fen) — never floating point.
 */
import type { FeeOption, PaymentView, RefundView } from '../../../miniprogram/domain/services/payment-api-types';
import { request } from './http';

export type { FeeOption, PaymentView, RefundView } from '../../../miniprogram/domain/services/payment-api-types';
export { formatFen } from '../../../miniprogram/domain/services/payment-api-types';

/** One row of the fee table: a fee code of a service, at one processing option. */
export interface StaffFee {
  code: string;
  label: string;
  service: string;
  serviceTitle: string;
  option: FeeOption;
  optionLabel: string;
  amountFen: number;
  currency: string;
  updatedAt: string;
}

export interface StaffFees {
  missionId: string;
  fees: StaffFee[];
}

export interface FeeChange {
  code: string;
  option: FeeOption;
  amountFen: number;
  currency: string;
}

/** An order's payment as staff see it: the citizen's view plus what reconciliation found. */
export interface StaffPayment extends PaymentView {
  status: string;
  applicationStatus: string;
  transactionId: string | null;
  settledBy: string | null;
  lastCheckedAt: string | null;
  lastCheckResult: string | null;
  /** What may still be refunded (paid minus refunds reserved or done). */
  refundableFen: number;
  /** What staff should look at, or null. */
  attention: string | null;
}

export interface ReconciliationRun {
  at: string;
  checked: number;
  settled: number;
  closed: number;
  refundsSent: number;
  refundsUpdated: number;
  failures: number;
}

export interface PaymentEvent {
  orderNo: string;
  applicationId: string;
  kind: string;
  source: string;
  detail: Record<string, unknown>;
  at: string;
}

export interface Reconciliation {
  lastRun: ReconciliationRun | null;
  payments: Array<StaffPayment & { service: string; orderNo: string }>;
  events: PaymentEvent[];
}

const application = (id: string) => `/api/console/applications/${encodeURIComponent(id)}`;

export const paymentsApi = {
  fees: () => request<StaffFees>('/api/console/fees'),
  /** Supervisor or admin; audited. Applies to orders submitted from now on. */
  saveFees: (fees: FeeChange[]) => request<StaffFees>('/api/console/fees', { method: 'PUT', body: { fees } }),
  /** 404 NO_PAYMENT when the order has none. */
  payment: (applicationId: string) => request<StaffPayment>(`${application(applicationId)}/payment`),
  /** 到馆缴费: record the counter payment with its receipt number. 409 ALREADY_PAID / NOT_PAYABLE. */
  markPaid: (applicationId: string, receiptNo: string) =>
    request<PaymentView>(`${application(applicationId)}/mark-paid`, { method: 'POST', body: { receiptNo } }),
  /** Supervisor or admin; refused by the server for emergency travel certificates and beyond what is refundable. */
  refund: (applicationId: string, amountFen: number, reason: string) =>
    request<{ refund: RefundView; payment: PaymentView }>(`${application(applicationId)}/refunds`, { method: 'POST', body: { amountFen, reason } }),
  reconciliation: () => request<Reconciliation>('/api/console/payments/reconciliation'),
  /** Supervisor or admin: run now. */
  runReconciliation: () => request<Reconciliation>('/api/console/payments/reconciliation', { method: 'POST' }),
};

/** "130.00" → 13000 fen; null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 13000 → "130.00" (for inputs; formatFen adds the currency). */
export function yuanText(amountFen: number): string {
  return `${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, '0')}`;
}
