import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { corrupt, nonceString, type PayCrypto } from './crypto';
import type { Notifier } from './notifier';
import { beijingTime, digits, ERROR_STATUS, PayError, type PaySandboxOptions, type PayState, type SandboxRefund, refundView, transactionView } from './state';

/**
 * api.mch.weixin.qq.com's own endpoints, so our real client runs against them unchanged:
 *   POST /v3/pay/transactions/jsapi                               → {prepay_id}
 *   GET  /v3/pay/transactions/out-trade-no/{no}?mchid=…           → transaction
 *   POST /v3/pay/transactions/out-trade-no/{no}/close {mchid}     → 204
 *   POST /v3/refund/domestic/refunds                              → refund (PROCESSING)
 *   GET  /v3/refund/domestic/refunds/{out_refund_no}              → refund
 * Every request's signature is verified (401 SIGN_ERROR otherwise), queued faults are
 * answered first, and every answer is signed with the platform key (Wechatpay-* headers).
 */

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const textOf = (value: string, min: number, max: number) => [...value].length >= min && [...value].length <= max;
const isNotifyUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^?#]+$/.test(value);
const isRfc3339 = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/.test(value) && !Number.isNaN(Date.parse(value));

/** WeChat's PARAM_ERROR unless `ok`. */
function param(ok: boolean, message: string): void {
  if (!ok) throw new PayError('PARAM_ERROR', message);
}

/** Registers the endpoints in a scope that keeps JSON bodies raw (signatures cover the bytes). */
export function registerWechatPayRoutes(app: FastifyInstance, options: PaySandboxOptions, payCrypto: PayCrypto, state: PayState, notifier: Notifier): void {
  /** Sends a WeChat-style answer: exact JSON bytes, signed. */
  function answer(reply: FastifyReply, status: number, payload: unknown, badSignature = false) {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = nonceString();
    const signature = payCrypto.sign(timestamp, nonce, body);
    reply
      .code(status)
      .header('Request-ID', crypto.randomUUID())
      .header('Wechatpay-Timestamp', timestamp)
      .header('Wechatpay-Nonce', nonce)
      .header('Wechatpay-Signature', badSignature ? corrupt(signature) : signature)
      .header('Wechatpay-Serial', payCrypto.serial)
      .header('Wechatpay-Signature-Type', 'WECHATPAY2-SHA256-RSA2048');
    if (body === '') return reply.send();
    return reply.type('application/json; charset=utf-8').send(body);
  }

  const fail = (reply: FastifyReply, code: string, message: string) => answer(reply, ERROR_STATUS[code] ?? 400, { code, message });

  /** Common path for every WeChat endpoint: signature, queued faults, then the handler. */
  function endpoint(
    api: string,
    handle: (request: FastifyRequest, body: Record<string, unknown>) => { status: number; payload?: unknown },
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const problem = payCrypto.checkRequest(request, raw);
      if (problem) return fail(reply, 'SIGN_ERROR', problem);
      const fault = state.takeFault(api);
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
        const existing = state.transactions.get(outTradeNo);
        if (existing) {
          if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new PayError('ORDERPAID', '该订单已支付');
          if (existing.state === 'CLOSED') throw new PayError('ORDER_CLOSED', '订单已关闭');
          const same = existing.totalFen === totalFen && existing.payerOpenid === payerOpenid && existing.description === description;
          if (!same) throw new PayError('INVALID_REQUEST', '201 商户订单号重复');
          return { status: 200, payload: { prepay_id: existing.prepayId } };
        }
        const stamp = beijingTime().slice(0, 19).replace(/\D/g, '');
        const prepayId = `wx${stamp}${crypto.randomBytes(10).toString('hex')}`;
        state.transactions.set(outTradeNo, {
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
        state.byPrepayId.set(prepayId, outTradeNo);
        return { status: 200, payload: { prepay_id: prepayId } };
      }),
    );

    api.get(
      '/v3/pay/transactions/out-trade-no/:outTradeNo',
      endpoint('query', (request) => {
        const { outTradeNo } = request.params as { outTradeNo: string };
        const { mchid } = request.query as { mchid?: string };
        if (mchid !== options.mchId) throw new PayError('PARAM_ERROR', '缺少参数 mchid 或 mchid 不正确');
        const tx = state.transactions.get(outTradeNo);
        if (!tx) throw new PayError('ORDER_NOT_EXIST', '订单不存在');
        return { status: 200, payload: transactionView(options, tx) };
      }),
    );

    api.post(
      '/v3/pay/transactions/out-trade-no/:outTradeNo/close',
      endpoint('close', (request, body) => {
        const { outTradeNo } = request.params as { outTradeNo: string };
        if (body.mchid !== options.mchId) throw new PayError('PARAM_ERROR', '缺少参数 mchid 或 mchid 不正确');
        const tx = state.transactions.get(outTradeNo);
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
            ? state.transactions.get(body.out_trade_no)
            : [...state.transactions.values()].find((candidate) => candidate.transactionId && candidate.transactionId === body.transaction_id);
        if (!tx) throw new PayError('RESOURCE_NOT_EXISTS', '订单不存在');
        const existing = state.refunds.get(outRefundNo);
        if (existing) {
          if (existing.outTradeNo !== tx.outTradeNo || existing.refundFen !== refundFen || existing.totalFen !== totalFen) {
            throw new PayError('INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
          }
          return { status: 200, payload: refundView(existing) };
        }
        if (tx.state !== 'SUCCESS' && tx.state !== 'REFUND') throw new PayError('INVALID_REQUEST', '订单未支付，不能退款');
        if (totalFen !== tx.totalFen) throw new PayError('INVALID_REQUEST', '订单金额与原订单不一致');
        const refunded = [...state.refunds.values()]
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
        state.refunds.set(outRefundNo, refund);
        if (options.autoCompleteRefundsMs !== undefined) state.later(options.autoCompleteRefundsMs, () => void notifier.completeRefund(refund, 'SUCCESS', {}));
        return { status: 200, payload: refundView(refund) };
      }),
    );

    api.get(
      '/v3/refund/domestic/refunds/:outRefundNo',
      endpoint('refund-query', (request) => {
        const refund = state.refunds.get((request.params as { outRefundNo: string }).outRefundNo);
        if (!refund) throw new PayError('RESOURCE_NOT_EXISTS', '退款单不存在');
        return { status: 200, payload: refundView(refund) };
      }),
    );
  });
}
