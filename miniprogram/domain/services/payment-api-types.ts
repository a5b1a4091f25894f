/**
 * Shapes of the payments API (server/payments), shared by the mini-program's request
 * layer and the server's route schemas. Amounts are integers in the currency's minor unit
 * (fen for CNY) — never floating point; format with `formatFen`.
 */
import { localizedMessages } from '../message-locale';

/** Processing speed a fee is charged for (normal 普通 / express 加急 / urgent 特急). */
export type FeeOption = 'normal' | 'express' | 'urgent';

/** The options' names in the current language (message-locale.ts): the fee note, the pay page, the server's fee lines. */
export const FEE_OPTION_LABELS = localizedMessages<Readonly<Record<FeeOption, string>>>({
  'zh-CN': { normal: '普通', express: '加急', urgent: '特急' },
  'zh-Hant': { normal: '普通', express: '加急', urgent: '特急' },
  en: { normal: 'standard', express: 'express', urgent: 'urgent' },
});

/** One line of a fee: what it is (the service definition's fee label) and its amount. */
export interface FeeLine {
  code: string;
  label: string;
  option: FeeOption;
  amountFen: number;
}

/** GET /api/applications/:id/fee — what this application costs and what that covers. */
export interface ApplicationFee {
  applicationId: string;
  /** True once submitted: the amount of the order, whatever the fee table says later. */
  fixed: boolean;
  amountFen: number;
  currency: string;
  option: FeeOption;
  items: FeeLine[];
  /** 'online' (微信支付) or 'at_mission' (到馆缴费); null while not chosen yet. */
  method: PaymentMethod | null;
  refundable: boolean;
  /** Shown before paying, e.g. emergency travel certificate: 已缴费用不予退还. */
  refundNote: string | null;
}

export type PaymentMethod = 'online' | 'at_mission';

/**
 * unpaid: online, waiting for WeChat Pay (the result page shows 支付确认中 while polling);
 * pay_at_mission: to be paid at the counter; paid; closed: not paid in time;
 * not_required: nothing to pay.
 */
export type PaymentState = 'unpaid' | 'pay_at_mission' | 'paid' | 'closed' | 'not_required';

export const PAYMENT_STATE_LABELS: Readonly<Record<PaymentState, string>> = {
  unpaid: '待支付',
  pay_at_mission: '待到馆缴费',
  paid: '已支付',
  closed: '已关闭（超时未支付）',
  not_required: '无需缴费',
};

export type RefundStatus = 'requested' | 'processing' | 'succeeded' | 'abnormal' | 'closed' | 'failed';

export const REFUND_STATUS_LABELS: Readonly<Record<RefundStatus, string>> = {
  requested: '退款申请中',
  processing: '退款处理中',
  succeeded: '已退款',
  abnormal: '退款异常，使领馆正在处理',
  closed: '退款已关闭',
  failed: '退款未成功，使领馆正在处理',
};

export interface RefundView {
  id: string;
  amountFen: number;
  reason: string;
  status: RefundStatus;
  statusLabel: string;
  requestedAt: string;
  completedAt: string | null;
}

/** GET /api/applications/:id/payment, and `payment` in the application detail. */
export interface PaymentView {
  applicationId: string;
  orderNo: string;
  method: PaymentMethod;
  state: PaymentState;
  stateLabel: string;
  amountFen: number;
  currency: string;
  items: FeeLine[];
  /** Online, unpaid: when the order closes unless paid. */
  expiresAt: string | null;
  paidAt: string | null;
  paidVia: 'wechat' | 'counter' | null;
  /** Counter payments: the receipt number staff entered. */
  receiptNo: string | null;
  /** Refunds that reached the citizen. */
  refundedFen: number;
  refunds: RefundView[];
  refundable: boolean;
}

/** wx.requestPayment's parameters, exactly as the server signed them. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** POST /api/applications/:id/pay → call wx.requestPayment(requestPayment), then poll GET …/payment. */
export interface PayResponse {
  payment: PaymentView;
  requestPayment: RequestPaymentParams;
}

/** "¥120.00" for 12000 fen (CNY); other currencies as "USD 18.00". */
export function formatFen(amountFen: number, currency = 'CNY'): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(amountFen));
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return currency === 'CNY' ? `${sign}¥${text}` : `${sign}${currency} ${text}`;
}
