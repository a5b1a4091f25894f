import type { FastifyInstance, FastifyReply } from 'fastify';
import { type DeliveryRequest, deliveryRequest, type Notifier } from './notifier';
import { beijingTime, digits, ERROR_STATUS, type PaySandboxOptions, type PayState, refundView, transactionView } from './state';

/**
 * The sandbox's own controls (not WeChat): what a payer or WeChat would do, on demand.
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
export function registerPayControlRoutes(app: FastifyInstance, options: PaySandboxOptions, state: PayState, notifier: Notifier): void {
  app.register(async (controls) => {
    const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: message });

    controls.post<{ Body: Record<string, unknown> | undefined }>('/sandbox/pay/confirm', async (request, reply) => {
      const body = request.body ?? {};
      const outTradeNo =
        typeof body.outTradeNo === 'string' ? body.outTradeNo : typeof body.prepayId === 'string' ? state.byPrepayId.get(body.prepayId) : undefined;
      const tx = outTradeNo ? state.transactions.get(outTradeNo) : undefined;
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
        return { transaction: transactionView(options, tx), notifications: [] };
      }
      if (tx.state === 'NOTPAY' || tx.state === 'PAYERROR') {
        tx.state = 'SUCCESS';
        tx.transactionId = `4200${digits(24)}`;
        tx.successTime = beijingTime();
      }
      const notification = notifier.notificationBody('TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionView(options, tx), delivery.tamper ?? null);
      const notifications = await notifier.send(tx.notifyUrl, notification, { outTradeNo: tx.outTradeNo }, delivery);
      return { transaction: transactionView(options, tx), notifications };
    });

    controls.post<{ Body: Record<string, unknown> | undefined }>('/sandbox/pay/refund-complete', async (request, reply) => {
      const body = request.body ?? {};
      const refund = typeof body.outRefundNo === 'string' ? state.refunds.get(body.outRefundNo) : undefined;
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
      const notifications = await notifier.completeRefund(refund, result, delivery);
      return { refund: refundView(refund), notifications };
    });

    controls.get<{ Querystring: { outTradeNo?: string } }>('/sandbox/pay/notifications', async (request) => {
      const { outTradeNo } = request.query;
      return { notifications: outTradeNo ? state.log.filter((entry) => entry.outTradeNo === outTradeNo) : state.log };
    });

    controls.get<{ Params: { outTradeNo: string } }>('/sandbox/pay/transactions/:outTradeNo', async (request, reply) => {
      const tx = state.transactions.get(request.params.outTradeNo);
      if (!tx) return reply.code(404).send({ error: 'no such order' });
      return { ...tx, refunds: [...state.refunds.values()].filter((refund) => refund.outTradeNo === tx.outTradeNo) };
    });

    controls.post<{ Body: { api?: unknown; codes?: unknown } | undefined }>('/sandbox/pay/faults', async (request, reply) => {
      const { api, codes } = request.body ?? {};
      const apis = ['jsapi', 'query', 'close', 'refund', 'refund-query'];
      if (typeof api !== 'string' || !apis.includes(api)) return bad(reply, `api: one of ${apis.join(', ')}`);
      if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string' && (code in ERROR_STATUS || code === 'BAD_RESPONSE_SIGNATURE'))) {
        return bad(reply, `codes: WeChat error codes (${Object.keys(ERROR_STATUS).join(', ')}) or BAD_RESPONSE_SIGNATURE`);
      }
      state.faults.set(api, [...(state.faults.get(api) ?? []), ...(codes as string[])]);
      return { queued: state.faults.get(api)!.length };
    });
  });
}
