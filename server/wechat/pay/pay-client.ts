import type { KeyObject } from 'node:crypto';
import { apiV3KeyBytes } from './aead';
import { parsePayNotification, ParseResult, WechatRefund, WechatTransaction } from './notification';
import { buildAuthorization, buildRequestPaymentParams, loadPrivateKey, RequestPaymentParams } from './signing';
import type { HeaderBag, VerificationFailure, WechatPayVerifier } from './verification';

/**
 * Our WeChat Pay API v3 client (直连商户, JSAPI / mini-program), on node:crypto only. Base URL
 * from config, so the same code talks to api.mch.weixin.qq.com or the local sandbox.
 * Every request is signed; every 2xx answer's Wechatpay-* signature is verified before its
 * body is believed (an unsigned or badly signed 2xx is treated as forged).
 */
export class WechatPayError extends Error {}

/** WeChat answered 4xx/5xx with {code, message}; the body is not signature-checked, so never settle money on it. */
export class WechatPayApiError extends WechatPayError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errorMessage: string,
    readonly requestId: string | null,
    readonly detail?: unknown,
  ) {
    super(`WeChat Pay ${status} ${code}: ${errorMessage}`);
  }
}

/** A 2xx answer whose signature did not verify: possibly forged; do not act on it. */
export class WechatPaySignatureError extends WechatPayError {
  constructor(
    readonly reason: VerificationFailure,
    readonly status: number,
  ) {
    super(`WeChat Pay answer failed signature verification: ${reason}`);
  }
}

/**
 * No usable answer (timeout, connection, unparsable body). The outcome is UNKNOWN: a prepay
 * or refund may have happened. Retrying with the same out_trade_no / out_refund_no is safe.
 */
export class WechatPayNetworkError extends WechatPayError {}

/** Our own input was refused before sending. */
export class WechatPayInputError extends WechatPayError {}

export interface JsapiPrepayInput {
  /** 商品描述, ≤ 127 characters. */
  description: string;
  /** Our order number: 6–32 of [0-9A-Za-z_-|*], unique per merchant. */
  outTradeNo: string;
  amountFen: number;
  payerOpenid: string;
  /** When WeChat stops accepting payment for it. */
  timeExpire?: Date;
  /** Returned as-is in queries and notifications, ≤ 128 characters. */
  attach?: string;
  /** Default: the client's notifyUrl. */
  notifyUrl?: string;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our refund number: 1–64 of [0-9A-Za-z_-|*@]; reusing it makes the call idempotent. */
  outRefundNo: string;
  refundFen: number;
  /** The original order's total, which WeChat checks. */
  totalFen: number;
  /** Shown to the payer, ≤ 80 characters. */
  reason?: string;
  /** Default: the client's refundNotifyUrl. */
  notifyUrl?: string;
}

export interface WechatPayClient {
  readonly mchId: string;
  readonly appId: string;
  jsapiPrepay(input: JsapiPrepayInput): Promise<{ prepayId: string }>;
  /** wx.requestPayment's parameters for a prepay id (signed with our key; no request to WeChat). */
  requestPaymentParams(prepayId: string): RequestPaymentParams;
  queryByOutTradeNo(outTradeNo: string): Promise<WechatTransaction>;
  /** Closes an unpaid order (204). WeChat answers ORDERPAID if it was paid meanwhile. */
  closeOrder(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<WechatRefund>;
  queryRefund(outRefundNo: string): Promise<WechatRefund>;
  /** parsePayNotification with this client's verifier and APIv3 key. */
  parseNotification(headers: HeaderBag, rawBody: Buffer | string): ParseResult;
}

export interface WechatPayClientOptions {
  /** https://api.mch.weixin.qq.com, or the sandbox. */
  apiBase: string;
  mchId: string;
  appId: string;
  /** Serial number of our merchant API certificate (商户API证书序列号). */
  serialNo: string;
  privateKeyPem: string | KeyObject;
  apiV3Key: string;
  verifier: WechatPayVerifier;
  /** Where WeChat posts payment results (https, no query string). */
  notifyUrl: string;
  /** Where WeChat posts refund results (default: none sent, WeChat uses the merchant setting). */
  refundNotifyUrl?: string;
  timeoutMs?: number;
  /** Milliseconds since the epoch, for time_expire formatting and signing; tests pin it. */
  now?: () => number;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const isFen = (value: number) => Number.isSafeInteger(value) && value > 0;

/** RFC 3339 in Beijing time, the form WeChat's examples use: 2018-06-08T10:34:56+08:00. */
export function beijingRfc3339(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

export function createWechatPayClient(options: WechatPayClientOptions): WechatPayClient {
  const privateKey = loadPrivateKey(options.privateKeyPem);
  const apiV3Key = apiV3KeyBytes(options.apiV3Key);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;

  async function call<T>(method: 'GET' | 'POST', pathAndQuery: string, payload?: unknown): Promise<{ status: number; body: T | null }> {
    const url = new URL(pathAndQuery, options.apiBase);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const authorization = buildAuthorization({
      mchId: options.mchId,
      serialNo: options.serialNo,
      privateKey,
      method,
      canonicalUrl: url.pathname + url.search,
      body,
      timestamp: String(Math.floor(now() / 1000)),
    });
    const headers: Record<string, string> = {
      authorization,
      accept: 'application/json',
      'user-agent': 'china-consular-wechatpay/1 (node)',
    };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let raw: Buffer;
    try {
      response = await fetch(url, { method, headers, body: payload === undefined ? undefined : body, signal: AbortSignal.timeout(timeoutMs) });
      raw = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new WechatPayNetworkError(`WeChat Pay ${method} ${url.pathname}: ${(error as Error).message}`);
    }
    const requestId = response.headers.get('request-id');
    if (response.status < 200 || response.status >= 300) {
      let parsed: { code?: unknown; message?: unknown; detail?: unknown } = {};
      try {
        parsed = JSON.parse(raw.toString('utf8')) as typeof parsed;
      } catch {
        // Not JSON (a proxy's error page, say): keep the HTTP status.
      }
      throw new WechatPayApiError(
        response.status,
        typeof parsed.code === 'string' ? parsed.code : `HTTP_${response.status}`,
        typeof parsed.message === 'string' ? parsed.message : '',
        requestId,
        parsed.detail,
      );
    }
    const verified = options.verifier.verifyHeaders(response.headers, raw);
    if (!verified.ok) throw new WechatPaySignatureError(verified.reason, response.status);
    if (raw.length === 0) return { status: response.status, body: null };
    try {
      return { status: response.status, body: JSON.parse(raw.toString('utf8')) as T };
    } catch {
      throw new WechatPayNetworkError(`WeChat Pay ${method} ${url.pathname}: signed answer is not JSON`);
    }
  }

  function checkOutTradeNo(outTradeNo: string) {
    if (!OUT_TRADE_NO.test(outTradeNo)) throw new WechatPayInputError(`bad out_trade_no ${JSON.stringify(outTradeNo)}`);
  }

  function expectBody<T>(result: { body: T | null }, what: string): T {
    if (result.body === null) throw new WechatPayNetworkError(`WeChat Pay answered ${what} with an empty body`);
    return result.body;
  }

  return {
    mchId: options.mchId,
    appId: options.appId,

    async jsapiPrepay(input) {
      checkOutTradeNo(input.outTradeNo);
      if (!isFen(input.amountFen)) throw new WechatPayInputError('the amount must be a positive whole number of fen');
      if (!input.description || [...input.description].length > 127) throw new WechatPayInputError('the description must be 1–127 characters');
      if (!input.payerOpenid) throw new WechatPayInputError('the payer openid is required');
      if (input.attach !== undefined && [...input.attach].length > 128) throw new WechatPayInputError('attach is at most 128 characters');
      const payload = {
        appid: options.appId,
        mchid: options.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        ...(input.timeExpire ? { time_expire: beijingRfc3339(input.timeExpire) } : {}),
        ...(input.attach !== undefined ? { attach: input.attach } : {}),
        notify_url: input.notifyUrl ?? options.notifyUrl,
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.payerOpenid },
      };
      const body = expectBody(await call<{ prepay_id?: unknown }>('POST', '/v3/pay/transactions/jsapi', payload), 'jsapi');
      if (typeof body.prepay_id !== 'string' || !body.prepay_id) throw new WechatPayNetworkError('jsapi answer has no prepay_id');
      return { prepayId: body.prepay_id };
    },

    requestPaymentParams(prepayId) {
      return buildRequestPaymentParams({ appId: options.appId, prepayId, privateKey, timeStamp: String(Math.floor(now() / 1000)) });
    },

    async queryByOutTradeNo(outTradeNo) {
      checkOutTradeNo(outTradeNo);
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(options.mchId)}`;
      return expectBody(await call<WechatTransaction>('GET', path), 'query');
    },

    async closeOrder(outTradeNo) {
      checkOutTradeNo(outTradeNo);
      await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: options.mchId });
    },

    async refund(input) {
      checkOutTradeNo(input.outTradeNo);
      if (!OUT_REFUND_NO.test(input.outRefundNo)) throw new WechatPayInputError(`bad out_refund_no ${JSON.stringify(input.outRefundNo)}`);
      if (!isFen(input.refundFen) || !isFen(input.totalFen)) throw new WechatPayInputError('amounts must be positive whole numbers of fen');
      if (input.refundFen > input.totalFen) throw new WechatPayInputError('cannot refund more than the order total');
      if (input.reason !== undefined && [...input.reason].length > 80) throw new WechatPayInputError('the reason is at most 80 characters');
      const notifyUrl = input.notifyUrl ?? options.refundNotifyUrl;
      const payload = {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(notifyUrl ? { notify_url: notifyUrl } : {}),
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      };
      return expectBody(await call<WechatRefund>('POST', '/v3/refund/domestic/refunds', payload), 'refund');
    },

    async queryRefund(outRefundNo) {
      if (!OUT_REFUND_NO.test(outRefundNo)) throw new WechatPayInputError(`bad out_refund_no ${JSON.stringify(outRefundNo)}`);
      return expectBody(await call<WechatRefund>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`), 'refund query');
    },

    parseNotification(headers, rawBody) {
      return parsePayNotification(headers, rawBody, { verifier: options.verifier, apiV3Key });
    },
  };
}
