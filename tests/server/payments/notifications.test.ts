import { databaseKinds } from '../../helpers/fresh-database';
import type { TestImages } from '../applications/walk';
import { rsaKeyPair } from '../wechat-pay/helpers';
import {
  craftNotification,
  type Order,
  type PaymentsServer,
  postNotification,
  prepay,
  sandboxConfirm,
  snapshot,
  startPaymentsServer,
  submittedOrder,
  successTransaction,
  testImages,
} from './helpers';

jest.setTimeout(120_000);

const NOTIFY = '/api/pay/wechat/notify';

describe.each(databaseKinds)('WeChat Pay payment notifications (%s)', (database) => {
  let ctx: PaymentsServer;
  let files: TestImages;
  let order: Order;
  let amountFen: number;

  beforeAll(async () => {
    ctx = await startPaymentsServer(database);
    files = await testImages();
    order = await submittedOrder(ctx.server, files);
    await prepay(order);
    amountFen = order.detail.payment.amountFen;
  });
  afterAll(() => ctx.close());

  it.each([
    ['signature', 401, 'bad-signature'],
    ['serial', 401, 'unknown-serial'],
    ['timestamp', 400, 'stale-timestamp'],
    ['ciphertext', 400, 'decrypt-failed'],
  ] as const)('a notification with a tampered %s is refused (%i) and changes nothing', async (tamper, status, reason) => {
    const before = await snapshot(ctx.server, order.id);
    const sent = await sandboxConfirm(ctx.server, { outTradeNo: order.orderNo, tamper });
    expect(sent.status).toBe(200);
    expect(sent.body.notifications).toHaveLength(1);
    expect(sent.body.notifications[0]).toMatchObject({ status, tamper });
    expect(JSON.parse(sent.body.notifications[0].responseBody)).toEqual({ code: 'FAIL', message: reason });
    expect(await snapshot(ctx.server, order.id)).toEqual(before);
    expect(before.payment).toMatchObject({ status: 'pending' });
  });

  it('refuses crafted notifications that are not exactly for our order, changing nothing', async () => {
    const before = await snapshot(ctx.server, order.id);
    const tx = (overrides: Record<string, unknown> = {}) => successTransaction(ctx.server, order.orderNo, amountFen, order.openid, overrides);
    const stranger = rsaKeyPair();
    const cases: Array<[string, { headers: Record<string, string>; body: string }, number, string]> = [
      ['wrong amount', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ amount: { total: amountFen - 1, payer_total: amountFen - 1, currency: 'CNY' } })), 400, 'mismatch'],
      ['wrong currency', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ amount: { total: amountFen, currency: 'USD' } })), 400, 'mismatch'],
      ['another merchant', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ mchid: '1900000109' })), 400, 'mismatch'],
      ['another app', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ appid: 'wx_other_app' })), 400, 'mismatch'],
      ['another payer', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ payer: { openid: 'o_someone_else' } })), 400, 'mismatch'],
      ['unknown order', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx({ out_trade_no: 'USNY-P-000101-9999' })), 400, 'unknown-order'],
      ['signed by a key we do not trust', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx(), { signWith: stranger.privateKeyPem }), 401, 'bad-signature'],
      ['an unknown serial', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx(), { serial: 'PUB_KEY_ID_0000000000000000000000' }), 401, 'unknown-serial'],
      ['a stale timestamp', craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx(), { timestamp: Math.floor(Date.now() / 1000) - 3600 }), 400, 'stale-timestamp'],
      ['a refund event on the payment URL', craftNotification(ctx.server, 'REFUND.SUCCESS', { mchid: 'x', out_trade_no: order.orderNo, out_refund_no: 'R1', refund_id: '1', transaction_id: '1', refund_status: 'SUCCESS', amount: { total: 1, refund: 1 } }), 400, 'unsupported-event'],
    ];
    for (const [what, notification, status, message] of cases) {
      const answer = await postNotification(ctx.server, NOTIFY, notification);
      expect({ what, ...answer }).toEqual({ what, status, body: { code: 'FAIL', message } });
    }
    // Not JSON at all, and a body whose bytes differ from what was signed.
    const good = craftNotification(ctx.server, 'TRANSACTION.SUCCESS', tx());
    expect((await postNotification(ctx.server, NOTIFY, { headers: good.headers, body: good.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') })).status).toBe(401);
    expect((await postNotification(ctx.server, NOTIFY, { headers: { ...good.headers }, body: 'not json' })).status).toBe(401);
    expect(await snapshot(ctx.server, order.id)).toEqual(before);
  });

  it('50 concurrent copies of the same notification: exactly one transition, one message, one payment', async () => {
    const before = await snapshot(ctx.server, order.id);
    const sent = await sandboxConfirm(ctx.server, { outTradeNo: order.orderNo, copies: 50 });
    expect(sent.status).toBe(200);
    expect(sent.body.notifications).toHaveLength(50);
    expect(sent.body.notifications.map((n: { status: number }) => n.status)).toEqual(Array(50).fill(204));

    const after = await snapshot(ctx.server, order.id);
    expect(after.application).toMatchObject({ status: 'submitted', version: before.application.version + 1 });
    expect(after.payment).toMatchObject({ status: 'paid', paid_via: 'wechat', settled_by: 'notification', transaction_id: sent.body.transaction.transaction_id });
    const db = ctx.server.db;
    const history = await db.selectFrom('application_history').selectAll().where('application_id', '=', order.id).where('action', '=', 'payment_confirmed').execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from_status: 'awaiting_payment', to_status: 'submitted', actor_kind: 'system' });
    const messages = await db.selectFrom('messages').selectAll().where('application_id', '=', order.id).where('status', '=', 'submitted').execute();
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain('待审核');
    const paidEvents = await db.selectFrom('payment_events').select('kind').where('payment_id', '=', after.payment!.id).where('kind', '=', 'paid').execute();
    expect(paidEvents).toHaveLength(1);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'payment.paid').where('subject', '=', order.id).execute()).toHaveLength(1);
    expect(after.messages).toBe(before.messages + 1);
    expect(after.history).toBe(before.history + 1);

    // WeChat repeats it later: still 204, still once.
    const again = await sandboxConfirm(ctx.server, { outTradeNo: order.orderNo });
    expect(again.body.notifications[0].status).toBe(204);
    const later = await snapshot(ctx.server, order.id);
    expect(later).toEqual(after);

    const payment = await order.api.get(`/api/applications/${order.id}/payment`);
    expect(payment.body).toMatchObject({ state: 'paid', stateLabel: '已支付', paidVia: 'wechat', amountFen });
    // Paying twice is impossible.
    const twice = await order.api.post(`/api/applications/${order.id}/pay`);
    expect(twice).toEqual({ status: 409, body: { error: { code: 'ALREADY_PAID', message: '该订单已支付，请勿重复支付' } } });
  });
});
