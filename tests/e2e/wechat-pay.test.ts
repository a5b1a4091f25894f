import crypto from 'node:crypto';
import { paySignMessage, verifySha256Rsa } from '../../server/wechat/pay/signing';
import { databaseKinds } from '../helpers/fresh-database';
import { sandboxConfirm, startPaymentsServer, submittedOrder, testImages, type PaymentsServer } from '../server/payments/helpers';
import type { TestImages } from '../server/applications/walk';

jest.setTimeout(120_000);

/**
 * Paying for an order end to end over real HTTP, as the mini-program and WeChat do it:
 * the fee before paying → 去支付 (prepay at the WeChat Pay sandbox, signed by our client)
 * → wx.requestPayment's parameters, which verify with our merchant key → the citizen pays
 * (the sandbox confirms) → WeChat's signed, encrypted notification reaches our notify URL
 * → the order is 待审核 and the citizen has a message in 消息中心.
 */
describe.each(databaseKinds)('paying an order with WeChat Pay (%s)', (database) => {
  let ctx: PaymentsServer;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startPaymentsServer(database);
    files = await testImages();
  });
  afterAll(() => ctx.close());

  it('fee → prepay → wx.requestPayment parameters → sandbox payment → notification → 待审核 + message', async () => {
    const order = await submittedOrder(ctx.server, files);
    const { api, id } = order;
    expect(order.detail).toMatchObject({ status: 'awaiting_payment', payment: { state: 'unpaid', stateLabel: '待支付', method: 'online', amountFen: 13000, currency: 'CNY' } });

    // What the order page shows before paying: the amount and what it covers.
    const fee = await api.get(`/api/applications/${id}/fee`);
    expect(fee.body).toEqual({
      applicationId: id,
      fixed: true,
      amountFen: 13000,
      currency: 'CNY',
      option: 'normal',
      items: [{ code: 'passport', label: '护照费', option: 'normal', amountFen: 13000 }],
      method: 'online',
      refundable: true,
      refundNote: null,
    });

    // 去支付
    const pay = await api.post(`/api/applications/${id}/pay`);
    expect(pay.status).toBe(200);
    const params = pay.body.requestPayment;
    expect(params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx\w+$/), timeStamp: expect.stringMatching(/^\d{10}$/) });
    // paySign verifies with our merchant public key over appId\ntimeStamp\nnonceStr\npackage\n.
    const message = paySignMessage({ appId: ctx.server.config.wechatPay.appId, timeStamp: params.timeStamp, nonceStr: params.nonceStr, package: params.package });
    expect(verifySha256Rsa(crypto.createPublicKey(ctx.server.payKeys.merchantPublicKeyPem), message, params.paySign)).toBe(true);
    // The sandbox verified our signed request and holds the order for the right amount and payer.
    expect(ctx.server.paySandbox.transaction(order.orderNo)).toMatchObject({ totalFen: 13000, payerOpenid: order.openid, state: 'NOTPAY' });

    // Tapping 去支付 again (cancelled the first time): the same prepay, no second order.
    const again = await api.post(`/api/applications/${id}/pay`);
    expect(again.body.requestPayment.package).toBe(params.package);

    // The result page polls: 支付确认中 while unpaid.
    expect((await api.get(`/api/applications/${id}/payment`)).body.state).toBe('unpaid');

    // A failed payment (PAYERROR) leaves the order payable.
    const failed = await sandboxConfirm(ctx.server, { prepayId: params.package.slice('prepay_id='.length), result: 'PAYERROR' });
    expect(failed.body.notifications).toEqual([]);
    expect((await api.get(`/api/applications/${id}`)).body.status).toBe('awaiting_payment');

    // The citizen pays; WeChat notifies us.
    const paid = await sandboxConfirm(ctx.server, { prepayId: params.package.slice('prepay_id='.length) });
    expect(paid.body.notifications.map((n: { status: number; url: string }) => [n.status, n.url])).toEqual([[204, `${ctx.server.baseUrl}/api/pay/wechat/notify`]]);

    const payment = (await api.get(`/api/applications/${id}/payment`)).body;
    expect(payment).toMatchObject({ state: 'paid', stateLabel: '已支付', paidVia: 'wechat', amountFen: 13000, paidAt: expect.any(String), refunds: [] });
    const detail = (await api.get(`/api/applications/${id}`)).body;
    expect(detail).toMatchObject({ status: 'submitted', statusLabel: '待审核', payment: { state: 'paid' } });

    // 消息中心
    const messages = await api.get('/api/messages');
    expect(messages.status).toBe(200);
    expect(messages.body.messages).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'submitted', title: expect.stringContaining('支付成功') })]));

    // Paying twice is impossible.
    expect((await api.post(`/api/applications/${id}/pay`)).body.error.code).toBe('ALREADY_PAID');
    const openapi = (await (await fetch(`${ctx.server.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/applications/{id}/pay', '/api/applications/{id}/payment', '/api/missions/{id}/fees']));
  });

  it('development: POST /api/dev/pay/:id/confirm pays through the sandbox (DevTools cannot pay a sandbox prepay id)', async () => {
    const order = await submittedOrder(ctx.server, files);
    const early = await order.api.post(`/api/dev/pay/${order.id}/confirm`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NO_PREPAY');
    expect((await order.api.post(`/api/applications/${order.id}/pay`)).status).toBe(200);
    const confirmed = await order.api.post(`/api/dev/pay/${order.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'paid', paidVia: 'wechat' });
    expect((await order.api.get(`/api/applications/${order.id}`)).body.status).toBe('submitted');
    // Someone else's order: 404, like a missing one.
    const other = await submittedOrder(ctx.server, files);
    expect((await other.api.post(`/api/dev/pay/${order.id}/confirm`)).status).toBe(404);
  });

  it('paying at the mission: submitted unpaid (待审核, 待到馆缴费) and no online payment', async () => {
    const order = await submittedOrder(ctx.server, files, { paymentMethod: 'at_mission' });
    expect(order.detail).toMatchObject({ status: 'submitted', payment: { method: 'at_mission', state: 'pay_at_mission', stateLabel: '待到馆缴费', amountFen: 13000 } });
    const pay = await order.api.post(`/api/applications/${order.id}/pay`);
    expect(pay.status).toBe(409);
    expect(pay.body.error.code).toBe('PAY_AT_MISSION');
  });
});
