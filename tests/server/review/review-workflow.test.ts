import { sql } from 'kysely';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from './helpers';

jest.setTimeout(180_000);

describe.each(databaseKinds)('review workflow (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffClient;
  let reviewer2: StaffClient;
  let supervisor: StaffClient;
  let chicago: StaffClient;

  beforeAll(async () => {
    // The background poller is off: tests run the job queue themselves (app.jobRunner.runDue()).
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await signedInStaff(ctx.server, 'ny.reviewer', 'reviewer');
    reviewer2 = await signedInStaff(ctx.server, 'ny.reviewer2', 'reviewer');
    supervisor = await signedInStaff(ctx.server, 'ny.supervisor', 'supervisor');
    chicago = await signedInStaff(ctx.server, 'chi.reviewer', 'reviewer', 'us-chicago');
  });
  afterAll(() => ctx.close());

  const sandbox = async (path: string, body?: unknown) => {
    const response = await fetch(ctx.server.sandboxUrl + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return response.json() as Promise<any>;
  };
  const refusals = async (action = 'access.refused') =>
    ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  const queueIds = async (client: StaffClient, query = '') => ((await client.get(`/api/console/queue${query}`)).body.items as Array<{ id: string }>).map((i) => i.id);

  it('submission records the first transition, a message and a queue place; the queue shows the order in-district', async () => {
    const { api, id, orderNo } = await submittedOrder(ctx.server, files, 'o_rv_submit');
    const timeline = await api.get(`/api/applications/${id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toMatchObject({ status: 'submitted', statusLabel: '待审核', nextStep: { who: 'mission' }, orderNo });
    expect(timeline.body.entries).toEqual([expect.objectContaining({ action: 'submit_pay_at_mission', from: 'draft', to: 'submitted', actor: 'citizen' })]);
    const messages = await api.get('/api/messages');
    expect(messages.body.unread).toBe(1);
    expect(messages.body.messages[0]).toMatchObject({ applicationId: id, kind: 'status', status: 'submitted', read: false, body: expect.stringContaining(orderNo) });
    const queue = await reviewer.get('/api/console/queue?status=submitted');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ id, orderNo, status: 'submitted', statusLabel: '待审核', inDistrict: true, applicantName: '李明', applicantIdMasked: expect.stringMatching(/^1101\*+\d{3}[\dX]$/) }),
    );
    // The list carries what happens next.
    const list = await api.get('/api/applications');
    expect(list.body.applications.find((a: any) => a.id === id)).toMatchObject({ status: 'submitted' });
  });

  it('supplements: request → citizen uploads exactly those items → resubmits at the original queue place → approvals to 已完成', async () => {
    const a = await submittedOrder(ctx.server, files, 'o_rv_flow_a');
    const b = await submittedOrder(ctx.server, files, 'o_rv_flow_b');
    const before = await queueIds(reviewer, '?status=submitted&limit=100');
    expect(before.indexOf(a.id)).toBeLessThan(before.indexOf(b.id));

    const view = await reviewer.get(`/api/console/applications/${a.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'submitted', version: expect.any(Number), face: { status: 'skipped' } });
    expect(view.body.steps.find((s: any) => s.stepId === 'personal').fields).toContainEqual({ id: 'surnameZh', label: expect.any(String), value: '李' });
    // Staff read names, not codes: a country as the citizen picked it from the form's list.
    expect(view.body.steps.find((s: any) => s.stepId === 'contact').fields).toContainEqual({ id: 'residenceCountry', label: '现居住国家', value: '美国' });
    expect(view.body.documents.map((d: any) => d.docId)).toEqual(expect.arrayContaining(['id_photo', 'passport_data_page']));
    expect(view.body.allowedActions.map((x: any) => x.action).sort()).toEqual(['approve', 'request_supplements', 'require_interview']);
    // The document link works for staff of the mission.
    const doc = await ctx.server.app.inject({ method: 'GET', url: view.body.documents[0].url, cookies: {} });
    expect(doc.statusCode).toBe(401);

    // Request supplements: nothing without items/note; unknown items refused.
    const missing = await reviewer.post(`/api/console/applications/${a.id}/actions/request_supplements`, { version: view.body.version });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toMatchObject({ note: expect.any(String), items: expect.any(String) });
    expect((await reviewer.post(`/api/console/applications/${a.id}/actions/request_supplements`, { version: view.body.version, note: 'x', items: ['nope'] })).status).toBe(400);
    const requested = await reviewer.post(`/api/console/applications/${a.id}/actions/request_supplements`, {
      version: view.body.version,
      note: '照片背景不符合要求，请重新上传',
      items: ['id_photo', 'other'],
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ status: 'supplement_requested', version: view.body.version + 1, supplement: { note: '照片背景不符合要求，请重新上传' } });

    // The citizen sees it: message, hint, slot.
    const unread = await a.api.get('/api/messages/unread-count');
    expect(unread.body.unread).toBe(2);
    const latest = (await a.api.get('/api/messages')).body.messages[0];
    expect(latest).toMatchObject({ status: 'supplement_requested', body: expect.stringContaining('照片背景不符合要求') });
    expect(latest.body).toContain('证件照');
    const slot = await a.api.get(`/api/applications/${a.id}/supplements`);
    expect(slot.body).toMatchObject({ open: true, items: [{ id: 'id_photo', uploaded: false }, { id: 'other', uploaded: false }] });
    // 订单详情's one response: the same application, timeline and slot, and the mission's contact.
    const order = await a.api.get(`/api/applications/${a.id}/order`);
    expect(order.status).toBe(200);
    expect(order.body.application).toEqual((await a.api.get(`/api/applications/${a.id}`)).body);
    expect(order.body.timeline).toEqual((await a.api.get(`/api/applications/${a.id}/timeline`)).body);
    expect(order.body.supplements).toEqual(slot.body);
    expect(order.body.mission).toEqual({ id: 'us-new-york', nameZh: '中华人民共和国驻纽约总领事馆', addressZh: expect.any(String), phone: expect.any(String), hoursZh: expect.any(String) });
    expect(order.body.interview).toBeNull();
    // Resubmitting before uploading everything is refused, naming what is missing.
    const early = await a.api.post(`/api/applications/${a.id}/resubmit`);
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'SUPPLEMENTS_MISSING', fields: { 'supplements.id_photo': expect.any(String), 'supplements.other': expect.any(String) } });
    // A resubmitted photo that failed the check is named as such, as at submission.
    const dark = await a.api.upload(`/api/applications/${a.id}/supplements/id_photo`, await images.darkIdPhoto());
    expect(dark.body).toMatchObject({ ok: false, findings: expect.arrayContaining([expect.objectContaining({ code: 'TOO_DARK' })]) });
    const failedPhoto = await a.api.post(`/api/applications/${a.id}/resubmit`);
    expect(failedPhoto.body.error.fields['supplements.id_photo']).toBe('证件照未通过检查，请按提示重新拍摄或上传');
    // Only the requested items go into the slot.
    expect((await a.api.upload(`/api/applications/${a.id}/supplements/passport_data_page`, files.document)).status).toBe(409);
    expect((await a.api.upload(`/api/applications/${a.id}/supplements/id_photo`, files.idPhoto)).status).toBe(200);
    expect((await a.api.upload(`/api/applications/${a.id}/supplements/other`, files.document)).status).toBe(200);
    const resubmitted = await a.api.post(`/api/applications/${a.id}/resubmit`);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');
    // Back at its original place, ahead of b.
    const after = await queueIds(reviewer, '?status=submitted&limit=100');
    expect(after.indexOf(a.id)).toBeLessThan(after.indexOf(b.id));
    expect(after.indexOf(a.id)).toBe(before.indexOf(a.id));

    // The reviewer sees the supplement among the documents, and approves (初审) → 复审中.
    const again = await reviewer.get(`/api/console/applications/${a.id}`);
    expect(again.body.documents.filter((d: any) => d.supplement).map((d: any) => d.docId).sort()).toEqual(['supplement.id_photo', 'supplement.other']);
    const approved = await reviewer.post(`/api/console/applications/${a.id}/actions/approve`, { version: again.body.version });
    expect(approved.body).toMatchObject({ status: 'second_review' });
    // 复审 is a supervisor's: the reviewer is refused (403) and it is logged.
    const tooLow = await reviewer.post(`/api/console/applications/${a.id}/actions/approve`, { version: approved.body.version });
    expect(tooLow.status).toBe(403);
    expect(tooLow.body.error.code).toBe('ROLE_REQUIRED');
    expect((await refusals()).some((r) => r.subject === a.id && (r.detail as any).status === 403)).toBe(true);
    let current = await supervisor.post(`/api/console/applications/${a.id}/actions/approve`, { version: approved.body.version });
    expect(current.body.status).toBe('approved');
    current = await reviewer.post(`/api/console/applications/${a.id}/actions/start_production`, { version: current.body.version });
    const noTracking = await reviewer.post(`/api/console/applications/${a.id}/actions/mail`, { version: current.body.version });
    expect(noTracking.body.error.fields).toEqual({ trackingNo: '请填写快递单号' });
    current = await reviewer.post(`/api/console/applications/${a.id}/actions/mail`, { version: current.body.version, trackingNo: 'SF1234567890' });
    expect(current.body).toMatchObject({ status: 'mailed', trackingNo: 'SF1234567890' });
    const received = await a.api.post(`/api/applications/${a.id}/confirm-receipt`);
    expect(received.body.status).toBe('completed');

    const timeline = await a.api.get(`/api/applications/${a.id}/timeline`);
    expect(timeline.body.entries.map((e: any) => e.to)).toEqual(['submitted', 'supplement_requested', 'submitted', 'second_review', 'approved', 'in_production', 'mailed', 'completed']);
    expect(timeline.body.entries[1]).toMatchObject({ actor: 'staff', note: '照片背景不符合要求，请重新上传', items: ['证件照', '其他补充材料'] });
    expect(timeline.body.entries[6]).toMatchObject({ trackingNo: 'SF1234567890' });
    expect(timeline.body.status).toBe('completed');
    const history = (await supervisor.get(`/api/console/applications/${a.id}`)).body.history;
    expect(history[1]).toMatchObject({ actorKind: 'staff', actorName: 'ny.reviewer', action: 'request_supplements' });
    expect((await a.api.get('/api/messages?limit=50')).body.messages.map((m: any) => m.status)).toEqual(
      ['completed', 'mailed', 'in_production', 'approved', 'second_review', 'submitted', 'supplement_requested', 'submitted'],
    );
  });

  it('optimistic locking: two reviewers saving the same version — the second gets a clear 409', async () => {
    const { id } = await submittedOrder(ctx.server, files, 'o_rv_lock');
    const first = await reviewer.get(`/api/console/applications/${id}`);
    const second = await reviewer2.get(`/api/console/applications/${id}`);
    expect(first.body.version).toBe(second.body.version);
    const saved = await reviewer.post(`/api/console/applications/${id}/actions/approve`, { version: first.body.version });
    expect(saved.status).toBe(200);
    const conflict = await reviewer2.post(`/api/console/applications/${id}/actions/request_supplements`, { version: second.body.version, note: '补充', items: ['other'] });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toEqual({ code: 'VERSION_CONFLICT', message: '该申请已被其他人更新，请刷新后重试' });
    // Concurrent saves of one version: exactly one wins.
    const fresh = (await reviewer.get(`/api/console/applications/${id}`)).body.version;
    const race = await Promise.all([
      reviewer.post(`/api/console/applications/${id}/actions/require_interview`, { version: fresh }),
      reviewer2.post(`/api/console/applications/${id}/actions/require_interview`, { version: fresh }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    // An impossible action is refused whatever the client sends.
    const impossible = await reviewer.post(`/api/console/applications/${id}/actions/complete`, { version: fresh + 1 });
    expect(impossible.status).toBe(409);
    expect(impossible.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await reviewer.post(`/api/console/applications/${id}/actions/fly_away`, { version: fresh + 1 })).status).toBe(404);
  });

  it('access control: other citizens, other missions, lower roles — refused and logged', async () => {
    const owner = await submittedOrder(ctx.server, files, 'o_rv_owner');
    const other = await submittedOrder(ctx.server, files, 'o_rv_other');
    const before = (await refusals()).length;
    for (const url of [
      `/api/applications/${owner.id}`,
      `/api/applications/${owner.id}/timeline`,
      `/api/applications/${owner.id}/supplements`,
      `/api/applications/${owner.id}/order`,
    ]) {
      expect((await other.api.get(url)).status).toBe(404);
    }
    expect((await other.api.download(`/api/applications/${owner.id}/documents/id_photo`)).status).toBe(404);
    expect((await other.api.post(`/api/applications/${owner.id}/resubmit`)).status).toBe(404);
    const citizenRefusals = (await refusals()).slice(before);
    expect(citizenRefusals.length).toBeGreaterThanOrEqual(5);
    expect(citizenRefusals.every((r) => r.actor_kind === 'citizen' && r.subject === owner.id)).toBe(true);
    // A malformed id is the same clear 404, in words.
    const malformed = await owner.api.get('/api/applications/not-a-uuid/order');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toBe('未找到该申请');

    // A Chicago reviewer: New York's orders are not in their queue, and cannot be read or acted on.
    expect(await queueIds(chicago, '?limit=100')).not.toContain(owner.id);
    expect((await chicago.get(`/api/console/applications/${owner.id}`)).status).toBe(404);
    expect((await chicago.post(`/api/console/applications/${owner.id}/actions/approve`, { version: 1 })).status).toBe(404);
    expect((await chicago.get(`/api/console/applications/${owner.id}/documents/id_photo`)).status).toBe(404);
    const staffRefusals = (await refusals()).filter((r) => r.actor_kind === 'staff' && r.subject === owner.id);
    expect(staffRefusals.length).toBeGreaterThanOrEqual(3);

    // The audit log is the supervisors'.
    expect((await reviewer.get('/api/console/audit-log')).status).toBe(403);
    const log = await supervisor.get('/api/console/audit-log?limit=200');
    expect(log.status).toBe(200);
    expect(log.body.entries.some((e: any) => e.action === 'application.view' && e.actorName === 'ny.reviewer')).toBe(true);
    expect(log.body.entries.some((e: any) => e.action === 'access.refused' && e.detail.route === '/api/console/audit-log')).toBe(true);
    // Chicago's supervisor would not see New York's entries.
    expect(log.body.entries.every((e: any) => e.actorId !== null || e.action)).toBe(true);
  });

  it('rejection (supervisor, with reason) of an unpaid 到馆缴费 order: nothing to refund, nothing flagged; the citizen is told', async () => {
    const { api, id } = await submittedOrder(ctx.server, files, 'o_rv_reject');
    const version = (await supervisor.get(`/api/console/applications/${id}`)).body.version;
    expect((await supervisor.post(`/api/console/applications/${id}/actions/reject`, { version })).status).toBe(400);
    const rejected = await supervisor.post(`/api/console/applications/${id}/actions/reject`, { version, note: '申请人不符合换发条件' });
    expect(rejected.body).toMatchObject({ status: 'rejected', refundDue: false });
    expect(rejected.body.history.at(-1).data).toMatchObject({ refund: 'none' });
    const message = (await api.get('/api/messages')).body.messages[0];
    expect(message).toMatchObject({ status: 'rejected', body: expect.stringContaining('使领馆说明：申请人不符合换发条件') });
    // Nothing was paid: no promise of a refund.
    expect(message.body).not.toContain('退还');
    // Final: no more actions.
    expect(rejected.body.allowedActions).toEqual([]);
  });

  it('queue: filters, district, search by order number or masked identity, keyset pages', async () => {
    const cross = await submittedOrder(ctx.server, files, 'o_rv_cross', { overrides: { addressAbroad: '1 Wacker Dr, Chicago, IL 60601' } });
    const local = await submittedOrder(ctx.server, files, 'o_rv_local');
    const crossItems = (await reviewer.get('/api/console/queue?district=cross')).body.items;
    expect(crossItems.map((i: any) => i.id)).toEqual([cross.id]);
    expect(crossItems[0].inDistrict).toBe(false);
    // In-district first by default: the cross-district order comes after every in-district one.
    const all = (await reviewer.get('/api/console/queue?limit=100')).body.items;
    expect(all.at(-1).id).toBe(cross.id);
    expect(all.map((i: any) => i.id)).toContain(local.id);
    // Search.
    expect((await reviewer.get(`/api/console/queue?q=${local.orderNo}`)).body.items.map((i: any) => i.id)).toEqual([local.id]);
    expect((await reviewer.get(`/api/console/queue?q=${local.orderNo.slice(0, 8)}&limit=100`)).body.items.length).toBeGreaterThan(1);
    const masked = all.find((i: any) => i.id === local.id).applicantIdMasked as string;
    expect((await reviewer.get(`/api/console/queue?q=${encodeURIComponent(masked.slice(-4))}`)).body.items.map((i: any) => i.id)).toContain(local.id);
    expect((await reviewer.get(`/api/console/queue?q=${encodeURIComponent(masked)}`)).body.items.map((i: any) => i.id)).toEqual([local.id]);
    expect((await reviewer.get('/api/console/queue?service=emergency_travel')).body.items).toEqual([]);
    expect((await reviewer.get('/api/console/queue?waitingDays=3')).body.items).toEqual([]);
    // Keyset pages of one walk through the same order as one big page.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await reviewer.get(`/api/console/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.body.items.map((i: any) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((i: any) => i.id));
    expect((await reviewer.get('/api/console/queue?cursor=garbage')).status).toBe(400);
  });

  it('messages: pages, read one, read all, unread count', async () => {
    const { api, id } = await submittedOrder(ctx.server, files, 'o_rv_msgs');
    await reviewer.post(`/api/console/applications/${id}/notes`, { note: '请保持电话畅通' });
    const v = (await reviewer.get(`/api/console/applications/${id}`)).body.version;
    await reviewer.post(`/api/console/applications/${id}/actions/approve`, { version: v });
    expect((await api.get('/api/messages/unread-count')).body.unread).toBe(3);
    const first = await api.get('/api/messages?limit=2');
    expect(first.body.messages).toHaveLength(2);
    expect(first.body.messages[1]).toMatchObject({ kind: 'note', body: expect.stringContaining('请保持电话畅通') });
    const second = await api.get(`/api/messages?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.messages).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect((await api.post(`/api/messages/${first.body.messages[0].id}/read`)).body.unread).toBe(2);
    // Someone else's message is not found.
    const stranger = await submittedOrder(ctx.server, files, 'o_rv_msgs_other');
    expect((await stranger.api.post(`/api/messages/${first.body.messages[1].id}/read`)).status).toBe(404);
    expect((await api.post('/api/messages/read-all')).body.unread).toBe(0);
    expect((await api.get('/api/messages/unread-count')).body.unread).toBe(0);
  });

  it('subscription messages: one per status change within the quota, retried through the job queue when WeChat fails', async () => {
    const { api, id, orderNo } = await submittedOrder(ctx.server, files, 'o_rv_subscribe');
    await ctx.server.app.jobRunner.runDue();
    // No subscription yet: nothing sent for the submission.
    expect((await sandbox('/sandbox/subscribe-messages?touser=o_rv_subscribe')).messages).toHaveLength(0);
    const templates = (await api.get('/api/subscriptions/templates')).body;
    expect((await api.post('/api/subscriptions', { templateIds: ['bogus'], accepted: [] })).status).toBe(400);
    const granted = await api.post('/api/subscriptions', { templateIds: [templates.orderStatus], accepted: [templates.orderStatus] });
    expect(granted.body.quota).toEqual({ [templates.orderStatus]: 1 });

    let version = (await reviewer.get(`/api/console/applications/${id}`)).body.version;
    version = (await reviewer.post(`/api/console/applications/${id}/actions/approve`, { version })).body.version;
    await ctx.server.app.jobRunner.runDue();
    const sent = (await sandbox('/sandbox/subscribe-messages?touser=o_rv_subscribe')).messages;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      template_id: templates.orderStatus,
      page: `pages/orders/index?id=${id}`,
      data: { character_string1: { value: orderNo }, thing2: { value: '护照旅行证' }, phrase3: { value: '复审中' } },
    });
    // Quota used up: the next change is not sent (the 消息中心 still has it).
    version = (await supervisor.post(`/api/console/applications/${id}/actions/approve`, { version })).body.version;
    await ctx.server.app.jobRunner.runDue();
    expect((await sandbox('/sandbox/subscribe-messages?touser=o_rv_subscribe')).messages).toHaveLength(1);
    const jobs = (await reviewer.get('/api/console/jobs')).body.jobs.filter((j: any) => j.payload.applicationId === id);
    expect(jobs[0]).toMatchObject({ status: 'done', lastError: 'no quota', payload: { status: 'approved' } });

    // WeChat down: the job is retried with backoff, the quota unit kept for the retry.
    await api.post('/api/subscriptions', { templateIds: [templates.orderStatus], accepted: [templates.orderStatus] });
    await sandbox('/sandbox/faults', { api: 'subscribe_send', errcodes: [-1, 503] });
    version = (await reviewer.post(`/api/console/applications/${id}/actions/start_production`, { version })).body.version;
    await ctx.server.app.jobRunner.runDue();
    let job = (await reviewer.get('/api/console/jobs')).body.jobs.find((j: any) => j.payload.status === 'in_production' && j.payload.applicationId === id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('-1') });
    expect(new Date(job.runAt).getTime()).toBeGreaterThan(Date.now() + 20_000);
    const quota = await ctx.server.db.selectFrom('subscription_quota').select('remaining').where('template_id', '=', templates.orderStatus).where('user_id', '=', sql<string>`(select id from users where openid = 'o_rv_subscribe')`).executeTakeFirstOrThrow();
    expect(quota.remaining).toBe(1);
    // Due again (as if the backoff had passed): HTTP 503 this time, then success.
    for (let attempt = 2; attempt <= 3; attempt++) {
      await ctx.server.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('id', '=', job.id).execute();
      await ctx.server.app.jobRunner.runDue();
    }
    job = (await reviewer.get('/api/console/jobs')).body.jobs.find((j: any) => j.id === job.id);
    expect(job).toMatchObject({ status: 'done', attempts: 3 });
    const all = (await sandbox('/sandbox/subscribe-messages?touser=o_rv_subscribe')).messages;
    expect(all).toHaveLength(2);
    expect(all[1].data.phrase3.value).toBe('制证中');
    // Other missions' staff do not see these jobs.
    expect((await chicago.get('/api/console/jobs')).body.jobs.some((j: any) => j.payload.applicationId === id)).toBe(false);
  });
});
