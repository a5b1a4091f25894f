/**
 * The payments API (server/payments) for the pay pages — in the subpackage, not the main
 * package's api/, so only citizens who pay download it. Same request() as everywhere else.
 */
import { request } from '../../api/request';
import type { PaymentView, PayResponse, RequestPaymentParams } from './domain/services/payment-api-types';

const enc = encodeURIComponent;

/** What the order costs and covers (fixed at submission): the same call the review step makes. */
export { fetchFee } from '../../api/applications';

/** The payment and its refunds; poll after wx.requestPayment until state is 'paid'. */
export function fetchPayment(id: string): Promise<PaymentView> {
  return request<PaymentView>(`/api/applications/${enc(id)}/payment`);
}

/** 去支付: wx.requestPayment's signed parameters. 409 ALREADY_PAID, PAY_AT_MISSION, PAYMENT_CLOSED, NOT_PAYABLE. */
export function startPayment(id: string): Promise<PayResponse> {
  return request<PayResponse>(`/api/applications/${enc(id)}/pay`, { method: 'POST', body: {} });
}

/** Development only (config.ts devPayConfirmEnabled): the sandbox pays and notifies; 404 where the route does not exist. */
export function devConfirmPayment(id: string): Promise<PaymentView> {
  return request<PaymentView>(`/api/dev/pay/${enc(id)}/confirm`, { method: 'POST', body: {} });
}

export type RequestPaymentOutcome = { ok: true } | { ok: false; cancelled: boolean; errMsg: string };

/** wx.requestPayment as a promise that never rejects: paid, cancelled by the citizen, or failed. */
export function requestPayment(params: RequestPaymentParams): Promise<RequestPaymentOutcome> {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      success: () => resolve({ ok: true }),
      fail: (error) => {
        const errMsg = String(error?.errMsg ?? '');
        resolve({ ok: false, cancelled: /cancel/i.test(errMsg), errMsg });
      },
    });
  });
}
