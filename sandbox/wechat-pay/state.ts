import crypto from 'node:crypto';

/** What the WeChat Pay sandbox is configured with (see `../wechat-pay-sandbox.ts`). */
export interface PaySandboxOptions {
  mchId: string;
  appId: string;
  /** Our merchant public key (SPKI PEM or the merchant certificate): what our signatures must verify with. */
  merchantPublicKeyPem: string;
  /** When given, the Authorization serial_no must be this. */
  merchantSerialNo?: string;
  /** The platform private key the sandbox signs with. */
  platformPrivateKeyPem: string;
  /** Wechatpay-Serial to send: a platform certificate serial, … */
  platformSerial?: string;
  /** … or the WeChat Pay public key id (PUB_KEY_ID_…). One of the two is required. */
  publicKeyId?: string;
  /** 32-byte APIv3 key for encrypting notification resources. */
  apiV3Key: string;
  /** Refused request skew (default 300 s). */
  maxSkewSeconds?: number;
  /** Complete refunds by themselves (SUCCESS) after this many ms; default: wait for refund-complete. */
  autoCompleteRefundsMs?: number;
  /** Where refund results go when the refund request names no notify_url. */
  defaultRefundNotifyUrl?: string;
}

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'PAYERROR';
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
export type Tamper = 'signature' | 'ciphertext' | 'serial' | 'timestamp';

export interface SandboxTransaction {
  outTradeNo: string;
  prepayId: string;
  description: string;
  notifyUrl: string;
  totalFen: number;
  payerOpenid: string;
  attach?: string;
  timeExpire?: string;
  state: TradeState;
  transactionId?: string;
  successTime?: string;
}

export interface SandboxRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
  status: RefundStatus;
  createTime: string;
  successTime?: string;
}

export interface DeliveryLogEntry {
  seq: number;
  notificationId: string;
  eventType: string;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  copy: number;
  tamper: Tamper | null;
  queuedAt: string;
  sentAt: string | null;
  /** Our server's HTTP status; null while pending or when the request failed. */
  status: number | null;
  responseBody: string | null;
  error: string | null;
}

/**
 * Everything the sandbox remembers, for one Fastify instance: orders, refunds, what was sent,
 * queued faults, and the timers of delayed work (cleared when the server closes).
 */
export class PayState {
  readonly transactions = new Map<string, SandboxTransaction>();
  readonly byPrepayId = new Map<string, string>();
  readonly refunds = new Map<string, SandboxRefund>();
  readonly log: DeliveryLogEntry[] = [];
  /** Per WeChat API (jsapi, query, close, refund, refund-query): the next answers' error codes. */
  readonly faults = new Map<string, string[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  takeFault(api: string): string | undefined {
    return this.faults.get(api)?.shift();
  }

  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}

/** WeChat's error codes and the HTTP status each comes with. */
export const ERROR_STATUS: Record<string, number> = {
  PARAM_ERROR: 400,
  INVALID_REQUEST: 400,
  APPID_MCHID_NOT_MATCH: 400,
  MCH_NOT_EXISTS: 400,
  ORDER_CLOSED: 400,
  ORDERPAID: 400,
  SIGN_ERROR: 401,
  NO_AUTH: 403,
  NOT_ENOUGH: 403,
  OUT_TRADE_NO_USED: 403,
  RULE_LIMIT: 403,
  TRADE_ERROR: 403,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  FREQUENCY_LIMITED: 429,
  SYSTEM_ERROR: 500,
  BANK_ERROR: 500,
};

/** A WeChat error answer (`code` is one of ERROR_STATUS). */
export class PayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const digits = (count: number) => Array.from(crypto.randomBytes(count), (byte) => String(byte % 10)).join('');

export function beijingTime(date = new Date()): string {
  return `${new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`;
}

// --- Views, shaped like WeChat's answers ---

export const transactionView = (options: PaySandboxOptions, tx: SandboxTransaction) => {
  const paid = tx.state === 'SUCCESS' || tx.state === 'REFUND';
  return {
    appid: options.appId,
    mchid: options.mchId,
    out_trade_no: tx.outTradeNo,
    ...(tx.transactionId ? { transaction_id: tx.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: tx.state,
    trade_state_desc: { NOTPAY: '订单未支付', SUCCESS: '支付成功', REFUND: '转入退款', CLOSED: '已关闭', PAYERROR: '支付失败' }[tx.state],
    ...(paid ? { bank_type: 'OTHERS', success_time: tx.successTime } : {}),
    attach: tx.attach ?? '',
    payer: paid ? { openid: tx.payerOpenid } : {},
    amount: paid ? { total: tx.totalFen, payer_total: tx.totalFen, currency: 'CNY', payer_currency: 'CNY' } : { total: tx.totalFen, currency: 'CNY' },
  };
};

export const refundView = (refund: SandboxRefund) => ({
  refund_id: refund.refundId,
  out_refund_no: refund.outRefundNo,
  transaction_id: refund.transactionId,
  out_trade_no: refund.outTradeNo,
  channel: 'ORIGINAL',
  user_received_account: '支付用户零钱',
  ...(refund.successTime ? { success_time: refund.successTime } : {}),
  create_time: refund.createTime,
  status: refund.status,
  funds_account: 'AVAILABLE',
  amount: {
    total: refund.totalFen,
    refund: refund.refundFen,
    payer_total: refund.totalFen,
    payer_refund: refund.refundFen,
    settlement_total: refund.totalFen,
    settlement_refund: refund.refundFen,
    discount_refund: 0,
    currency: 'CNY',
  },
});
