import { AeadError, decryptResource, EncryptedResource } from './aead';
import type { HeaderBag, VerificationFailure, WechatPayVerifier } from './verification';

/**
 * WeChat Pay notifications (支付通知 / 退款结果通知), verified and decrypted; pure — no
 * database, no clock but the verifier's. WeChat POSTs JSON
 *   {id, create_time, event_type, resource_type: 'encrypt-resource', summary,
 *    resource: {algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data, nonce, original_type}}
 * with Wechatpay-* signature headers. Payment: event_type TRANSACTION.SUCCESS, resource a
 * transaction. Refund: REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED, resource a refund.
 * WeChat retries until it gets 200/204, for about a day, and sometimes sends deliberately
 * bad signatures (Wechatpay-Signature starting `WECHATPAY/SIGNTEST/`), which must be refused.
 *
 * The route must hand over the raw body: parse application/json as a Buffer in its own
 * Fastify scope (see `rawJsonParser`), never JSON.stringify(request.body).
 */
export type NotificationRejection =
  | VerificationFailure
  /** Not JSON, or not the notification shape. */
  | 'malformed'
  /** The resource would not decrypt (tampered, wrong APIv3 key, unsupported algorithm). */
  | 'decrypt-failed'
  /** Decrypted, but the plaintext is not the transaction/refund it should be. */
  | 'malformed-resource'
  /** Signed and well-formed, but an event we do not handle. */
  | 'unsupported-event';

/** A transaction (支付订单) as query-by-out-trade-no returns it and TRANSACTION.* carries it. */
export interface WechatTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  /** SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
  trade_state: string;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

/** A refund (退款) as the refund APIs return it … */
export interface WechatRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel?: string;
  user_received_account?: string;
  success_time?: string;
  create_time?: string;
  /** SUCCESS, CLOSED, PROCESSING, ABNORMAL. */
  status: string;
  funds_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

/** … and as REFUND.* notifications carry it (refund_status instead of status, plus mchid). */
export interface WechatRefundNotice {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: string;
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number };
}

interface Envelope {
  id: string;
  createTime: string;
  eventType: string;
  summary: string;
  /** The Wechatpay-Serial that signed it. */
  keyId: string;
}

export type PayNotification =
  | (Envelope & { kind: 'transaction'; transaction: WechatTransaction })
  | (Envelope & { kind: 'refund'; refund: WechatRefundNotice });

export type ParseResult = { ok: true; notification: PayNotification } | { ok: false; reason: NotificationRejection; detail: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function reject(reason: NotificationRejection, detail: string): ParseResult {
  return { ok: false, reason, detail };
}

export function isTransaction(value: unknown): value is WechatTransaction {
  return (
    isObject(value) &&
    isString(value.appid) &&
    isString(value.mchid) &&
    isString(value.out_trade_no) &&
    isString(value.trade_state) &&
    (value.amount === undefined || (isObject(value.amount) && isFen(value.amount.total)))
  );
}

export function isRefundNotice(value: unknown): value is WechatRefundNotice {
  return (
    isObject(value) &&
    isString(value.mchid) &&
    isString(value.out_trade_no) &&
    isString(value.out_refund_no) &&
    isString(value.refund_id) &&
    isString(value.refund_status) &&
    isObject(value.amount) &&
    isFen(value.amount.total) &&
    isFen(value.amount.refund)
  );
}

/**
 * Verifies the signature over the raw body, then decrypts and shape-checks the resource.
 * Signature first: nothing about an unverified body is trusted, not even its JSON.
 */
export function parsePayNotification(
  headers: HeaderBag,
  rawBody: Buffer | string,
  options: { verifier: WechatPayVerifier; apiV3Key: string | Buffer },
): ParseResult {
  const verified = options.verifier.verifyHeaders(headers, rawBody);
  if (!verified.ok) return reject(verified.reason, `signature check failed: ${verified.reason}`);

  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return reject('malformed', 'the body is not JSON');
  }
  if (!isObject(body) || !isString(body.id) || !isString(body.event_type) || !isObject(body.resource)) {
    return reject('malformed', 'the body is not a WeChat Pay notification');
  }
  const resource = body.resource;
  if (!isString(resource.algorithm) || !isString(resource.ciphertext) || !isString(resource.nonce)) {
    return reject('malformed', 'the resource is incomplete');
  }
  if (resource.associated_data !== undefined && !isString(resource.associated_data)) return reject('malformed', 'bad associated_data');

  const eventType = body.event_type;
  const kind = eventType.startsWith('TRANSACTION.') ? 'transaction' : eventType.startsWith('REFUND.') ? 'refund' : null;
  if (!kind) return reject('unsupported-event', `event ${eventType} is not a payment or refund`);

  let plaintext: string;
  try {
    plaintext = decryptResource(resource as unknown as EncryptedResource, options.apiV3Key);
  } catch (error) {
    return reject('decrypt-failed', error instanceof AeadError ? error.reason : 'decryption failed');
  }
  let decrypted: unknown;
  try {
    decrypted = JSON.parse(plaintext);
  } catch {
    return reject('malformed-resource', 'the decrypted resource is not JSON');
  }
  const envelope: Envelope = {
    id: body.id,
    createTime: isString(body.create_time) ? body.create_time : '',
    eventType,
    summary: isString(body.summary) ? body.summary : '',
    keyId: verified.keyId,
  };
  if (kind === 'transaction') {
    if (!isTransaction(decrypted)) return reject('malformed-resource', 'the resource is not a transaction');
    return { ok: true, notification: { ...envelope, kind, transaction: decrypted } };
  }
  if (!isRefundNotice(decrypted)) return reject('malformed-resource', 'the resource is not a refund');
  return { ok: true, notification: { ...envelope, kind, refund: decrypted } };
}

/**
 * What to compare before marking an order paid: every field that must match our order.
 * Returns the names of those that do not (empty: it is ours and the amount is right).
 */
export function transactionMismatches(
  transaction: WechatTransaction,
  expected: { mchId: string; appId: string; outTradeNo: string; amountFen: number; payerOpenid?: string },
): string[] {
  const wrong: string[] = [];
  if (transaction.mchid !== expected.mchId) wrong.push('mchid');
  if (transaction.appid !== expected.appId) wrong.push('appid');
  if (transaction.out_trade_no !== expected.outTradeNo) wrong.push('out_trade_no');
  if (transaction.amount?.total !== expected.amountFen) wrong.push('amount.total');
  if (transaction.amount?.currency !== undefined && transaction.amount.currency !== 'CNY') wrong.push('amount.currency');
  if (expected.payerOpenid !== undefined && transaction.payer?.openid !== expected.payerOpenid) wrong.push('payer.openid');
  return wrong;
}

/** The answer WeChat expects: 204 when handled, else 4xx/5xx with {code: 'FAIL', message}. */
export function notificationFailure(reason: NotificationRejection | 'mismatch' | 'unknown-order' | 'internal'): {
  status: number;
  body: { code: 'FAIL'; message: string };
} {
  const status = reason === 'internal' ? 500 : reason === 'unknown-serial' || reason === 'bad-signature' || reason === 'bad-signature-encoding' ? 401 : 400;
  return { status, body: { code: 'FAIL', message: reason } };
}

/**
 * A Fastify content-type parser that keeps application/json as the raw Buffer, for the
 * notification routes' own scope:
 *   scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, rawJsonParser)
 */
export function rawJsonParser(_request: unknown, body: Buffer | string, done: (error: Error | null, body?: Buffer) => void): void {
  done(null, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
}
