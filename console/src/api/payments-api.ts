/**
 * Payments in the console (server/payments/console-routes.ts): the mission's fee table,
 * an order's payment (counter payments, refunds) and reconciliation. Amounts are integers
 * in the currency's minor unit (fen) — never floating point.
 */
import type { FeeChange, Reconciliation, StaffFees, StaffPayment } from '../../../contracts/payments';
import type { PaymentView, RefundView } from '../../../miniprogram/domain/services/payment-api-types';
import { request } from './http';

export type { FeeChange, PaymentEvent, ReconcileReport, Reconciliation, StaffFee, StaffFees, StaffPayment } from '../../../contracts/payments';

export type { FeeOption, PaymentView, RefundView } from '../../../miniprogram/domain/services/payment-api-types';
export { formatFen } from '../../../miniprogram/domain/services/payment-api-types';

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
