import { reconcilePayments } from '../../../server/payments/reconciliation';
import { createWechatPayClientFromConfig } from '../../../server/wechat/pay/pay-config';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import type { TestImages } from '../applications/walk';
import { type PaymentsServer, prepay, sandboxConfirm, sandboxPost, snapshot, staffClient, startPaymentsServer, submittedOrder, testImages } from './helpers';

jest.setTimeout(150_000);

const MINUTE = 60_000;

describe.each(sqlOnlyKinds)('payment reconciliation (%s)', (database) => {
  let ctx: PaymentsServer;
  let files: TestImages;
  beforeAll(async () => {
    // Short expiry so "after expiry" is a few minutes ahead; checks after 10 minutes (default).
    ctx = await startPaymentsServer(database, { PAYMENT_EXPIRY_MINUTES: '30' });
    files = await testImages();
  });
  afterAll(() => ctx.close());

  /** Reconciliation as the server's timer runs it, at a chosen "now". */
  const reconcile = (minutesAhead: number) =>
    reconcilePayments({ db: ctx.server.db, config: ctx.server.config, wechatPay: createWechatPayClientFromConfig(ctx.server.config.wechatPay) }, { now: new Date(Date.now() + minutesAhead * MINUTE) });

  /** Paid at WeChat, but our server never accepted the notification (it was tampered). */
  const paidButNotNotified = async () => {
    const order = await submittedOrder(ctx.server, files);
    const { prepayId } = await prepay(order);
    const sent = await sandboxConfirm(ctx.server, { prepayId, tamper: 'signature' });
    expect(sent.body.notifications[0].status).toBe(401);
    expect(ctx.server.paySandbox.transaction(order.orderNo)?.state).toBe('SUCCESS');
    return order;
  };

  it('a lost notification: the order is queried after a while and settled on WeChat’s signed answer, once', async () => {
    const order = await paidButNotNotified();
    // Too early: nothing asked yet.
    expect((await reconcile(0)).checked).toBe(0);
    expect((await snapshot(ctx.server, order.id)).payment?.status).toBe('pending');

    const report = await reconcile(11);
    expect(report).toMatchObject({ settled: 1 });
    const after = await snapshot(ctx.server, order.id);
    expect(after.application.status).toBe('submitted');
    expect(after.payment).toMatchObject({ status: 'paid', settled_by: 'reconciliation', last_check_result: 'SUCCESS (settled)' });
    const history = await ctx.server.db.selectFrom('application_history').selectAll().where('application_id', '=', order.id).where('action', '=', 'payment_confirmed').execute();
    expect(history).toHaveLength(1);
    // WeChat's retry arrives after all: 204, nothing new.
    expect((await sandboxConfirm(ctx.server, { outTradeNo: order.orderNo })).body.notifications[0].status).toBe(204);
    expect(await snapshot(ctx.server, order.id)).toEqual(after);
  });

  it('never settles on an unverified answer: WeChat errors and a badly signed SUCCESS leave the order pending', async () => {
    const order = await paidButNotNotified();
    const before = await snapshot(ctx.server, order.id);
    await sandboxPost(ctx.server, '/sandbox/pay/faults', { api: 'query', codes: ['SYSTEM_ERROR'] });
    await reconcile(11);
    const afterError = await snapshot(ctx.server, order.id);
    expect(afterError.payment).toMatchObject({ status: 'pending', last_check_result: 'error 500 SYSTEM_ERROR' });
    expect(afterError.application).toEqual(before.application);

    await sandboxPost(ctx.server, '/sandbox/pay/faults', { api: 'query', codes: ['BAD_RESPONSE_SIGNATURE'] });
    await reconcile(22);
    const afterForgery = await snapshot(ctx.server, order.id);
    expect(afterForgery.payment).toMatchObject({ status: 'pending', last_check_result: expect.stringContaining('WechatPaySignatureError') });
    expect(afterForgery.application.status).toBe('awaiting_payment');
    expect(afterForgery.history).toBe(before.history);

    // Staff see it among the mission's open payments.
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const view = await reviewer.request('GET', '/api/console/payments/reconciliation');
    expect(view.status).toBe(200);
    expect(view.body.lastRun).toMatchObject({ at: expect.any(String) });
    expect(view.body.payments).toEqual(expect.arrayContaining([expect.objectContaining({ orderNo: order.orderNo, status: 'pending', lastCheckResult: expect.stringContaining('error'), attention: expect.any(String) })]));

    // Next time WeChat answers properly: settled.
    await reconcile(33);
    expect((await snapshot(ctx.server, order.id)).payment?.status).toBe('paid');
  });

  it('an unpaid order past its expiry is closed at WeChat and here, and becomes 已过期 (the applicant may apply again)', async () => {
    const order = await submittedOrder(ctx.server, files);
    await prepay(order);
    const never = await submittedOrder(ctx.server, files); // never tapped 去支付
    expect((await reconcile(20)).closed).toBe(0);
    const report = await reconcile(31);
    expect(report.closed).toBeGreaterThanOrEqual(2);
    expect(ctx.server.paySandbox.transaction(order.orderNo)?.state).toBe('CLOSED');
    expect(ctx.server.paySandbox.transaction(never.orderNo)).toBeUndefined();
    for (const o of [order, never]) {
      const detail = (await o.api.get(`/api/applications/${o.id}`)).body;
      expect(detail).toMatchObject({ status: 'expired', payment: { state: 'closed', stateLabel: '已关闭（超时未支付）' } });
      expect((await o.api.post(`/api/applications/${o.id}/pay`)).body.error.code).toBe('PAYMENT_CLOSED');
    }
    const row = await ctx.server.db.selectFrom('applications').select(['active', 'status']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ active: false, status: 'expired' });
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const view = await reviewer.request('GET', '/api/console/payments/reconciliation');
    expect(view.body.events).toEqual(expect.arrayContaining([expect.objectContaining({ orderNo: order.orderNo, kind: 'closed', source: 'reconciliation' })]));
  });

  it('an expired unpaid order goes 待支付 → 已过期 through the state machine: history, a message, a subscription message', async () => {
    const order = await submittedOrder(ctx.server, files);
    await prepay(order);
    // The submission's own subscription job has run (no quota then): the unit granted next is for the expiry.
    await ctx.server.app.jobRunner.runDue();
    const templates = (await order.api.get('/api/subscriptions/templates')).body;
    await order.api.post('/api/subscriptions', { templateIds: [templates.orderStatus], accepted: [templates.orderStatus] });
    const before = await ctx.server.db.selectFrom('applications').select('version').where('id', '=', order.id).executeTakeFirstOrThrow();
    await reconcile(31);
    const row = await ctx.server.db.selectFrom('applications').select(['status', 'version', 'active']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'expired', version: before.version + 1, active: false });

    const timeline = (await order.api.get(`/api/applications/${order.id}/timeline`)).body;
    expect(timeline.entries.at(-1)).toMatchObject({ action: 'payment_expired', actionLabel: '超时未支付', from: 'awaiting_payment', to: 'expired', actor: 'system' });
    expect(timeline.nextStep).toMatchObject({ who: 'none', text: '订单超时未支付已关闭，如需办理请重新申请' });
    const history = await ctx.server.db.selectFrom('application_history').selectAll().where('application_id', '=', order.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(history).toMatchObject({ actor_kind: 'system', actor_id: 'payments', action: 'payment_expired', data: { outTradeNo: order.orderNo, reason: '超时未支付，订单已关闭' } });

    const messages = (await order.api.get('/api/messages')).body.messages;
    expect(messages[0]).toMatchObject({ applicationId: order.id, kind: 'status', status: 'expired', title: '超时未支付：已过期' });
    expect(messages[0].body).toContain(order.orderNo);
    expect(messages[0].body).toContain('订单超时未支付已关闭，如需办理请重新申请');

    await ctx.server.app.jobRunner.runDue();
    const response = await fetch(`${ctx.server.sandboxUrl}/sandbox/subscribe-messages?touser=${order.openid}`);
    const sent = ((await response.json()) as { messages: Array<{ data: Record<string, { value: string }> }> }).messages;
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ character_string1: { value: order.orderNo }, phrase3: { value: '已过期' }, thing5: { value: '订单超时未支付已关闭，如需办理请重新申请' } });
    // Closed once: running again changes nothing for it.
    const trail = async () => ({
      history: (await ctx.server.db.selectFrom('application_history').select('id').where('application_id', '=', order.id).execute()).length,
      messages: (await ctx.server.db.selectFrom('messages').select('id').where('application_id', '=', order.id).execute()).length,
      application: await ctx.server.db.selectFrom('applications').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow(),
    });
    const again = await trail();
    await reconcile(32);
    expect(await trail()).toEqual(again);
  });

  it('closing an order WeChat has meanwhile been paid for settles it instead (ORDERPAID → signed query)', async () => {
    const order = await paidButNotNotified();
    const report = await reconcile(31);
    expect(report.settled).toBeGreaterThanOrEqual(1);
    expect((await snapshot(ctx.server, order.id)).payment).toMatchObject({ status: 'paid', settled_by: 'reconciliation' });
    expect(ctx.server.paySandbox.transaction(order.orderNo)?.state).toBe('SUCCESS');
  });

  it('a withdrawn 待支付 order has its payment closed at WeChat', async () => {
    const order = await submittedOrder(ctx.server, files);
    await prepay(order);
    expect((await order.api.post(`/api/applications/${order.id}/withdraw`)).status).toBe(200);
    await reconcile(0);
    expect(ctx.server.paySandbox.transaction(order.orderNo)?.state).toBe('CLOSED');
    expect((await snapshot(ctx.server, order.id)).payment?.status).toBe('closed');
    expect((await order.api.get(`/api/applications/${order.id}`)).body.status).toBe('withdrawn');
  });

  it('supervisors can run it from the console; reviewers cannot', async () => {
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const supervisor = await staffClient(ctx.server, 'supervisor');
    expect((await reviewer.request('POST', '/api/console/payments/reconciliation')).status).toBe(403);
    const run = await supervisor.request('POST', '/api/console/payments/reconciliation');
    expect(run.status).toBe(200);
    expect(run.body.lastRun).toMatchObject({ checked: expect.any(Number), failures: expect.any(Number) });
  });
});
