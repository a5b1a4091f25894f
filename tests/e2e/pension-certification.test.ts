import { remindPensionDeadlines } from '../../server/pension/pension-reminders';
import { addMonths, daysUntil } from '../../server/pension/pension-dates';
import { databaseKinds } from '../helpers/fresh-database';
import { residentId, startApplicationsServer, verifiedCitizen, type Client } from '../server/applications/helpers';
import { createSlots, freeSlots, book, missionDate } from '../server/interviews/helpers';
import { signedInStaff, type StaffClient } from '../server/review/helpers';
import { passFace, pensionDraftAtFace, type PensionWho, putStep, submitCertification } from '../server/applications/pension-walk';

jest.setTimeout(120_000);

/**
 * 养老金资格认证 end to end over real HTTP: the citizen's steps through the step-form API,
 * the face check through the WeChat sandbox, the push to the pension-authority sandbox
 * through the job queue (signed, idempotent, retried), the result in 我的订单 / 消息中心 /
 * subscription messages, the countdown and the reminders before the next deadline.
 */
describe.each(databaseKinds)('pension certification (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let staff: StaffClient;
  beforeAll(async () => {
    // The test runs the job queue itself (runDue), step by step.
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    staff = await signedInStaff(ctx.server, `pension.reviewer.${database}`, 'reviewer');
  });
  afterAll(() => ctx.close());

  let person = 500;
  const today = () => new Date().toISOString().slice(0, 10);
  const runJobs = () => ctx.server.app.jobRunner.runDue();
  /** The queue's backoff, skipped: every waiting pension job is due now. */
  const makeJobsDue = () =>
    ctx.server.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('kind', 'in', ['pension.push', 'pension.poll']).where('status', '=', 'pending').execute();
  const sandbox = async (path: string, body?: unknown): Promise<any> => {
    const response = await fetch(ctx.server.sandboxUrl + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  const setAuthority = (mode: string, idNumber: string, extra: Record<string, unknown> = {}) => sandbox('/sandbox/pension/mode', { mode, idNumber, ...extra });
  const authorityRecords = async (idNumber: string) =>
    ((await sandbox('/sandbox/pension/certifications')).certifications as Array<{ idNumber: string; status: string; pushes: number; verification: string }>).filter(
      (c) => c.idNumber === idNumber,
    );

  async function citizen(openid: string) {
    const idNumber = residentId(++person);
    const api = await verifiedCitizen(ctx.server, openid, { name: '张秀英', idType: 'resident_id', idNumber });
    return { api, idNumber };
  }

  const put = putStep;

  /** The shared walk, checking the branch the declaration leads to on the way. */
  async function draftAtFace(api: Client, who: PensionWho, ssn: string): Promise<string> {
    const id = await pensionDraftAtFace(api, who, ssn);
    const detail = (await api.get(`/api/applications/${id}`)).body;
    expect(detail).toMatchObject({ serviceTitle: '养老金资格认证', currentStep: 'face', fees: [] });
    expect(detail.path).toEqual(who.relation === 'self' ? ['declaration', 'locality', 'account', 'face', 'review'] : ['declaration', 'pensioner', 'locality', 'account', 'face', 'review']);
    return id;
  }
  const submit = submitCertification;

  it('for oneself: face passed → pushed → accepted → 已完成 with the next deadline; 消息中心 and a subscription message', async () => {
    const { api, idNumber } = await citizen(`o_pension_self_${database}`);
    const templates = (await api.get('/api/subscriptions/templates')).body;
    // Two taps on 允许: two messages may be sent.
    for (let i = 0; i < 2; i++) await api.post('/api/subscriptions', { templateIds: [templates.orderStatus], accepted: [templates.orderStatus] });

    const id = await draftAtFace(api, { relation: 'self' }, idNumber);
    await passFace(api, id);
    const submitted = await submit(api, id);
    // No fee, no staff review: straight to the authority.
    expect(submitted).toMatchObject({ status: 'at_authority', statusLabel: '认证中', orderNo: expect.stringMatching(/^USNY-R-\d{6}-\d{4}$/), interviewRequired: false });
    expect(submitted.payment?.state ?? 'not_required').toBe('not_required');

    const waiting = await api.get(`/api/pension/certifications/${id}`);
    expect(waiting.body).toMatchObject({ status: 'at_authority', expectedResultBy: null, reason: null, paperForm: null });

    await runJobs();
    const records = await authorityRecords(idNumber);
    expect(records).toEqual([expect.objectContaining({ status: 'accepted', pushes: 1, verification: 'face' })]);

    const done = await api.get(`/api/applications/${id}`);
    expect(done.body).toMatchObject({ status: 'completed', statusLabel: '已完成' });
    const deadline = addMonths(today(), 12);
    const view = (await api.get(`/api/pension/certifications/${id}`)).body;
    expect(view).toMatchObject({ certifiedOn: today(), nextDeadline: deadline, agency: { code: '310000', name: expect.stringContaining('上海市社会保险事业管理中心') } });
    expect(view.expectedResultBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(daysUntil(view.expectedResultBy, new Date())).toBeGreaterThanOrEqual(12);

    const persons = (await api.get('/api/pension/persons')).body.persons;
    expect(persons).toEqual([
      expect.objectContaining({ name: '张秀英', idMasked: expect.stringMatching(/\*/), nextDeadline: deadline, daysLeft: daysUntil(deadline, new Date()), canRecertify: true }),
    ]);
    expect(persons[0].daysLeft).toBeGreaterThan(360);

    const messages = (await api.get('/api/messages')).body.messages as Array<{ title: string; body: string }>;
    expect(messages[0]).toMatchObject({ title: '人社部门认证通过：已完成' });
    expect(messages[0].body).toContain(`下次认证截止日：${deadline}`);
    const sent = (await sandbox(`/sandbox/subscribe-messages?touser=o_pension_self_${database}`)).messages as Array<{ data: Record<string, { value: string }> }>;
    expect(sent.map((m) => m.data.phrase3.value)).toEqual(['认证中', '已完成']);
  });

  it('for a parent; one tap re-certifies with last year’s answers (only the face check again); history per person; reminders at 30 and 7 days', async () => {
    const { api } = await citizen(`o_pension_family_${database}`);
    const parentId = residentId(++person);
    const id = await draftAtFace(api, { relation: 'parent', idNumber: parentId, name: '张德明' }, parentId);
    await passFace(api, id);
    expect((await submit(api, id)).status).toBe('at_authority');
    await runJobs();
    expect(await authorityRecords(parentId)).toEqual([expect.objectContaining({ status: 'accepted' })]);

    // Reminders with an injected clock: 30 days, then 7 days before the deadline, once each.
    const deadline = addMonths(today(), 12);
    const at = (daysBefore: number) => new Date(Date.parse(`${deadline}T12:00:00Z`) - daysBefore * 86_400_000);
    const templateId = ctx.server.config.wechat.templates.orderStatus;
    const certification = await ctx.server.db.selectFrom('pension_certifications').select('id').where('application_id', '=', id).executeTakeFirstOrThrow();
    // Other tests' certifications share the deadline: only this one's reminders count here.
    const sweep = async (now: Date) => (await remindPensionDeadlines(ctx.server.db, { templateId, now })).filter((r) => r.certificationId === certification.id).map((r) => r.days);
    expect(await sweep(at(40))).toEqual([]);
    expect(await sweep(at(30))).toEqual([30]);
    expect(await sweep(at(29))).toEqual([]);
    expect(await sweep(at(7))).toEqual([7]);
    expect(await sweep(at(6))).toEqual([]);
    const reminders = ((await api.get('/api/messages')).body.messages as Array<{ title: string; body: string }>).filter((m) => m.title === '养老金资格认证即将到期');
    expect(reminders.map((m) => m.body)).toEqual([expect.stringContaining('还有7天'), expect.stringContaining('还有30天')]);
    expect(reminders[0].body).toContain('张德明');

    // One tap: the same answers, straight to the face check.
    const again = await api.post(`/api/pension/certifications/${id}/recertify`);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'draft', currentStep: 'face', firstIncompleteStep: 'face' });
    expect(again.body.answers).toMatchObject({ applicantRelation: 'parent', pensionerIdNumber: parentId, payingAgency: '310000' });
    await passFace(api, again.body.id);
    expect((await submit(api, again.body.id)).status).toBe('at_authority');
    await runJobs();

    const persons = (await api.get('/api/pension/persons')).body.persons;
    expect(persons).toHaveLength(1);
    expect(persons[0].history.map((h: { applicationId: string; status: string }) => [h.applicationId, h.status])).toEqual([
      [again.body.id, 'completed'],
      [id, 'completed'],
    ]);
    // A newer certification exists: the old one's deadline reminds no more.
    expect(await sweep(at(1))).toEqual([]);
    // Re-certifying an order still at the authority is refused.
    const another = await draftAtFace(api, { relation: 'parent', idNumber: parentId, name: '张德明' }, parentId);
    expect((await api.post(`/api/pension/certifications/${another}/recertify`)).status).toBe(404);
  });

  it('face skipped → video interview (booked with staff) → staff confirm → pushed; staff may refuse instead', async () => {
    const { api, idNumber } = await citizen(`o_pension_interview_${database}`);
    const id = await draftAtFace(api, { relation: 'self' }, idNumber);
    expect((await api.post(`/api/applications/${id}/face/skip`)).status).toBe(200);
    await put(api, id, 'face', {});
    const submitted = await submit(api, id);
    expect(submitted).toMatchObject({ status: 'interview', statusLabel: '待视频面审', interviewReasons: ['face_skipped'] });
    await runJobs();
    expect(await authorityRecords(idNumber)).toEqual([]);

    // The existing interview booking: staff open a slot, the citizen books it.
    await createSlots(staff, { fromDate: missionDate(3) });
    const [slot] = await freeSlots(api, id);
    await book(api, id, slot.id);

    const pensionView = (await staff.get('/api/console/pension')).body;
    const pending = pensionView.interviews.find((row: { applicationId: string }) => row.applicationId === id);
    expect(pending).toMatchObject({ personName: '张秀英', reasons: ['未进行人脸核验'] });
    const detail = (await staff.get(`/api/console/applications/${id}`)).body;
    expect(detail.allowedActions.map((a: { action: string }) => a.action)).toEqual(['confirm_identity', 'refuse_identity']);
    const confirmed = await staff.post(`/api/console/applications/${id}/actions/confirm_identity`, { version: detail.version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('at_authority');
    await runJobs();
    expect(await authorityRecords(idNumber)).toEqual([expect.objectContaining({ status: 'accepted', verification: 'interview' })]);
    expect((await api.get(`/api/applications/${id}`)).body.status).toBe('completed');

    // Refused after the interview: the citizen reads why and where to go with the paper form.
    const other = await citizen(`o_pension_refused_${database}`);
    const refusedId = await draftAtFace(other.api, { relation: 'self' }, other.idNumber);
    await other.api.post(`/api/applications/${refusedId}/face/skip`);
    await put(other.api, refusedId, 'face', {});
    await submit(other.api, refusedId);
    const view = (await staff.get(`/api/console/applications/${refusedId}`)).body;
    expect((await staff.post(`/api/console/applications/${refusedId}/actions/refuse_identity`, { version: view.version })).status).toBe(400);
    const refused = await staff.post(`/api/console/applications/${refusedId}/actions/refuse_identity`, { version: view.version, note: '视频中无法确认为领取人本人' });
    expect(refused.body.status).toBe('rejected');
    const result = (await other.api.get(`/api/pension/certifications/${refusedId}`)).body;
    expect(result).toMatchObject({ statusLabel: '认证未通过', reason: '视频中无法确认为领取人本人', paperForm: { address: '美国纽约州纽约市第十二大道520号', hours: expect.stringContaining('周一至周五') } });
    expect(result.paperForm.text).toContain('《在境外居住人员领取养老金资格审核表》');
  });

  it('the authority rejects (with its reason, or not knowing the person): the citizen is told why and what to do', async () => {
    const { api, idNumber } = await citizen(`o_pension_reject_${database}`);
    await setAuthority('reject', idNumber, { reason: '领取人已在国内办理认证' });
    const id = await draftAtFace(api, { relation: 'self' }, idNumber);
    await passFace(api, id);
    await submit(api, id);
    await runJobs();
    const result = (await api.get(`/api/pension/certifications/${id}`)).body;
    expect(result).toMatchObject({ status: 'rejected', statusLabel: '认证未通过', reason: '人社部门认证未通过：领取人已在国内办理认证', paperForm: { missionName: expect.stringContaining('纽约') } });
    const message = ((await api.get('/api/messages')).body.messages as Array<{ title: string; body: string }>)[0];
    expect(message.title).toBe('人社部门认证未通过：认证未通过');
    expect(message.body).toContain('领取人已在国内办理认证');
    expect(message.body).toContain('《在境外居住人员领取养老金资格审核表》');

    const unknown = await citizen(`o_pension_unknown_${database}`);
    await setAuthority('not_found', unknown.idNumber);
    const unknownId = await draftAtFace(unknown.api, { relation: 'self' }, unknown.idNumber);
    await passFace(unknown.api, unknownId);
    await submit(unknown.api, unknownId);
    await runJobs();
    expect((await unknown.api.get(`/api/pension/certifications/${unknownId}`)).body.reason).toContain('未查到该领取人的基本养老金领取记录');
  });

  it('the authority down or timing out: kept queued (and said so), retried with backoff, exactly one accepted certification after it returns; late answers are polled for', async () => {
    const { api, idNumber } = await citizen(`o_pension_down_${database}`);
    await setAuthority('timeout', idNumber);
    const id = await draftAtFace(api, { relation: 'self' }, idNumber);
    await passFace(api, id);
    await submit(api, id);
    await runJobs();
    // The sandbox received it, but the answer came too late: we retry with the same key.
    expect(await authorityRecords(idNumber)).toEqual([expect.objectContaining({ status: 'processing', pushes: 1 })]);
    let view = (await api.get(`/api/pension/certifications/${id}`)).body;
    expect(view).toMatchObject({ status: 'at_authority', queuedNote: expect.stringContaining('已保存并排队') });

    await setAuthority('down', idNumber);
    await makeJobsDue();
    await runJobs();
    const waiting = (await staff.get('/api/console/pension')).body.pushes.find((row: { applicationId: string }) => row.applicationId === id);
    expect(waiting).toMatchObject({ state: 'retrying', attempts: 2, lastError: 'HTTP 503', canRetry: false });
    const job = await ctx.server.db.selectFrom('jobs').select(['status', 'run_at']).where('kind', '=', 'pension.push').where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now() + 60_000);

    await setAuthority('late', idNumber, { pendingPolls: 2 });
    await makeJobsDue();
    await runJobs();
    expect(await authorityRecords(idNumber)).toEqual([expect.objectContaining({ status: 'accepted', pushes: 2 })]);
    view = (await api.get(`/api/pension/certifications/${id}`)).body;
    expect(view).toMatchObject({ status: 'completed', queuedNote: null, nextDeadline: addMonths(today(), 12) });
    const trail = (await staff.get(`/api/console/pension/${id}/audit`)).body;
    const actions = trail.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['application.submit', 'pension.push_failed', 'pension.pushed', 'pension.polled', 'application.authority_accepted']));
    const failures = trail.entries.filter((e: { action: string }) => e.action === 'pension.push_failed').map((e: { detail: { error: string } }) => e.detail.error);
    expect(failures).toEqual([expect.stringContaining('no answer within'), 'HTTP 503']);
  });

  it('a push the queue gave up on is failed for staff; retry pushes it again with the same key', async () => {
    const { api, idNumber } = await citizen(`o_pension_retry_${database}`);
    await setAuthority('down', idNumber);
    const id = await draftAtFace(api, { relation: 'self' }, idNumber);
    await passFace(api, id);
    await submit(api, id);
    await ctx.server.db.updateTable('jobs').set({ max_attempts: 1 }).where('kind', '=', 'pension.push').where('status', '=', 'pending').execute();
    await runJobs();
    const failed = (await staff.get('/api/console/pension')).body.pushes.find((row: { applicationId: string }) => row.applicationId === id);
    expect(failed).toMatchObject({ state: 'failed', stateLabel: '推送失败，已停止重试', canRetry: true });
    await setAuthority('accept', idNumber);
    const retried = await staff.post(`/api/console/pension/${id}/retry`);
    expect(retried.body).toMatchObject({ state: 'waiting', canRetry: false });
    expect((await staff.post(`/api/console/pension/${id}/retry`)).status).toBe(409);
    await runJobs();
    expect(await authorityRecords(idNumber)).toEqual([expect.objectContaining({ status: 'accepted', pushes: 1 })]);
    const other = await signedInStaff(ctx.server, `pension.chicago.${database}`, 'reviewer', 'us-chicago');
    expect((await other.post(`/api/console/pension/${id}/retry`)).status).toBe(404);
    expect((await other.get(`/api/console/pension/${id}/audit`)).status).toBe(404);
  });

  it('bad input: unknown locality, malformed social security number, someone another account certified, face limit, double submit', async () => {
    const { api } = await citizen(`o_pension_bad_${database}`);
    const created = await api.post('/api/applications', { service: 'pension', missionId: 'us-new-york' });
    const id = created.body.id as string;
    await put(api, id, 'declaration', { declarationRead: true, applicantRelation: 'self' });
    const unknownAgency = await api.put(`/api/applications/${id}/steps/locality`, { answers: { payingProvince: '31', payingAgency: '999999' } });
    expect(unknownAgency.status).toBe(400);
    expect(unknownAgency.body.error.fields).toEqual({ payingAgency: '请从选项中选择' });
    const wrongProvince = await api.put(`/api/applications/${id}/steps/locality`, { answers: { payingProvince: '11', payingAgency: '310000' } });
    expect(wrongProvince.body.error.fields).toEqual({ payingAgency: '请从选项中选择' });
    await put(api, id, 'locality', { payingProvince: '31', payingAgency: '310000' });
    for (const bad of ['12345', '11010519491231002Y', '110105194913310021']) {
      const response = await api.put(`/api/applications/${id}/steps/account`, { answers: { socialSecurityNumber: bad, pensionAccountName: '张秀英' } });
      expect(response.status).toBe(400);
      expect(response.body.error.fields.socialSecurityNumber).toBe('社会保障号码有误：应为18位，与领取人的居民身份证号码相同');
    }
    // Nothing was lost: the earlier steps are still there.
    expect((await api.get(`/api/applications/${id}`)).body.answers).toMatchObject({ payingAgency: '310000', applicantRelation: 'self' });

    // Someone else's parent, already certified this year from another account: refused, without saying by whom.
    const first = await citizen(`o_pension_first_${database}`);
    const parentId = residentId(++person);
    const firstId = await draftAtFace(first.api, { relation: 'parent', idNumber: parentId, name: '王桂兰' }, parentId);
    await passFace(first.api, firstId);
    const firstOrder = await submit(first.api, firstId);
    await runJobs();
    const second = await citizen(`o_pension_second_${database}`);
    const secondId = await draftAtFace(second.api, { relation: 'parent', idNumber: parentId, name: '王桂兰' }, parentId);
    await passFace(second.api, secondId);
    const refused = await second.api.post(`/api/applications/${secondId}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ALREADY_DONE_ELSEWHERE');
    expect(refused.body.error.message).toMatch(/其他账户/);
    expect(JSON.stringify(refused.body)).not.toContain(firstOrder.orderNo);
    expect(JSON.stringify(refused.body)).not.toContain('o_pension_first');
    expect((await second.api.get(`/api/applications/${secondId}`)).body.status).toBe('draft');

    // Face checks: ten failures today, shared with every service; the eleventh is refused.
    const tired = await citizen(`o_pension_face_${database}`);
    const tiredId = await draftAtFace(tired.api, { relation: 'self' }, tired.idNumber);
    await sandbox('/sandbox/face-outcomes', { verifyRets: Array(10).fill(10004) });
    for (let i = 0; i < 10; i++) {
      const started = await tired.api.post(`/api/applications/${tiredId}/face/start`);
      expect(started.status).toBe(200);
      expect((await tired.api.post(`/api/applications/${tiredId}/face/result`, { verifyId: started.body.verifyId })).body.face.status).toBe('failed');
    }
    const eleventh = await tired.api.post(`/api/applications/${tiredId}/face/start`);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    // The way on: a video interview.
    await put(tired.api, tiredId, 'face', {});
    expect((await submit(tired.api, tiredId)).status).toBe('interview');

    // Double submit, at once: one order, one certification at the authority.
    const twice = await citizen(`o_pension_twice_${database}`);
    const twiceId = await draftAtFace(twice.api, { relation: 'self' }, twice.idNumber);
    await passFace(twice.api, twiceId);
    const [a, b] = await Promise.all([twice.api.post(`/api/applications/${twiceId}/submit`), twice.api.post(`/api/applications/${twiceId}/submit`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.orderNo).toBe(b.body.orderNo);
    await runJobs();
    await runJobs();
    expect(await authorityRecords(twice.idNumber)).toEqual([expect.objectContaining({ status: 'accepted', pushes: 1 })]);
    const rows = await ctx.server.db.selectFrom('pension_certifications').select('id').where('application_id', '=', twiceId).execute();
    expect(rows).toHaveLength(1);
  });
});
