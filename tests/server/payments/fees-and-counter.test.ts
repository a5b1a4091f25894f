import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { client, residentId } from '../applications/helpers';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';
import { type PaymentsServer, prepay, snapshot, staffClient, startPaymentsServer, submittedOrder, testImages } from './helpers';

jest.setTimeout(120_000);

describe.each(sqlOnlyKinds)('fees and counter payments (%s)', (database) => {
  let ctx: PaymentsServer;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startPaymentsServer(database);
    files = await testImages();
  });
  afterAll(() => ctx.close());

  it('publishes each mission’s fee table with what every fee is for', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/api/missions/us-new-york/fees`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.missionId).toBe('us-new-york');
    expect(body.fees).toEqual(
      expect.arrayContaining([
        { service: 'passport', serviceTitle: '护照旅行证', code: 'passport', label: '护照费', option: 'normal', optionLabel: '普通', amountFen: 13000, currency: 'CNY' },
        { service: 'passport', serviceTitle: '护照旅行证', code: 'travel_document', label: '旅行证费', option: 'urgent', optionLabel: '特急', amountFen: 35000, currency: 'CNY' },
        { service: 'emergency_travel', serviceTitle: '应急旅行证', code: 'emergency_travel', label: '应急旅行证费', option: 'normal', optionLabel: '普通', amountFen: 13000, currency: 'CNY' },
      ]),
    );
    expect((await fetch(`${ctx.server.baseUrl}/api/missions/xx-nowhere/fees`)).status).toBe(404);
  });

  it('supervisors edit the table (audited, per change); reviewers read it; the amount of an order is fixed at submission', async () => {
    const before = await submittedOrder(ctx.server, files);
    expect(before.detail.payment.amountFen).toBe(13000);

    const reviewer = await staffClient(ctx.server, 'reviewer');
    const supervisor = await staffClient(ctx.server, 'supervisor');
    expect((await reviewer.request('GET', '/api/console/fees')).body.fees).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'passport', option: 'normal', amountFen: 13000 })]));
    const change = { fees: [{ code: 'passport', option: 'normal', amountFen: 15000 }, { code: 'emergency_travel', option: 'normal', amountFen: 13000 }] };
    expect((await reviewer.request('PUT', '/api/console/fees', change)).status).toBe(403);
    expect((await fetch(`${ctx.server.baseUrl}/api/console/fees`)).status).toBe(401);

    const bad = await supervisor.request('PUT', '/api/console/fees', { fees: [{ code: 'pension', option: 'normal', amountFen: 100 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'fees.0.code': '没有这个收费项目' });
    expect((await supervisor.request('PUT', '/api/console/fees', { fees: [{ code: 'passport', option: 'normal', amountFen: 12.5 }] })).status).toBe(400);

    const updated = await supervisor.request('PUT', '/api/console/fees', change);
    expect(updated.status).toBe(200);
    expect(updated.body.fees).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'passport', option: 'normal', amountFen: 15000, currency: 'CNY' })]));
    const audit = await ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'fee.update').execute();
    // One entry: the unchanged emergency fee is not a change.
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'staff', actor_id: supervisor.staffId, mission_id: 'us-new-york', subject: 'passport:normal' });
    expect(audit[0].detail).toEqual({ code: 'passport', option: 'normal', from: { amountFen: 13000, currency: 'CNY' }, to: { amountFen: 15000, currency: 'CNY' } });
    // Another mission's table is untouched.
    const london = (await (await fetch(`${ctx.server.baseUrl}/api/missions/gb-london/fees`)).json()) as any;
    expect(london.fees.find((f: any) => f.code === 'passport').amountFen).toBe(13000);

    // The earlier order keeps its price; a new one gets the new price; a draft shows the current one.
    expect((await before.api.get(`/api/applications/${before.id}/payment`)).body.amountFen).toBe(13000);
    expect((await before.api.get(`/api/applications/${before.id}/fee`)).body).toMatchObject({ fixed: true, amountFen: 13000 });
    const after = await submittedOrder(ctx.server, files);
    expect(after.detail.payment).toMatchObject({ amountFen: 15000, items: [{ code: 'passport', label: '护照费', option: 'normal', amountFen: 15000 }] });
    const draftId = await newDraft(after.api);
    expect((await after.api.get(`/api/applications/${draftId}/fee`)).body).toMatchObject({ fixed: false, amountFen: 15000, currency: 'CNY', method: null });
    await supervisor.request('PUT', '/api/console/fees', { fees: [{ code: 'passport', option: 'normal', amountFen: 13000 }] });
  });

  it('a fee the mission has not set refuses submission (409) and leaves the draft a draft', async () => {
    await ctx.server.db.deleteFrom('mission_fees').where('mission_id', '=', 'us-chicago').execute();
    const token = await ctx.server.loginCitizen('o_fee_missing');
    const api = client(ctx.server, token);
    await api.put('/api/me/identity', { name: '李明', idType: 'resident_id', idNumber: residentId(980), phone: '+12125550100' });
    const id = await newDraft(api, 'passport', 'us-chicago');
    await walkRenewal(api, id, files);
    expect((await api.get(`/api/applications/${id}/fee`)).body.error.code).toBe('FEE_NOT_CONFIGURED');
    const submitted = await api.post(`/api/applications/${id}/submit`);
    expect(submitted).toEqual({ status: 409, body: { error: { code: 'FEE_NOT_CONFIGURED', message: '该使领馆尚未设置此项业务的收费标准，请联系使领馆' } } });
    expect((await api.get(`/api/applications/${id}`)).body).toMatchObject({ status: 'draft', orderNo: null });
  });

  it('到馆缴费: staff of the mission mark it paid with a receipt number, once; the citizen is told', async () => {
    const order = await submittedOrder(ctx.server, files, { paymentMethod: 'at_mission' });
    const london = await staffClient(ctx.server, 'reviewer', 'gb-london');
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const url = `/api/console/applications/${order.id}/mark-paid`;
    expect((await london.request('POST', url, { receiptNo: 'R-1' })).status).toBe(404);
    expect((await reviewer.request('POST', url, { receiptNo: '  ' })).status).toBe(400);
    const before = await snapshot(ctx.server, order.id);
    const marked = await reviewer.request('POST', url, { receiptNo: 'NY-2026-000123' });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ state: 'paid', paidVia: 'counter', receiptNo: 'NY-2026-000123', amountFen: 13000 });
    const after = await snapshot(ctx.server, order.id);
    expect(after.application.status).toBe('submitted');
    expect(after.payment).toMatchObject({ status: 'paid', settled_by: 'counter', marked_paid_by: reviewer.staffId });
    expect(after.messages).toBe(before.messages + 1);
    const audit = await ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'payment.mark_paid').where('subject', '=', order.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ receiptNo: 'NY-2026-000123', amountFen: 13000 });
    expect((await reviewer.request('POST', url, { receiptNo: 'again' })).body.error.code).toBe('ALREADY_PAID');
    expect((await order.api.get(`/api/applications/${order.id}/payment`)).body).toMatchObject({ state: 'paid', receiptNo: 'NY-2026-000123' });
  });

  it('an online order paid at the counter instead: closed at WeChat first, then 待支付 → 待审核', async () => {
    const order = await submittedOrder(ctx.server, files);
    await prepay(order);
    const reviewer = await staffClient(ctx.server, 'reviewer');
    const marked = await reviewer.request('POST', `/api/console/applications/${order.id}/mark-paid`, { receiptNo: 'NY-2026-000124' });
    expect(marked.status).toBe(200);
    expect(ctx.server.paySandbox.transaction(order.orderNo)?.state).toBe('CLOSED');
    expect((await order.api.get(`/api/applications/${order.id}`)).body).toMatchObject({ status: 'submitted', payment: { state: 'paid', paidVia: 'counter' } });
    const history = await ctx.server.db.selectFrom('application_history').selectAll().where('application_id', '=', order.id).where('action', '=', 'mark_paid').execute();
    expect(history).toHaveLength(1);
  });
});
