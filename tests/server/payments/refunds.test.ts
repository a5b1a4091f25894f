import { applyTransition } from '../../../server/workflow/transitions';
import { reconcilePayments } from '../../../server/payments/reconciliation';
import { createWechatPayClientFromConfig } from '../../../server/wechat/pay/pay-config';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import type { TestImages } from '../applications/walk';
import {
  craftNotification,
  type Order,
  type PaymentsServer,
  postNotification,
  prepay,
  sandboxConfirm,
  sandboxPost,
  snapshot,
  type Staff,
  staffClient,
  startPaymentsServer,
  submittedOrder,
  testImages,
} from './helpers';

jest.setTimeout(150_000);

describe.each(sqlOnlyKinds)('refunds (%s)', (database) => {
  let ctx: PaymentsServer;
  let files: TestImages;
  let supervisor: Staff;
  beforeAll(async () => {
    // The job runner is driven by the tests (app.jobRunner.runDue()).
    ctx = await startPaymentsServer(database, { JOB_POLL_MS: '0' });
    files = await testImages();
    supervisor = await staffClient(ctx.server, 'supervisor');
  });
  afterAll(() => ctx.close());

  const paidOrder = async (service: 'passport' | 'emergency_travel' = 'passport'): Promise<Order> => {
    const order = await submittedOrder(ctx.server, files, { service });
    const { prepayId } = await prepay(order);
    const confirmed = await sandboxConfirm(ctx.server, { prepayId });
    if (confirmed.body.notifications[0]?.status !== 204) throw new Error(`not paid: ${JSON.stringify(confirmed.body)}`);
    return order;
  };
  const refund = (order: Order, body: unknown, staff: Staff = supervisor) => staff.request('POST', `/api/console/applications/${order.id}/refunds`, body);
  const reconcile = (minutesAhead: number) =>
    reconcilePayments({ db: ctx.server.db, config: ctx.server.config, wechatPay: createWechatPayClientFromConfig(ctx.server.config.wechatPay) }, { now: new Date(Date.now() + minutesAhead * 60_000) });

  it('supervisors refund a difference, then the rest — never more than paid minus refunded; the citizen sees each refund', async () => {
    const order = await paidOrder();
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const london = await staffClient(ctx.server, 'supervisor', 'gb-london');
    expect((await refund(order, { amountFen: 3000, reason: '多收差额' }, reviewer)).status).toBe(403);
    expect((await refund(order, { amountFen: 3000, reason: '多收差额' }, london)).status).toBe(404);
    const tooMuch = await refund(order, { amountFen: 13001, reason: '多收' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_TOO_LARGE', message: '退款金额超出可退金额（最多可退 ¥130.00）' });
    expect((await refund(order, { amountFen: 0, reason: 'x' })).status).toBe(400);
    expect((await refund(order, { amountFen: 3000, reason: '' })).status).toBe(400);

    const first = await refund(order, { amountFen: 3000, reason: '多收差额' });
    expect(first.status).toBe(201);
    expect(first.body.refund).toMatchObject({ amountFen: 3000, status: 'processing', statusLabel: '退款处理中', reason: '多收差额' });
    const refunds = await ctx.server.db.selectFrom('payment_refunds').selectAll().execute();
    const row = refunds.find((r) => r.id === first.body.refund.id)!;
    expect(row.out_refund_no).toBe(`${order.orderNo}-R1`);
    expect(ctx.server.paySandbox.transaction(order.orderNo)).toMatchObject({ state: 'SUCCESS' });
    // Reserved while processing: only 10000 fen left.
    expect((await refund(order, { amountFen: 10001, reason: '余额' })).body.error.code).toBe('REFUND_TOO_LARGE');

    // WeChat completes it and notifies us.
    const done = await sandboxPost(ctx.server, '/sandbox/pay/refund-complete', { outRefundNo: row.out_refund_no });
    expect(done.body.notifications.map((n: { status: number }) => n.status)).toEqual([204]);
    const payment = (await order.api.get(`/api/applications/${order.id}`)).body.payment;
    expect(payment).toMatchObject({ state: 'paid', refundedFen: 3000, refunds: [{ amountFen: 3000, status: 'succeeded', statusLabel: '已退款', completedAt: expect.any(String) }] });

    const rest = await refund(order, { amountFen: 10000, reason: '不予受理，退还余款' });
    expect(rest.status).toBe(201);
    expect((await refund(order, { amountFen: 1, reason: '再退' })).body.error.code).toBe('REFUND_TOO_LARGE');
    const audit = await ctx.server.db.selectFrom('audit_log').select('action').where('subject', '=', order.id).where('action', 'like', 'payment.refund%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['payment.refund.request', 'payment.refund.request', 'payment.refund.succeeded']);
  });

  it('refund notifications are verified like payment ones: a bad one changes nothing, a repeat counts once', async () => {
    const order = await paidOrder();
    const first = await refund(order, { amountFen: 13000, reason: '全额退款' });
    const outRefundNo = `${order.orderNo}-R1`;
    expect(first.status).toBe(201);
    const before = await snapshot(ctx.server, order.id);
    for (const tamper of ['signature', 'ciphertext', 'serial', 'timestamp']) {
      const sent = await sandboxPost(ctx.server, '/sandbox/pay/refund-complete', { outRefundNo, tamper });
      expect(sent.body.notifications[0].status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(sent.body.notifications[0].responseBody).code).toBe('FAIL');
    }
    const notice = (overrides: Record<string, unknown>) => ({
      mchid: ctx.server.config.wechatPay.mchId,
      out_trade_no: order.orderNo,
      transaction_id: before.payment!.transaction_id,
      out_refund_no: outRefundNo,
      refund_id: '50000000000000000000000000000001',
      refund_status: 'SUCCESS',
      amount: { total: 13000, refund: 13000, payer_total: 13000, payer_refund: 13000 },
      ...overrides,
    });
    const refundNotify = (resource: unknown) => postNotification(ctx.server, '/api/pay/wechat/refund-notify', craftNotification(ctx.server, 'REFUND.SUCCESS', resource));
    expect(await refundNotify(notice({ amount: { total: 13000, refund: 12000 } }))).toEqual({ status: 400, body: { code: 'FAIL', message: 'mismatch' } });
    expect(await refundNotify(notice({ mchid: '1900000109' }))).toEqual({ status: 400, body: { code: 'FAIL', message: 'mismatch' } });
    expect(await refundNotify(notice({ out_refund_no: 'nobody-R1' }))).toEqual({ status: 400, body: { code: 'FAIL', message: 'unknown-order' } });
    expect(await snapshot(ctx.server, order.id)).toEqual(before);

    const sent = await sandboxPost(ctx.server, '/sandbox/pay/refund-complete', { outRefundNo, copies: 20 });
    expect(sent.body.notifications.map((n: { status: number }) => n.status)).toEqual(Array(20).fill(204));
    const events = await ctx.server.db.selectFrom('payment_events').select('kind').where('payment_id', '=', before.payment!.id).where('kind', '=', 'refund_succeeded').execute();
    expect(events).toHaveLength(1);
    expect((await order.api.get(`/api/applications/${order.id}/payment`)).body).toMatchObject({ refundedFen: 13000, refunds: [{ status: 'succeeded' }] });
  });

  it('emergency travel certificate: no refund, whatever the console sends', async () => {
    const order = await paidOrder('emergency_travel');
    const admin = await staffClient(ctx.server, 'admin');
    const before = await snapshot(ctx.server, order.id);
    for (const body of [{ amountFen: 13000, reason: '全额退款' }, { amountFen: 1, reason: '差额' }]) {
      for (const staff of [supervisor, admin]) {
        const response = await refund(order, body, staff);
        expect(response).toEqual({ status: 409, body: { error: { code: 'REFUND_NOT_ALLOWED', message: '应急旅行证已缴费用不予退还' } } });
      }
    }
    expect(await snapshot(ctx.server, order.id)).toEqual(before);
    expect((await sandboxPost(ctx.server, '/sandbox/pay/refund-complete', { outRefundNo: `${order.orderNo}-R1` })).status).toBe(404);
    expect((await order.api.get(`/api/applications/${order.id}/fee`)).body).toMatchObject({ refundable: false, refundNote: '应急旅行证已缴费用不予退还' });
    expect((await order.api.get(`/api/applications/${order.id}/payment`)).body).toMatchObject({ state: 'paid', refundable: false, refunds: [] });
  });

  it('unpaid and counter-paid orders are not refunded through WeChat', async () => {
    const unpaid = await submittedOrder(ctx.server, files);
    expect((await refund(unpaid, { amountFen: 100, reason: 'x' })).body.error.code).toBe('NOT_PAID');
    const counter = await submittedOrder(ctx.server, files, { paymentMethod: 'at_mission' });
    await supervisor.request('POST', `/api/console/applications/${counter.id}/mark-paid`, { receiptNo: 'NY-1' });
    expect((await refund(counter, { amountFen: 100, reason: 'x' })).body.error).toMatchObject({ code: 'PAID_AT_COUNTER', message: '到馆缴费的订单请在使领馆柜台办理退款' });
  });

  it('WeChat refusing a refund frees its amount; an unknown outcome is sent again by reconciliation (same out_refund_no)', async () => {
    const order = await paidOrder();
    await sandboxPost(ctx.server, '/sandbox/pay/faults', { api: 'refund', codes: ['NOT_ENOUGH'] });
    const refused = await refund(order, { amountFen: 5000, reason: '差额' });
    expect(refused.status).toBe(201);
    expect(refused.body.refund).toMatchObject({ status: 'failed', statusLabel: '退款未成功，使领馆正在处理' });

    await sandboxPost(ctx.server, '/sandbox/pay/faults', { api: 'refund', codes: ['SYSTEM_ERROR'] });
    const unknown = await refund(order, { amountFen: 13000, reason: '全额' });
    expect(unknown.status).toBe(201);
    expect(unknown.body.refund.status).toBe('requested');
    // Still reserved: nothing more can go out meanwhile.
    expect((await refund(order, { amountFen: 1, reason: 'x' })).body.error.code).toBe('REFUND_TOO_LARGE');
    const report = await reconcile(2);
    expect(report.refundsSent).toBeGreaterThanOrEqual(1);
    const row = await ctx.server.db.selectFrom('payment_refunds').selectAll().where('id', '=', unknown.body.refund.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'processing', out_refund_no: `${order.orderNo}-R2` });
    expect(ctx.server.paySandbox.transaction(order.orderNo)).toBeDefined();
  });

  const reject = (order: Order, note = '材料不符合要求') =>
    ctx.server.db.transaction().execute((tx) =>
      applyTransition(tx, { applicationId: order.id, action: 'reject', actor: { kind: 'staff', id: supervisor.staffId, role: 'supervisor', missionId: 'us-new-york' }, note }),
    );
  const refundRows = (order: Order) =>
    ctx.server.db
      .selectFrom('payment_refunds')
      .innerJoin('payments', 'payments.id', 'payment_refunds.payment_id')
      .selectAll('payment_refunds')
      .where('payments.application_id', '=', order.id)
      .execute();
  const lastHistory = async (order: Order) =>
    (await ctx.server.db.selectFrom('application_history').selectAll().where('application_id', '=', order.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).data;
  const refundDue = async (order: Order) => (await ctx.server.db.selectFrom('applications').select('refund_due').where('id', '=', order.id).executeTakeFirstOrThrow()).refund_due;

  it('rejecting a paid order (不予受理) reserves the whole fee and sends it right after the rejection commits (job queue, not the reconciliation timer)', async () => {
    const order = await paidOrder();
    await reject(order);
    const reserved = await refundRows(order);
    expect(reserved).toEqual([expect.objectContaining({ amount_fen: 13000, status: 'requested', reason: '不予受理：材料不符合要求' })]);
    expect(await refundDue(order)).toBe(false);
    expect(await lastHistory(order)).toMatchObject({ refund: 'requested' });
    // The send job was written with the rejection; nothing has gone to WeChat yet.
    const jobs = await ctx.server.db.selectFrom('jobs').selectAll().where('kind', '=', 'payments.refund.send').execute();
    const job = jobs.find((j) => j.payload.refundId === reserved[0].id);
    expect(job).toMatchObject({ status: 'pending', mission_id: 'us-new-york', payload: { applicationId: order.id, orderNo: order.orderNo } });

    await ctx.server.app.jobRunner.runDue();
    const sent = await ctx.server.db.selectFrom('payment_refunds').selectAll().where('id', '=', reserved[0].id).executeTakeFirstOrThrow();
    expect(sent.status).toBe('processing');
    expect(await ctx.server.db.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', job!.id).executeTakeFirstOrThrow()).toEqual({ status: 'done', last_error: null });
    // Reconciliation has nothing left to send for it.
    const report = await reconcile(2);
    expect((await ctx.server.db.selectFrom('payment_refunds').select('status').where('id', '=', reserved[0].id).executeTakeFirstOrThrow()).status).toBe('processing');
    expect(report.failures).toBe(0);
    // The citizen is told the fee will be refunded.
    const message = (await order.api.get('/api/messages')).body.messages.find((m: { status: string }) => m.status === 'rejected');
    expect(message.body).toContain('已缴费用将按规定退还');
  });

  it('the refund job leaves an unknown outcome to reconciliation, and does nothing for a refund already sent', async () => {
    const order = await paidOrder();
    await sandboxPost(ctx.server, '/sandbox/pay/faults', { api: 'refund', codes: ['SYSTEM_ERROR'] });
    await reject(order);
    await ctx.server.app.jobRunner.runDue();
    const [row] = await refundRows(order);
    expect(row.status).toBe('requested');
    const job = (await ctx.server.db.selectFrom('jobs').selectAll().where('kind', '=', 'payments.refund.send').execute()).find((j) => j.payload.refundId === row.id)!;
    expect(job).toMatchObject({ status: 'done', last_error: 'outcome unknown: reconciliation sends it again' });
    await reconcile(2);
    expect((await refundRows(order))[0].status).toBe('processing');
    // Run the job again (as if it were retried): the refund is no longer `requested`.
    await ctx.server.db.updateTable('jobs').set({ status: 'pending', run_at: new Date(Date.now() - 1000) }).where('id', '=', job.id).execute();
    await ctx.server.app.jobRunner.runDue();
    expect(await ctx.server.db.selectFrom('jobs').select('last_error').where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual({ last_error: 'already processing' });
    expect(await refundRows(order)).toHaveLength(1);
  });

  it('rejecting an unpaid 到馆缴费 order: nothing to refund, not flagged refund_due, no refund promised', async () => {
    const order = await submittedOrder(ctx.server, files, { paymentMethod: 'at_mission' });
    expect(order.detail.status).toBe('submitted');
    await reject(order);
    expect(await refundDue(order)).toBe(false);
    expect(await lastHistory(order)).toMatchObject({ refund: 'none', refundNote: 'not paid: nothing to refund' });
    expect(await refundRows(order)).toEqual([]);
    const message = (await order.api.get('/api/messages')).body.messages.find((m: { status: string }) => m.status === 'rejected');
    expect(message.body).toContain('申请不予受理，详见使领馆说明');
    expect(message.body).not.toContain('退还');
    const view = await supervisor.request('GET', `/api/console/applications/${order.id}`);
    expect(view.body.refundDue).toBe(false);
  });

  it('rejecting a 到馆缴费 order paid at the counter flags it refund_due (refunded at the counter)', async () => {
    const order = await submittedOrder(ctx.server, files, { paymentMethod: 'at_mission' });
    expect((await supervisor.request('POST', `/api/console/applications/${order.id}/mark-paid`, { receiptNo: 'NY-R-1' })).status).toBe(200);
    await reject(order);
    expect(await refundDue(order)).toBe(true);
    expect(await lastHistory(order)).toMatchObject({ refund: 'due', refundNote: '到馆缴费的订单请在使领馆柜台办理退款' });
    expect(await refundRows(order)).toEqual([]);
  });
});
