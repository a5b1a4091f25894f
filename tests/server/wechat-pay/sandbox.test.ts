import type { AddressInfo } from 'node:net';
import Fastify, { FastifyInstance } from 'fastify';
import { registerPaySandbox } from '../../../sandbox/wechat-pay-sandbox';
import { notificationFailure, ParseResult, parsePayNotification, rawJsonParser } from '../../../server/wechat/pay/notification';
import {
  createWechatPayClient,
  WechatPayApiError,
  WechatPayClientOptions,
  WechatPayInputError,
  WechatPayNetworkError,
  WechatPaySignatureError,
} from '../../../server/wechat/pay/pay-client';
import { paySignMessage, verifySha256Rsa } from '../../../server/wechat/pay/signing';
import { createWechatPayVerifier } from '../../../server/wechat/pay/verification';
import { apiV3Key, KeyPair, rsaKeyPair } from './helpers';
import { until } from '../../helpers/until';
import { GO } from './published-vectors';

const MCH_ID = '1900000109';
const APP_ID = 'wx_test_app';
const SERIAL_NO = '3775B6A45ACD588826D15E583A95F5DD00000001';
const PUB_KEY_ID = 'PUB_KEY_ID_0119000001092026030100000000001';

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

interface Received {
  path: string;
  status: number;
  result: ParseResult;
}

/** A stand-in for our server's notify routes: raw body → parsePayNotification → 204 or FAIL. */
async function startReceiver(options: { verifierKeyPem: string; keyId: string; apiV3Key: string }) {
  const received: Received[] = [];
  const app = Fastify({ logger: false });
  const verifier = createWechatPayVerifier({ publicKeys: [{ id: options.keyId, pem: options.verifierKeyPem }] });
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, rawJsonParser);
    for (const path of ['/pay/notify', '/pay/refund-notify']) {
      scope.post(path, async (request, reply) => {
        const result = parsePayNotification(request.headers, request.body as Buffer, { verifier, apiV3Key: options.apiV3Key });
        if (!result.ok) {
          const failure = notificationFailure(result.reason);
          received.push({ path, status: failure.status, result });
          return reply.code(failure.status).send(failure.body);
        }
        received.push({ path, status: 204, result });
        return reply.code(204).send();
      });
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: urlOf(app), received };
}

describe('WeChat Pay client against the sandbox over HTTP', () => {
  let merchant: KeyPair;
  let platform: KeyPair;
  let stranger: KeyPair;
  let key: string;
  let sandbox: FastifyInstance;
  let sandboxUrl: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let counter = 0;
  const orderNo = () => `CC${Date.now()}${String(++counter).padStart(4, '0')}`;

  beforeAll(async () => {
    [merchant, platform, stranger] = [rsaKeyPair(), rsaKeyPair(), rsaKeyPair()];
    key = apiV3Key();
    sandbox = Fastify({ logger: false });
    registerPaySandbox(sandbox, {
      mchId: MCH_ID,
      appId: APP_ID,
      merchantPublicKeyPem: merchant.publicKeyPem,
      merchantSerialNo: SERIAL_NO,
      platformPrivateKeyPem: platform.privateKeyPem,
      publicKeyId: PUB_KEY_ID,
      apiV3Key: key,
    });
    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    sandboxUrl = urlOf(sandbox);
    receiver = await startReceiver({ verifierKeyPem: platform.publicKeyPem, keyId: PUB_KEY_ID, apiV3Key: key });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.app.close();
  });

  const clientOptions = (overrides: Partial<WechatPayClientOptions> = {}): WechatPayClientOptions => ({
    apiBase: sandboxUrl,
    mchId: MCH_ID,
    appId: APP_ID,
    serialNo: SERIAL_NO,
    privateKeyPem: merchant.privateKeyPem,
    apiV3Key: key,
    verifier: createWechatPayVerifier({ publicKeys: [{ id: PUB_KEY_ID, pem: platform.publicKeyPem }] }),
    notifyUrl: `${receiver.url}/pay/notify`,
    refundNotifyUrl: `${receiver.url}/pay/refund-notify`,
    ...overrides,
  });
  const client = () => createWechatPayClient(clientOptions());

  const control = async <T>(path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${sandboxUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  interface Delivery {
    status: number | null;
    tamper: string | null;
    notificationId: string;
    eventType: string;
    error: string | null;
  }

  const prepay = async (amountFen = 12000) => {
    const outTradeNo = orderNo();
    const { prepayId } = await client().jsapiPrepay({ description: '护照换发 — 加急', outTradeNo, amountFen, payerOpenid: 'o_alice' });
    return { outTradeNo, prepayId };
  };
  const receivedFor = (outTradeNo: string) =>
    receiver.received.filter((entry) => entry.result.ok && entry.result.notification.kind === 'transaction' && entry.result.notification.transaction.out_trade_no === outTradeNo);
  const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

  describe('prepay', () => {
    it('gets a prepay_id with our real signature, and wx.requestPayment parameters that verify', async () => {
      const { prepayId } = await prepay();
      expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
      const params = client().requestPaymentParams(prepayId);
      expect(params.package).toBe(`prepay_id=${prepayId}`);
      expect(params.signType).toBe('RSA');
      const message = paySignMessage({ appId: APP_ID, timeStamp: params.timeStamp, nonceStr: params.nonceStr, package: params.package });
      expect(verifySha256Rsa(merchant.publicKeyPem, message, params.paySign)).toBe(true);
    });

    it('signs the path as sent when the order number needs escaping', async () => {
      const outTradeNo = `CC|${counter++}*${Date.now()}`;
      await client().jsapiPrepay({ description: '认证', outTradeNo, amountFen: 100, payerOpenid: 'o_x' });
      expect(await client().queryByOutTradeNo(outTradeNo)).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'NOTPAY' });
      await client().closeOrder(outTradeNo);
    });

    it('gives the same prepay_id for a repeated identical order, and refuses a changed one', async () => {
      const outTradeNo = orderNo();
      const input = { description: '公证', outTradeNo, amountFen: 5000, payerOpenid: 'o_bob', timeExpire: new Date(Date.now() + 3600_000) };
      const first = await client().jsapiPrepay(input);
      expect(await client().jsapiPrepay(input)).toEqual(first);
      const error = await errorOf(client().jsapiPrepay({ ...input, amountFen: 1 }));
      expect(error).toBeInstanceOf(WechatPayApiError);
      expect(error).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    });

    it('is refused (401 SIGN_ERROR) when signed with the wrong merchant key, serial or clock', async () => {
      const cases: Partial<WechatPayClientOptions>[] = [
        { privateKeyPem: stranger.privateKeyPem },
        { serialNo: '0000000000000000000000000000000000000000' },
        { now: () => Date.now() - 10 * 60_000 },
        { mchId: '1900000999' },
      ];
      for (const overrides of cases) {
        const error = await errorOf(
          createWechatPayClient(clientOptions(overrides)).jsapiPrepay({ description: '认证', outTradeNo: orderNo(), amountFen: 100, payerOpenid: 'o_x' }),
        );
        expect(error).toBeInstanceOf(WechatPayApiError);
        expect(error).toMatchObject({ status: 401, code: 'SIGN_ERROR' });
      }
    });

    it('does not believe an answer signed by a key it does not trust', async () => {
      const wrongKey = createWechatPayClient(
        clientOptions({ verifier: createWechatPayVerifier({ publicKeys: [{ id: PUB_KEY_ID, pem: stranger.publicKeyPem }] }) }),
      );
      const input = { description: '认证', outTradeNo: orderNo(), amountFen: 100, payerOpenid: 'o_x' };
      expect(await errorOf(wrongKey.jsapiPrepay(input))).toMatchObject({ reason: 'bad-signature' });
      const otherId = createWechatPayClient(clientOptions({ verifier: createWechatPayVerifier({ certificates: [GO.certificate] }) }));
      const error = await errorOf(otherId.jsapiPrepay(input));
      expect(error).toBeInstanceOf(WechatPaySignatureError);
      expect(error).toMatchObject({ reason: 'unknown-serial', status: 200 });
      // A sandbox fault: a normal answer whose signature does not verify.
      await control('/sandbox/pay/faults', { api: 'query', codes: ['BAD_RESPONSE_SIGNATURE'] });
      expect(await errorOf(client().queryByOutTradeNo(input.outTradeNo))).toMatchObject({ reason: 'bad-signature' });
    });

    it('refuses bad input before sending, and maps WeChat errors and network failures to typed errors', async () => {
      const base = { description: '认证', outTradeNo: orderNo(), amountFen: 100, payerOpenid: 'o_x' };
      for (const input of [{ ...base, amountFen: 0 }, { ...base, amountFen: 1.5 }, { ...base, outTradeNo: 'bad no' }, { ...base, description: '' }]) {
        expect(await errorOf(client().jsapiPrepay(input))).toBeInstanceOf(WechatPayInputError);
      }
      expect(await errorOf(client().queryByOutTradeNo('NOSUCHORDER1'))).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST' });
      await control('/sandbox/pay/faults', { api: 'jsapi', codes: ['SYSTEM_ERROR', 'FREQUENCY_LIMITED'] });
      expect(await errorOf(client().jsapiPrepay(base))).toMatchObject({ status: 500, code: 'SYSTEM_ERROR' });
      expect(await errorOf(client().jsapiPrepay(base))).toMatchObject({ status: 429, code: 'FREQUENCY_LIMITED' });
      expect((await client().jsapiPrepay(base)).prepayId).toMatch(/^wx/);
      const closed = createWechatPayClient(clientOptions({ apiBase: 'http://127.0.0.1:9', timeoutMs: 2000 }));
      expect(await errorOf(closed.queryByOutTradeNo(base.outTradeNo))).toBeInstanceOf(WechatPayNetworkError);
    });
  });

  describe('payment and notifications', () => {
    it('confirms a payment: a signed, encrypted TRANSACTION.SUCCESS reaches our notify URL with the right order and amount', async () => {
      const { outTradeNo, prepayId } = await prepay(12345);
      expect(await client().queryByOutTradeNo(outTradeNo)).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'NOTPAY' });
      const confirmed = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { prepayId });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.notifications).toMatchObject([{ status: 204, eventType: 'TRANSACTION.SUCCESS', error: null }]);

      const [got] = receivedFor(outTradeNo);
      if (!got?.result.ok || got.result.notification.kind !== 'transaction') throw new Error('no notification decrypted');
      expect(got.result.notification.transaction).toMatchObject({
        appid: APP_ID,
        mchid: MCH_ID,
        out_trade_no: outTradeNo,
        trade_state: 'SUCCESS',
        payer: { openid: 'o_alice' },
        amount: { total: 12345, currency: 'CNY' },
      });
      const queried = await client().queryByOutTradeNo(outTradeNo);
      expect(queried).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 12345 } });
      expect(queried.transaction_id).toBe(got.result.notification.transaction.transaction_id);
      // Paid: prepaying or closing it again is refused.
      expect(await errorOf(client().jsapiPrepay({ description: '护照换发 — 加急', outTradeNo, amountFen: 12345, payerOpenid: 'o_alice' }))).toMatchObject({
        code: 'ORDERPAID',
      });
      expect(await errorOf(client().closeOrder(outTradeNo))).toMatchObject({ code: 'ORDERPAID' });
    });

    it('delivers n concurrent duplicates of the same notification', async () => {
      const { outTradeNo } = await prepay();
      const confirmed = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo, copies: 20 });
      expect(confirmed.body.notifications).toHaveLength(20);
      expect(confirmed.body.notifications.every((entry) => entry.status === 204)).toBe(true);
      expect(new Set(confirmed.body.notifications.map((entry) => entry.notificationId)).size).toBe(1);
      const got = receivedFor(outTradeNo);
      expect(got).toHaveLength(20);
      expect(new Set(got.map((entry) => entry.result.ok && entry.result.notification.id)).size).toBe(1);
      // Confirming again re-sends (as WeChat's retries do) without a second payment.
      const again = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo });
      expect(again.body.notifications).toHaveLength(1);
      expect(receivedFor(outTradeNo)).toHaveLength(21);
    });

    it.each([
      ['signature', 401, 'bad-signature'],
      ['ciphertext', 400, 'decrypt-failed'],
      ['serial', 401, 'unknown-serial'],
      ['timestamp', 400, 'stale-timestamp'],
    ])('delivers a notification tampered in its %s, which our parser refuses', async (tamper, status, reason) => {
      const { outTradeNo } = await prepay();
      const before = receiver.received.length;
      const confirmed = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo, tamper, copies: 2 });
      expect(confirmed.body.notifications).toMatchObject([
        { status, tamper },
        { status, tamper },
      ]);
      const got = receiver.received.slice(before);
      expect(got).toHaveLength(2);
      expect(got.map((entry) => (entry.result.ok ? 'accepted' : entry.result.reason))).toEqual([reason, reason]);
      // WeChat would retry; an untampered resend then goes through.
      const resent = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo });
      expect(resent.body.notifications[0].status).toBe(204);
    });

    it('delays deliveries when asked, and logs what our server answered', async () => {
      const { outTradeNo } = await prepay();
      const confirmed = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo, delayMs: 300 });
      expect(confirmed.body.notifications).toMatchObject([{ status: null }]);
      expect(receivedFor(outTradeNo)).toHaveLength(0);
      await until(() => receivedFor(outTradeNo).length > 0, 'the delayed notification');
      expect(receivedFor(outTradeNo)).toHaveLength(1);
      const log = await control<{ notifications: (Delivery & { outTradeNo: string; sentAt: string })[] }>(`/sandbox/pay/notifications?outTradeNo=${outTradeNo}`);
      expect(log.body.notifications).toMatchObject([{ outTradeNo, status: 204, eventType: 'TRANSACTION.SUCCESS' }]);
    });

    it('records a failed payment without notifying, as WeChat does', async () => {
      const { outTradeNo } = await prepay();
      const failed = await control<{ notifications: Delivery[] }>('/sandbox/pay/confirm', { outTradeNo, result: 'PAYERROR' });
      expect(failed.body.notifications).toEqual([]);
      expect(await client().queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'PAYERROR' });
      expect(receivedFor(outTradeNo)).toHaveLength(0);
    });

    it('closes an unpaid order, after which it can be neither prepaid nor paid', async () => {
      const { outTradeNo } = await prepay();
      await client().closeOrder(outTradeNo);
      expect(await client().queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'CLOSED' });
      expect(await errorOf(client().jsapiPrepay({ description: '护照换发 — 加急', outTradeNo, amountFen: 12000, payerOpenid: 'o_alice' }))).toMatchObject({
        code: 'ORDER_CLOSED',
      });
      expect((await control('/sandbox/pay/confirm', { outTradeNo })).status).toBe(409);
    });

    it('validates sandbox control input', async () => {
      const { outTradeNo } = await prepay();
      expect((await control('/sandbox/pay/confirm', { outTradeNo, tamper: 'everything' })).status).toBe(400);
      expect((await control('/sandbox/pay/confirm', { outTradeNo, copies: 0 })).status).toBe(400);
      expect((await control('/sandbox/pay/confirm', { prepayId: 'wx-none' })).status).toBe(404);
      expect((await control('/sandbox/pay/faults', { api: 'jsapi', codes: ['NOPE'] })).status).toBe(400);
    });
  });

  describe('refunds', () => {
    const paid = async (amountFen = 20000) => {
      const order = await prepay(amountFen);
      await control('/sandbox/pay/confirm', { outTradeNo: order.outTradeNo });
      return order;
    };

    it('refunds, then sends REFUND.SUCCESS to the refund notify URL when completed', async () => {
      const { outTradeNo } = await paid();
      const outRefundNo = `RF${outTradeNo}`;
      const refund = await client().refund({ outTradeNo, outRefundNo, refundFen: 5000, totalFen: 20000, reason: '申请未受理' });
      expect(refund).toMatchObject({ out_refund_no: outRefundNo, out_trade_no: outTradeNo, status: 'PROCESSING', amount: { refund: 5000, total: 20000 } });
      // Same out_refund_no, same request: the same refund (safe retry after a timeout).
      expect((await client().refund({ outTradeNo, outRefundNo, refundFen: 5000, totalFen: 20000 })).refund_id).toBe(refund.refund_id);
      expect(await errorOf(client().refund({ outTradeNo, outRefundNo, refundFen: 6000, totalFen: 20000 }))).toMatchObject({ code: 'INVALID_REQUEST' });

      const before = receiver.received.length;
      const completed = await control<{ notifications: Delivery[] }>('/sandbox/pay/refund-complete', { outRefundNo, copies: 3 });
      expect(completed.body.notifications.map((entry) => entry.status)).toEqual([204, 204, 204]);
      const got = receiver.received.slice(before);
      expect(got.every((entry) => entry.path === '/pay/refund-notify')).toBe(true);
      const first = got[0].result;
      if (!first.ok || first.notification.kind !== 'refund') throw new Error('expected a refund');
      expect(first.notification.eventType).toBe('REFUND.SUCCESS');
      expect(first.notification.refund).toMatchObject({ out_trade_no: outTradeNo, out_refund_no: outRefundNo, refund_status: 'SUCCESS', amount: { refund: 5000, total: 20000 } });
      expect(await client().queryRefund(outRefundNo)).toMatchObject({ status: 'SUCCESS', refund_id: refund.refund_id });
      expect(await client().queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'REFUND' });
    });

    it('refuses refunds beyond what is left, of unpaid orders, and unknown refunds', async () => {
      const { outTradeNo } = await paid(10000);
      await client().refund({ outTradeNo, outRefundNo: `RA${outTradeNo}`, refundFen: 7000, totalFen: 10000 });
      expect(await errorOf(client().refund({ outTradeNo, outRefundNo: `RB${outTradeNo}`, refundFen: 3001, totalFen: 10000 }))).toMatchObject({
        code: 'INVALID_REQUEST',
      });
      expect(await errorOf(client().refund({ outTradeNo, outRefundNo: `RC${outTradeNo}`, refundFen: 100, totalFen: 9999 }))).toMatchObject({
        code: 'INVALID_REQUEST',
      });
      const unpaid = await prepay();
      expect(await errorOf(client().refund({ outTradeNo: unpaid.outTradeNo, outRefundNo: `RD${unpaid.outTradeNo}`, refundFen: 1, totalFen: 12000 }))).toMatchObject({
        code: 'INVALID_REQUEST',
      });
      expect(await errorOf(client().queryRefund('RF-none'))).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' });
      expect(await errorOf(client().refund({ outTradeNo, outRefundNo: 'X1', refundFen: 2, totalFen: 1 }))).toBeInstanceOf(WechatPayInputError);
    });

    it('reports an abnormal refund', async () => {
      const { outTradeNo } = await paid();
      const outRefundNo = `RE${outTradeNo}`;
      await client().refund({ outTradeNo, outRefundNo, refundFen: 20000, totalFen: 20000 });
      const before = receiver.received.length;
      await control('/sandbox/pay/refund-complete', { outRefundNo, result: 'ABNORMAL' });
      expect(receiver.received.slice(before)).toMatchObject([{ status: 204, result: { ok: true, notification: { eventType: 'REFUND.ABNORMAL' } } }]);
      expect(await client().queryRefund(outRefundNo)).toMatchObject({ status: 'ABNORMAL' });
    });
  });

  it('works in platform-certificate mode too (Wechatpay-Serial = certificate serial)', async () => {
    const certSandbox = Fastify({ logger: false });
    registerPaySandbox(certSandbox, {
      mchId: MCH_ID,
      appId: APP_ID,
      merchantPublicKeyPem: merchant.publicKeyPem,
      platformPrivateKeyPem: GO.privateKey,
      platformSerial: GO.certificateSerial,
      apiV3Key: key,
    });
    await certSandbox.listen({ port: 0, host: '127.0.0.1' });
    try {
      const certClient = createWechatPayClient(
        clientOptions({ apiBase: urlOf(certSandbox), verifier: createWechatPayVerifier({ certificates: [GO.certificate] }) }),
      );
      const outTradeNo = orderNo();
      expect((await certClient.jsapiPrepay({ description: '认证', outTradeNo, amountFen: 800, payerOpenid: 'o_cert' })).prepayId).toMatch(/^wx/);
      expect(await certClient.queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 800 } });
    } finally {
      await certSandbox.close();
    }
  });

  it('needs a key name and a 32-byte APIv3 key', () => {
    const base = { mchId: MCH_ID, appId: APP_ID, merchantPublicKeyPem: merchant.publicKeyPem, platformPrivateKeyPem: platform.privateKeyPem };
    expect(() => registerPaySandbox(Fastify(), { ...base, apiV3Key: key })).toThrow(/platformSerial or publicKeyId/);
    expect(() => registerPaySandbox(Fastify(), { ...base, publicKeyId: PUB_KEY_ID, apiV3Key: 'short' })).toThrow(/32 bytes/);
  });
});
