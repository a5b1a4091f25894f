/**
 * Issue #16 on the server: claims (take, hold, supervisor reassigns; two reviewers pressing
 * 下一份 at once get two orders), neighbours in queue order, the applicant's earlier photo,
 * supplement checklists per mission, the supervisor dashboard, and the citizen's queue
 * place with a decision date estimated from a synthetic history (injected clock).
 */
import { databaseKinds } from '../../helpers/fresh-database';
import { queueEstimate } from '../../../server/orders/queue-estimate';
import { images, startApplicationsServer } from '../applications/helpers';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from './helpers';

jest.setTimeout(180_000);

describe.each(databaseKinds)('reviewer workstation (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let zhao: StaffClient;
  let qian: StaffClient;
  let boss: StaffClient;
  let chicago: StaffClient;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    zhao = await signedInStaff(ctx.server, 'ws.zhao', 'reviewer');
    qian = await signedInStaff(ctx.server, 'ws.qian', 'reviewer');
    boss = await signedInStaff(ctx.server, 'ws.boss', 'supervisor');
    chicago = await signedInStaff(ctx.server, 'ws.chicago', 'reviewer', 'us-chicago');
  });
  afterAll(() => ctx.close());

  const version = async (id: string) => (await boss.get(`/api/console/applications/${id}`)).body.version;

  it('claims: one holder; others are refused with the name; a supervisor reassigns; a decision releases; 下一份 never hands one order to two', async () => {
    const a = await submittedOrder(ctx.server, files, 'o_ws_claim_a');
    const b = await submittedOrder(ctx.server, files, 'o_ws_claim_b');
    const [takenByZhao, takenByQian] = await Promise.all([zhao.post('/api/console/queue/take-next'), qian.post('/api/console/queue/take-next')]);
    expect(takenByZhao.body.id).not.toBeNull();
    expect(takenByQian.body.id).not.toBeNull();
    expect(takenByZhao.body.id).not.toBe(takenByQian.body.id);
    expect([a.id, b.id].sort()).toEqual([takenByZhao.body.id, takenByQian.body.id].sort());

    const zhaos = takenByZhao.body.id as string;
    const view = await qian.get(`/api/console/applications/${zhaos}`);
    expect(view.body.claimedBy).toMatchObject({ name: 'ws.zhao' });
    const refused = await qian.post(`/api/console/applications/${zhaos}/actions/approve`, { version: view.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CLAIMED_BY_OTHER', message: expect.stringContaining('ws.zhao 办理中') });
    expect((await qian.post(`/api/console/applications/${zhaos}/claim`)).status).toBe(409);
    const queue = await qian.get('/api/console/queue?status=submitted');
    expect(queue.body.items.find((i: { id: string }) => i.id === zhaos).claimedBy).toMatchObject({ name: 'ws.zhao' });

    // A supervisor reassigns it to 钱; now 钱 decides, and the decision gives it back to the queue.
    const qianId = (await ctx.server.db.selectFrom('staff').select('id').where('username', '=', 'ws.qian').executeTakeFirstOrThrow()).id;
    expect((await zhao.post(`/api/console/applications/${zhaos}/claim`, { staffId: qianId })).status).toBe(403);
    expect((await boss.post(`/api/console/applications/${zhaos}/claim`, { staffId: qianId })).body.claimedBy).toMatchObject({ id: qianId });
    const approved = await qian.post(`/api/console/applications/${zhaos}/actions/approve`, { version: await version(zhaos) });
    expect(approved.status).toBe(200);
    expect(approved.body.claimedBy).toBeNull();
    const audit = await ctx.server.db.selectFrom('audit_log').select('action').where('subject', '=', zhaos).where('action', 'like', 'application.%ssign%').execute();
    expect(audit.map((r) => r.action)).toEqual(['application.assign']);
    expect((await chicago.post(`/api/console/applications/${zhaos}/claim`)).status).toBe(404);
  });

  it('j / k walk the queue in its order; the end is null', async () => {
    const queue = (await boss.get('/api/console/queue?status=active&limit=100')).body.items.map((i: { id: string }) => i.id);
    expect(queue.length).toBeGreaterThanOrEqual(2);
    expect((await boss.get(`/api/console/queue/neighbour?id=${queue[0]}&direction=next`)).body.id).toBe(queue[1]);
    expect((await boss.get(`/api/console/queue/neighbour?id=${queue[1]}&direction=previous`)).body.id).toBe(queue[0]);
    expect((await boss.get(`/api/console/queue/neighbour?id=${queue[0]}&direction=previous`)).body.id).toBeNull();
    expect((await boss.get(`/api/console/queue/neighbour?id=nope&direction=next`)).status).toBe(400);
  });

  it("the applicant's earlier ID photo at this mission is offered for comparison", async () => {
    const first = await submittedOrder(ctx.server, files, 'o_ws_photo');
    expect((await boss.get(`/api/console/applications/${first.id}/earlier-photos`)).body.photos).toEqual([]);
    expect((await first.api.post(`/api/applications/${first.id}/withdraw`)).status).toBe(200);
    const second = await newDraft(first.api);
    await walkRenewal(first.api, second, files, { overrides: { paymentMethod: 'at_mission' } });
    expect((await first.api.post(`/api/applications/${second}/submit`)).status).toBe(200);
    const photos = (await boss.get(`/api/console/applications/${second}/earlier-photos`)).body.photos;
    expect(photos).toEqual([expect.objectContaining({ applicationId: first.id, orderNo: first.orderNo, url: `/api/console/applications/${first.id}/documents/id_photo` })]);
    expect((await chicago.get(`/api/console/applications/${second}/earlier-photos`)).status).toBe(404);
  });

  it('supplement checklists: defaults per document kind, a supervisor edits the mission’s own, reviewers cannot', async () => {
    const defaults = (await zhao.get('/api/console/supplement-reasons?service=passport')).body.items;
    expect(defaults.find((i: { item: string }) => i.item === 'id_photo')).toMatchObject({ label: '证件照', reasons: expect.arrayContaining(['照片背景不是白色或浅色']) });
    const cookieOf = async (username: string) =>
      (await ctx.server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password: `${username} password 123` } })).cookies.find((c) => c.name === 'cc_staff')!.value;
    const edit = async (username: string, reasons: unknown) =>
      ctx.server.app.inject({ method: 'PUT', url: '/api/console/supplement-reasons/id_photo', payload: { reasons }, cookies: { cc_staff: await cookieOf(username) } });
    expect((await edit('ws.zhao', ['x'])).statusCode).toBe(403);
    expect((await edit('ws.boss', ['  '])).statusCode).toBe(400);
    expect((await edit('ws.boss', Array.from({ length: 21 }, (_, i) => `理由${i}`))).statusCode).toBe(400);
    expect((await edit('ws.boss', ['耳朵未露出', '背景有阴影'])).statusCode).toBe(200);
    const mine = (await zhao.get('/api/console/supplement-reasons?service=passport')).body.items.find((i: { item: string }) => i.item === 'id_photo');
    expect(mine.reasons).toEqual(['耳朵未露出', '背景有阴影']);
    const theirs = (await chicago.get('/api/console/supplement-reasons?service=passport')).body.items.find((i: { item: string }) => i.item === 'id_photo');
    expect(theirs.reasons).toContain('照片背景不是白色或浅色');
  });

  it('the supervisor dashboard counts arrivals and decisions per day, the queue age, each reviewer, and SLA breaches', async () => {
    const old = await submittedOrder(ctx.server, files, 'o_ws_sla');
    await ctx.server.db.updateTable('applications').set({ queue_at: new Date(Date.now() - 20 * 86_400_000) }).where('id', '=', old.id).execute();
    expect((await zhao.get('/api/console/dashboard')).status).toBe(403);
    const board = (await boss.get('/api/console/dashboard?days=7')).body;
    expect(board.days).toHaveLength(7);
    const today = board.days[6];
    expect(today.arrivals).toBeGreaterThanOrEqual(4);
    expect(today.decisions).toBeGreaterThanOrEqual(1);
    expect(board.queue.oldestDays).toBeGreaterThanOrEqual(20);
    expect(board.reviewers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ws.qian', decisions: 1, approvals: 1 })]));
    expect(board.breaches).toEqual([expect.objectContaining({ id: old.id, orderNo: old.orderNo, statusLabel: '待审核', workingDays: expect.any(Number) })]);
    expect(board.breaches[0].workingDays).toBeGreaterThan(10);
  });

  it('the citizen sees their place in the queue and a date estimated from the median of 30 days (synthetic history)', async () => {
    const db = ctx.server.db;
    // A quiet mission and service of their own: emergency travel at Chicago has no history yet.
    const orders = [] as Array<{ id: string }>;
    for (let i = 0; i < 3; i += 1) orders.push(await submittedOrder(ctx.server, files, `o_ws_eta_${i}`, { missionId: 'us-chicago' }));
    const rows = await db.selectFrom('applications').selectAll().where('id', 'in', orders.map((o) => o.id)).orderBy('queue_at').execute();
    // Tuesday 2026-03-10 noon in Chicago; 30 days of history before it, 2 first-review decisions per working day.
    const now = new Date('2026-03-10T17:00:00Z');
    const staff = (await db.selectFrom('staff').select('id').where('username', '=', 'ws.chicago').executeTakeFirstOrThrow()).id;
    const history = [];
    for (let d = 1; d <= 30; d += 1) {
      const at = new Date(now.getTime() - d * 86_400_000);
      if (at.getUTCDay() === 0 || at.getUTCDay() === 6) continue;
      for (let k = 0; k < 2; k += 1) {
        history.push({ application_id: rows[0]!.id, at, actor_kind: 'staff' as const, actor_id: staff, action: 'approve', from_status: 'submitted', to_status: 'second_review' });
      }
    }
    await db.insertInto('application_history').values(history).execute();

    const [first, second, third] = await Promise.all(rows.map((row) => queueEstimate(db, row, now)));
    expect(first).toMatchObject({ position: 1, estimatedDate: '2026-03-11' });
    expect(second).toMatchObject({ position: 2, estimatedDate: '2026-03-11' });
    // Three ahead-or-equal at two a day: the second working day.
    expect(third).toMatchObject({ position: 3, estimatedDate: '2026-03-12' });
    expect(third!.text).toContain('约 3月12日');
    expect(third!.text).toContain('第 3 位');
    // On a Friday, the next working day is Monday.
    expect((await queueEstimate(db, rows[0]!, new Date('2026-03-13T17:00:00Z')))!.estimatedDate).toBe('2026-03-16');
    // Without recent decisions there is no date, only the place.
    expect(await queueEstimate(db, rows[0]!, new Date('2027-01-05T17:00:00Z'))).toMatchObject({ position: 1, estimatedDate: null, text: expect.stringContaining('暂无法估算') });

    // Over HTTP (today's clock): the timeline carries the place; the queue moves when the first is decided.
    const api = (await submittedOrder(ctx.server, files, 'o_ws_eta_http', { missionId: 'us-chicago' })).api;
    const mine = (await api.get('/api/applications')).body.applications[0].id;
    const before = (await api.get(`/api/applications/${mine}/timeline`)).body.queue;
    expect(before.position).toBe(4);
    const chicagoBoss = await signedInStaff(ctx.server, 'ws.chicago.boss', 'supervisor', 'us-chicago');
    const firstView = await chicagoBoss.get(`/api/console/applications/${rows[0]!.id}`);
    expect((await chicagoBoss.post(`/api/console/applications/${rows[0]!.id}/actions/require_interview`, { version: firstView.body.version })).status).toBe(200);
    // Still in review (待视频面审), so still ahead; a withdrawal takes one out.
    expect((await api.get(`/api/applications/${mine}/timeline`)).body.queue.position).toBe(4);
    const secondOrder = orders[1]!.id;
    const owner = rows.find((r) => r.id === secondOrder)!;
    await db.updateTable('applications').set({ status: 'withdrawn', active: false }).where('id', '=', owner.id).execute();
    expect((await api.get(`/api/applications/${mine}/timeline`)).body.queue.position).toBe(3);
  });
});
