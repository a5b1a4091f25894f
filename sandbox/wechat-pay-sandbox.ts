import crypto, { KeyObject } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The WeChat Pay side of the local sandbox (there is no v3 sandbox at WeChat). It speaks
 * api.mch.weixin.qq.com's own endpoints so our real client runs against it unchanged, and
 * does what WeChat does with signatures: it verifies OUR requests' Authorization with our
 * merchant public key (401 SIGN_ERROR otherwise), signs its answers with the platform key
 * (Wechatpay-* headers), and sends AES-256-GCM-encrypted, signed notifications to the order's
 * notify_url. Its crypto is written here directly on node:crypto — deliberately not shared
 * with server/wechat/pay — so a mistake on our side cannot be mirrored on this one.
 *
 * WeChat endpoints:
 *   POST /v3/pay/transactions/jsapi                               → {prepay_id}
 *   GET  /v3/pay/transactions/out-trade-no/{no}?mchid=…           → transaction
 *   POST /v3/pay/transactions/out-trade-no/{no}/close {mchid}     → 204
 *   POST /v3/refund/domestic/refunds                              → refund (PROCESSING)
 *   GET  /v3/refund/domestic/refunds/{out_refund_no}              → refund
 * Controls (not WeChat):
 *   POST /sandbox/pay/confirm {prepayId | outTradeNo, result?: 'SUCCESS' | 'PAYERROR',
 *        copies?, delayMs?, tamper?: 'signature' | 'ciphertext' | 'serial' | 'timestamp'}
 *        SUCCESS marks it paid and sends TRANSACTION.SUCCESS (again, if already paid);
 *        PAYERROR marks it failed and, like WeChat, notifies nobody.
 *   POST /sandbox/pay/refund-complete {outRefundNo, result?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED',
 *        copies?, delayMs?, tamper?}  → REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED
 *   GET  /sandbox/pay/notifications[?outTradeNo=…]  what was sent and what our server answered
 *   GET  /sandbox/pay/transactions/{outTradeNo}     the sandbox's own view of an order
 *   POST /sandbox/pay/faults {api, codes}           next answers of `api` (jsapi, query, close,
 *        refund, refund-query) are these errors (e.g. SYSTEM_ERROR, FREQUENCY_LIMITED), or
 *        BAD_RESPONSE_SIGNATURE: a normal answer whose signature does not verify.
 * Without delayMs, confirm/refund-complete answer after every copy has been delivered.
 */
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

type TradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'PAYERROR';
type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
type Tamper = 'signature' | 'ciphertext' | 'serial' | 'timestamp';

interface SandboxTransaction {
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

interface SandboxRefund {
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

interface DeliveryRequest {
  copies?: number;
  delayMs?: number;
  tamper?: Tamper;
}

/** WeChat's error codes and the HTTP status each comes with. */
const ERROR_STATUS: Record<string, number> = {
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

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const TAMPERS: readonly Tamper[] = ['signature', 'ciphertext', 'serial', 'timestamp'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const digits = (count: number) => Array.from(crypto.randomBytes(count), (byte) => String(byte % 10)).join('');
const nonceString = () => crypto.randomBytes(24).toString('base64').replace(/[+/=]/g, '').slice(0, 32);

function beijingTime(date = new Date()): string {
  return `${new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`;
}

const textOf = (value: string, min: number, max: number) => [...value].length >= min && [...value].length <= max;
const isNotifyUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^?#]+$/.test(value);
const isRfc3339 = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/.test(value) && !Number.isNaN(Date.parse(value));

/** WeChat's PARAM_ERROR unless `ok`. */
function param(ok: boolean, message: string): void {
  if (!ok) throw new PayError('PARAM_ERROR', message);
}

class PayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PaySandbox {
  /** The sandbox's order view (tests may look; not part of WeChat). */
  transaction(outTradeNo: string): Readonly<SandboxTransaction> | undefined;
  deliveries(): readonly DeliveryLogEntry[];
}

/** Adds WeChat Pay's endpoints and the /sandbox/pay/* controls to a Fastify instance (before listen). */
export function registerPaySandbox(app: FastifyInstance, options: PaySandboxOptions): PaySandbox {
  const serial = options.publicKeyId ?? options.platformSerial;
  if (!serial) throw new Error('registerPaySandbox needs platformSerial or publicKeyId');
  const apiV3Key = Buffer.from(options.apiV3Key, 'utf8');
  if (apiV3Key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  const merchantKey: KeyObject = options.merchantPublicKeyPem.includes('BEGIN CERTIFICATE')
    ? new crypto.X509Certificate(options.merchantPublicKeyPem).publicKey
    : crypto.createPublicKey(options.merchantPublicKeyPem);
  const platformKey = crypto.createPrivateKey(options.platformPrivateKeyPem);
  const maxSkew = options.maxSkewSeconds ?? 300;

  const transactions = new Map<string, SandboxTransaction>();
  const byPrepayId = new Map<string, string>();
  const refunds = new Map<string, SandboxRefund>();
  const log: DeliveryLogEntry[] = [];
  const faults = new Map<string, string[]>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;

  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer);
  });

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  // --- The platform's signature, written out: base64 SHA256withRSA over `ts\nnonce\nbody\n` ---

  const platformSign = (timestamp: string, nonce: string, body: string) =>
    crypto.sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), platformKey).toString('base64');

  const corrupt = (signature: string) => {
    const raw = Buffer.from(signature, 'base64');
    raw[raw.length >> 1] ^= 0x01;
    return raw.toString('base64');
  };

  /** Sends a WeChat-style answer: exact JSON bytes, signed. */
  function answer(reply: FastifyReply, status: number, payload: unknown, badSignature = false) {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = nonceString();
    const signature = platformSign(timestamp, nonce, body);
    reply
      .code(status)
      .header('Request-ID', crypto.randomUUID())
      .header('Wechatpay-Timestamp', timestamp)
      .header('Wechatpay-Nonce', nonce)
      .header('Wechatpay-Signature', badSignature ? corrupt(signature) : signature)
      .header('Wechatpay-Serial', serial)
      .header('Wechatpay-Signature-Type', 'WECHATPAY2-SHA256-RSA2048');
    if (body === '') return reply.send();
    return reply.type('application/json; charset=utf-8').send(body);
  }

  const fail = (reply: FastifyReply, code: string, message: string) => answer(reply, ERROR_STATUS[code] ?? 400, { code, message });

  /**
   * WeChat's request check: Authorization = WECHATPAY2-SHA256-RSA2048 with our mchid, a
   * current timestamp, and a signature over METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n (URL as
   * requested, BODY the raw bytes) that verifies with our merchant public key.
   */
  function checkSignature(request: FastifyRequest, rawBody: Buffer): string | null {
    const header = request.headers.authorization ?? '';
    const prefix = 'WECHATPAY2-SHA256-RSA2048 ';
    if (!header.startsWith(prefix)) return '错误的签名类型，应为 WECHATPAY2-SHA256-RSA2048';
    const fields = new Map<string, string>();
    for (const part of header.slice(prefix.length).split(',')) {
      const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
      if (!match || fields.has(match[1])) return 'Authorization 格式错误';
      fields.set(match[1], match[2]);
    }
    const [mchid, nonce, signature, timestamp, serialNo] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((k) => fields.get(k));
    if (!mchid || !nonce || !signature || !timestamp || !serialNo) return 'Authorization 缺少参数';
    if (mchid !== options.mchId) return '商户号与签名不匹配';
    if (options.merchantSerialNo && serialNo.toUpperCase() !== options.merchantSerialNo.toUpperCase()) return '商户证书序列号有误';
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > maxSkew) return '请求时间戳已过期';
    const message = Buffer.concat([Buffer.from(`${request.method}\n${request.url}\n${timestamp}\n${nonce}\n`, 'utf8'), rawBody, Buffer.from('\n')]);
    const ok = crypto.verify('sha256', message, merchantKey, Buffer.from(signature, 'base64'));
    return ok ? null : '签名错误，请检查后再试';
  }

  const takeFault = (api: string) => faults.get(api)?.shift();

  /** Common path for every WeChat endpoint: signature, queued faults, then the handler. */
  function endpoint(
    api: string,
    handle: (request: FastifyRequest, body: Record<string, unknown>) => { status: number; payload?: unknown },
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const problem = checkSignature(request, raw);
      if (problem) return fail(reply, 'SIGN_ERROR', problem);
      const fault = takeFault(api);
      if (fault && fault !== 'BAD_RESPONSE_SIGNATURE') return fail(reply, fault, `sandbox fault ${fault}`);
      let body: Record<string, unknown> = {};
      if (raw.length > 0) {
        try {
          const parsed: unknown = JSON.parse(raw.toString('utf8'));
          if (!isObject(parsed)) throw new Error('not an object');
          body = parsed;
        } catch {
          return fail(reply, 'PARAM_ERROR', '请求体不是合法的 JSON 对象');
        }
      }
      try {
        const result = handle(request, body);
        return answer(reply, result.status, result.payload, fault === 'BAD_RESPONSE_SIGNATURE');
      } catch (error) {
        if (error instanceof PayError) return fail(reply, error.code, error.message);
        throw error;
      }
    };
  }

  // --- Views, shaped like WeChat's answers ---

  const transactionView = (tx: SandboxTransaction) => {
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

  const refundView = (refund: SandboxRefund) => ({
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

  // --- Notifications ---

  function encrypt(plaintext: string, associatedData: string) {
    const nonce = crypto.randomBytes(9).toString('base64url'); // 12 characters
    const cipher = crypto.createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ciphertext.toString('base64'), associated_data: associatedData, nonce };
  }

  function notificationBody(eventType: string, summary: string, originalType: string, resource: unknown, tamper: Tamper | null) {
    const encrypted = encrypt(JSON.stringify(resource), originalType);
    if (tamper === 'ciphertext') {
      const raw = Buffer.from(encrypted.ciphertext, 'base64');
      raw[0] ^= 0x01;
      encrypted.ciphertext = raw.toString('base64');
    }
    return {
      id: crypto.randomUUID(),
      create_time: beijingTime(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: originalType, ...encrypted },
    };
  }

  async function deliver(entry: DeliveryLogEntry, body: string) {
    const timestamp = String(Math.floor(Date.now() / 1000) - (entry.tamper === 'timestamp' ? 600 : 0));
    const nonce = nonceString();
    const signature = platformSign(timestamp, nonce, body);
    entry.sentAt = new Date().toISOString();
    try {
      const response = await fetch(entry.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/4.0',
          'wechatpay-timestamp': timestamp,
          'wechatpay-nonce': nonce,
          'wechatpay-signature': entry.tamper === 'signature' ? corrupt(signature) : signature,
          'wechatpay-serial': entry.tamper === 'serial' ? crypto.randomBytes(20).toString('hex').toUpperCase() : serial!,
          'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
        },
        body,
        signal: AbortSignal.timeout(5000), // WeChat waits 5 s
      });
      entry.status = response.status;
      entry.responseBody = (await response.text()).slice(0, 2000);
    } catch (error) {
      entry.error = (error as Error).message;
    }
  }

  /** Sends `copies` concurrent copies of one notification (after delayMs); resolves when all are answered. */
  async function send(
    url: string | undefined,
    notification: ReturnType<typeof notificationBody>,
    ids: { outTradeNo: string; outRefundNo?: string },
    request: DeliveryRequest,
  ): Promise<DeliveryLogEntry[]> {
    const body = JSON.stringify(notification);
    const copies = Math.min(Math.max(request.copies ?? 1, 1), 200);
    const entries: DeliveryLogEntry[] = Array.from({ length: copies }, (_, copy) => ({
      seq: ++seq,
      notificationId: notification.id,
      eventType: notification.event_type,
      ...ids,
      url: url ?? '',
      copy: copy + 1,
      tamper: request.tamper ?? null,
      queuedAt: new Date().toISOString(),
      sentAt: null,
      status: null,
      responseBody: null,
      error: url ? null : 'no notify_url',
    }));
    log.push(...entries);
    if (!url) return entries;
    const run = () => Promise.all(entries.map((entry) => deliver(entry, body)));
    if (request.delayMs && request.delayMs > 0) {
      later(request.delayMs, () => void run());
      return entries;
    }
    await run();
    return entries;
  }

  function deliveryRequest(body: Record<string, unknown>): DeliveryRequest {
    const { copies, delayMs, tamper } = body;
    if (copies !== undefined && !(Number.isInteger(copies) && (copies as number) >= 1 && (copies as number) <= 200)) throw new Error('copies: 1–200');
    if (delayMs !== undefined && !(Number.isInteger(delayMs) && (delayMs as number) >= 0)) throw new Error('delayMs: a whole number ≥ 0');
    if (tamper !== undefined && !TAMPERS.includes(tamper as Tamper)) throw new Error(`tamper: one of ${TAMPERS.join(', ')}`);
    return { copies: copies as number | undefined, delayMs: delayMs as number | undefined, tamper: tamper as Tamper | undefined };
  }

  function completeRefund(refund: SandboxRefund, result: Exclude<RefundStatus, 'PROCESSING'>, request: DeliveryRequest) {
    if (refund.status === 'PROCESSING') {
      refund.status = result;
      if (result === 'SUCCESS') {
        refund.successTime = beijingTime();
        const tx = transactions.get(refund.outTradeNo);
        if (tx) tx.state = 'REFUND';
      }
    }
    const resource = {
      mchid: options.mchId,
      out_trade_no: refund.outTradeNo,
      transaction_id: refund.transactionId,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
    };
    const summary = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭', PROCESSING: '退款处理中' }[refund.status];
    const notification = notificationBody(`REFUND.${refund.status}`, summary, 'refund', resource, request.tamper ?? null);
    return send(refund.notifyUrl, notification, { outTradeNo: refund.outTradeNo, outRefundNo: refund.outRefundNo }, request);
  }

  // --- WeChat's endpoints, in a scope that keeps JSON bodies raw (signatures cover the bytes) ---

  app.register(async (api) => {
    api.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    api.post(
      '/v3/pay/transactions/jsapi',
      endpoint('jsapi', (_request, body) => {
        const amount = isObject(body.amount) ? body.amount : {};
        const payer = isObject(body.payer) ? body.payer : {};
        if (body.appid !== options.appId || body.mchid !== options.mchId) throw new PayError('APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
        param(typeof body.out_trade_no === 'string' && OUT_TRADE_NO.test(body.out_trade_no), '商户订单号格式不正确');
        param(typeof body.description === 'string' && textOf(body.description, 1, 127), '商品描述格式不正确');
        param(isNotifyUrl(body.notify_url), '通知地址格式不正确');
        param(isFen(amount.total), '订单金额必须为正整数（分）');
        param(amount.currency === undefined || amount.currency === 'CNY', '货币类型不正确');
        param(typeof payer.openid === 'string' && payer.openid !== '', '缺少参数 payer.openid');
        param(body.attach === undefined || (typeof body.attach === 'string' && textOf(body.attach, 0, 128)), '附加数据格式不正确');
        param(body.time_expire === undefined || isRfc3339(body.time_expire), 'time_expire 格式不正确');
        // All checked just above.
        const [outTradeNo, description, notifyUrl] = [body.out_trade_no as string, body.description as string, body.notify_url as string];
        const [totalFen, payerOpenid] = [amount.total as number, payer.openid as string];
        const existing = transactions.get(outTradeNo);
        if (existing) {
          if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new PayError('ORDERPAID', '该订单已支付');
          if (existing.state === 'CLOSED') throw new PayError('ORDER_CLOSED', '订单已关闭');
          const same = existing.totalFen === totalFen && existing.payerOpenid === payerOpenid && existing.description === description;
          if (!same) throw new PayError('INVALID_REQUEST', '201 商户订单号重复');
          return { status: 200, payload: { prepay_id: existing.prepayId } };
        }
        const stamp = beijingTime().slice(0, 19).replace(/\D/g, '');
        const prepayId = `wx${stamp}${crypto.randomBytes(10).toString('hex')}`;
        transactions.set(outTradeNo, {
          outTradeNo,
          prepayId,
          description,
          notifyUrl,
          totalFen,
          payerOpenid,
          attach: body.attach as string | undefined,
          timeExpire: body.time_expire as string | undefined,
          state: 'NOTPAY',
        });
        byPrepayId.set(prepayId, outTradeNo);
        return { status: 200, payload: { prepay_id: prepayId } };
      }),
    );

    api.get(
      '/v3/pay/transactions/out-trade-no/:outTradeNo',
      endpoint('query', (request) => {
        const { outTradeNo } = request.params as { outTradeNo: string };
        const { mchid } = request.query as { mchid?: string };
        if (mchid !== options.mchId) throw new PayError('PARAM_ERROR', '缺少参数 mchid 或 mchid 不正确');
        const tx = transactions.get(outTradeNo);
        if (!tx) throw new PayError('ORDER_NOT_EXIST', '订单不存在');
        return { status: 200, payload: transactionView(tx) };
      }),
    );

    api.post(
      '/v3/pay/transactions/out-trade-no/:outTradeNo/close',
      endpoint('close', (request, body) => {
        const { outTradeNo } = request.params as { outTradeNo: string };
        if (body.mchid !== options.mchId) throw new PayError('PARAM_ERROR', '缺少参数 mchid 或 mchid 不正确');
        const tx = transactions.get(outTradeNo);
        if (!tx) throw new PayError('ORDER_NOT_EXIST', '订单不存在');
        if (tx.state === 'SUCCESS' || tx.state === 'REFUND') throw new PayError('ORDERPAID', '订单已支付');
        tx.state = 'CLOSED';
        return { status: 204 };
      }),
    );

    api.post(
      '/v3/refund/domestic/refunds',
      endpoint('refund', (_request, body) => {
        const amount = isObject(body.amount) ? body.amount : {};
        param(typeof body.out_refund_no === 'string' && OUT_REFUND_NO.test(body.out_refund_no), '商户退款单号格式不正确');
        param(isFen(amount.refund) && isFen(amount.total), '退款金额和原订单金额必须为正整数（分）');
        param(amount.currency === 'CNY', '退款币种必须为 CNY');
        param(body.reason === undefined || (typeof body.reason === 'string' && textOf(body.reason, 0, 80)), '退款原因格式不正确');
        param(body.notify_url === undefined || isNotifyUrl(body.notify_url), '通知地址格式不正确');
        // All checked just above.
        const [outRefundNo, refundFen, totalFen] = [body.out_refund_no as string, amount.refund as number, amount.total as number];
        const tx =
          typeof body.out_trade_no === 'string'
            ? transactions.get(body.out_trade_no)
            : [...transactions.values()].find((candidate) => candidate.transactionId && candidate.transactionId === body.transaction_id);
        if (!tx) throw new PayError('RESOURCE_NOT_EXISTS', '订单不存在');
        const existing = refunds.get(outRefundNo);
        if (existing) {
          if (existing.outTradeNo !== tx.outTradeNo || existing.refundFen !== refundFen || existing.totalFen !== totalFen) {
            throw new PayError('INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
          }
          return { status: 200, payload: refundView(existing) };
        }
        if (tx.state !== 'SUCCESS' && tx.state !== 'REFUND') throw new PayError('INVALID_REQUEST', '订单未支付，不能退款');
        if (totalFen !== tx.totalFen) throw new PayError('INVALID_REQUEST', '订单金额与原订单不一致');
        const refunded = [...refunds.values()]
          .filter((refund) => refund.outTradeNo === tx.outTradeNo && (refund.status === 'PROCESSING' || refund.status === 'SUCCESS'))
          .reduce((sum, refund) => sum + refund.refundFen, 0);
        if (refunded + refundFen > tx.totalFen) throw new PayError('INVALID_REQUEST', '申请退款金额超过订单可退金额');
        const refund: SandboxRefund = {
          outRefundNo,
          refundId: `50${digits(30)}`,
          outTradeNo: tx.outTradeNo,
          transactionId: tx.transactionId!,
          refundFen,
          totalFen,
          reason: body.reason as string | undefined,
          notifyUrl: (body.notify_url as string | undefined) ?? options.defaultRefundNotifyUrl,
          status: 'PROCESSING',
          createTime: beijingTime(),
        };
        refunds.set(outRefundNo, refund);
        if (options.autoCompleteRefundsMs !== undefined) later(options.autoCompleteRefundsMs, () => void completeRefund(refund, 'SUCCESS', {}));
        return { status: 200, payload: refundView(refund) };
      }),
    );

    api.get(
      '/v3/refund/domestic/refunds/:outRefundNo',
      endpoint('refund-query', (request) => {
        const refund = refunds.get((request.params as { outRefundNo: string }).outRefundNo);
        if (!refund) throw new PayError('RESOURCE_NOT_EXISTS', '退款单不存在');
        return { status: 200, payload: refundView(refund) };
      }),
    );
  });

  // --- Sandbox controls ---

  app.register(async (controls) => {
    const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: message });

    controls.post<{ Body: Record<string, unknown> | undefined }>('/sandbox/pay/confirm', async (request, reply) => {
      const body = request.body ?? {};
      const outTradeNo =
        typeof body.outTradeNo === 'string' ? body.outTradeNo : typeof body.prepayId === 'string' ? byPrepayId.get(body.prepayId) : undefined;
      const tx = outTradeNo ? transactions.get(outTradeNo) : undefined;
      if (!tx) return reply.code(404).send({ error: 'no such order (give prepayId or outTradeNo)' });
      const result = body.result ?? 'SUCCESS';
      if (result !== 'SUCCESS' && result !== 'PAYERROR') return bad(reply, "result: 'SUCCESS' or 'PAYERROR'");
      let delivery: DeliveryRequest;
      try {
        delivery = deliveryRequest(body);
      } catch (error) {
        return bad(reply, (error as Error).message);
      }
      if (tx.state === 'CLOSED') return reply.code(409).send({ error: 'the order is closed' });
      if (tx.timeExpire && tx.state === 'NOTPAY' && Date.parse(tx.timeExpire) < Date.now()) return reply.code(409).send({ error: 'the order has expired' });
      if (result === 'PAYERROR') {
        if (tx.state !== 'NOTPAY' && tx.state !== 'PAYERROR') return reply.code(409).send({ error: `the order is ${tx.state}` });
        tx.state = 'PAYERROR';
        return { transaction: transactionView(tx), notifications: [] };
      }
      if (tx.state === 'NOTPAY' || tx.state === 'PAYERROR') {
        tx.state = 'SUCCESS';
        tx.transactionId = `4200${digits(24)}`;
        tx.successTime = beijingTime();
      }
      const notification = notificationBody('TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionView(tx), delivery.tamper ?? null);
      const notifications = await send(tx.notifyUrl, notification, { outTradeNo: tx.outTradeNo }, delivery);
      return { transaction: transactionView(tx), notifications };
    });

    controls.post<{ Body: Record<string, unknown> | undefined }>('/sandbox/pay/refund-complete', async (request, reply) => {
      const body = request.body ?? {};
      const refund = typeof body.outRefundNo === 'string' ? refunds.get(body.outRefundNo) : undefined;
      if (!refund) return reply.code(404).send({ error: 'no such refund (give outRefundNo)' });
      const result = body.result ?? 'SUCCESS';
      if (result !== 'SUCCESS' && result !== 'ABNORMAL' && result !== 'CLOSED') return bad(reply, "result: 'SUCCESS', 'ABNORMAL' or 'CLOSED'");
      let delivery: DeliveryRequest;
      try {
        delivery = deliveryRequest(body);
      } catch (error) {
        return bad(reply, (error as Error).message);
      }
      if (refund.status !== 'PROCESSING' && refund.status !== result) return reply.code(409).send({ error: `the refund is ${refund.status}` });
      const notifications = await completeRefund(refund, result, delivery);
      return { refund: refundView(refund), notifications };
    });

    controls.get<{ Querystring: { outTradeNo?: string } }>('/sandbox/pay/notifications', async (request) => {
      const { outTradeNo } = request.query;
      return { notifications: outTradeNo ? log.filter((entry) => entry.outTradeNo === outTradeNo) : log };
    });

    controls.get<{ Params: { outTradeNo: string } }>('/sandbox/pay/transactions/:outTradeNo', async (request, reply) => {
      const tx = transactions.get(request.params.outTradeNo);
      if (!tx) return reply.code(404).send({ error: 'no such order' });
      return { ...tx, refunds: [...refunds.values()].filter((refund) => refund.outTradeNo === tx.outTradeNo) };
    });

    controls.post<{ Body: { api?: unknown; codes?: unknown } | undefined }>('/sandbox/pay/faults', async (request, reply) => {
      const { api, codes } = request.body ?? {};
      const apis = ['jsapi', 'query', 'close', 'refund', 'refund-query'];
      if (typeof api !== 'string' || !apis.includes(api)) return bad(reply, `api: one of ${apis.join(', ')}`);
      if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string' && (code in ERROR_STATUS || code === 'BAD_RESPONSE_SIGNATURE'))) {
        return bad(reply, `codes: WeChat error codes (${Object.keys(ERROR_STATUS).join(', ')}) or BAD_RESPONSE_SIGNATURE`);
      }
      faults.set(api, [...(faults.get(api) ?? []), ...(codes as string[])]);
      return { queued: faults.get(api)!.length };
    });
  });

  return {
    transaction: (outTradeNo) => transactions.get(outTradeNo),
    deliveries: () => log,
  };
}
