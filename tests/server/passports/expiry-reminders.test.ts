import { sql } from 'kysely';
import { maskIdNumber } from '../../../miniprogram/domain/identity';
import { PASSPORT_EXPIRY_MESSAGE_JOB, PASSPORT_REMINDER_SWEEP_JOB, remindExpiringPassports, sweepPassports } from '../../../server/passports/expiry-reminders';
import { estimatedExpiry } from '../../../server/passports/held-passports';
import { COPIED_FIELDS } from '../../../server/passports/renewal';
import { createPiiCipher } from '../../../server/security/pii-cipher';
import { JobRunner } from '../../../server/jobs/job-queue';
import { databaseKinds } from '../../helpers/fresh-database';
import { childFirstIssueAnswers, renewalAnswers } from '../applications/fixtures';
import { type Client, residentId, startApplicationsServer, verifiedCitizen } from '../applications/helpers';

jest.setTimeout(120_000);

type Passport = { id: string; holderName: string | null; numberMasked: string | null; issueDate: string; expiryDate: string; datesEstimated: boolean; source: string; advice: string; renewalApplicationId: string | null };
type Message = { id: string; title: string; body: string; passportId: string | null; applicationId: string | null };

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe('estimatedExpiry: a passport from an order is valid 10 years, 5 when issued under 16, to the day before', () => {
  it.each([
    ['2016-03-10', '1985-03-02', '2026-03-09'],
    ['2020-01-20', '2019-01-20', '2025-01-19'],
    ['2024-02-29', '1990-01-01', '2034-02-28'],
    // 16th birthday the day after issue: still a child's passport.
    ['2021-05-01', '2005-05-02', '2026-04-30'],
    ['2021-05-02', '2005-05-02', '2031-05-01'],
  ])('issued %s, born %s → valid to %s', (issue, birth, expiry) => {
    expect(estimatedExpiry(issue, birth)).toBe(expiry);
  });
});

describe.each(databaseKinds)('passport expiry reminders and the ready renewal (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let person = 700;
  let orderSeq = 0;
  beforeAll(async () => {
    // The runner is driven by the tests; the recurring sweep is off (the tests pass the day).
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0', PASSPORT_REMINDER_SWEEP_MINUTES: '0' });
  });
  afterAll(() => ctx.close());

  const db = () => ctx.server.db;
  const templateId = () => ctx.server.config.wechat.templates.documentExpiry;
  const pii = () => createPiiCipher(ctx.server.piiKey);
  const citizen = async (openid: string) => {
    const api = await verifiedCitizen(ctx.server, openid, { name: '李明', idType: 'resident_id', idNumber: residentId(++person) });
    const me = await api.get('/api/me');
    await api.put('/api/me/mission', { missionId: 'us-new-york' });
    return { api, userId: me.body.id as string, openid };
  };
  const passportsOf = async (api: Client) => {
    const response = await api.get('/api/me/passports');
    expect(response.status).toBe(200);
    return response.body.passports as Passport[];
  };
  const messagesOf = async (api: Client) => (await api.get('/api/messages?limit=50')).body.messages as Message[];
  const subscribeMessages = async (openid: string) => {
    const response = await fetch(`${ctx.server.sandboxUrl}/sandbox/subscribe-messages?touser=${openid}`);
    return ((await response.json()) as { messages: Array<{ template_id: string; page: string; data: Record<string, { value: string }> }> }).messages;
  };
  const grantQuota = async (api: Client) => {
    const templates = (await api.get('/api/subscriptions/templates')).body;
    expect(templates.documentExpiry).toBe(templateId());
    expect((await api.post('/api/subscriptions', { templateIds: [templateId()], accepted: [templateId()] })).status).toBe(200);
  };

  /**
   * A passport order that went all the way (待领取 on `issuedOn`, then 已完成), with the
   * answers a citizen gave: what the product learns a passport's expiry from.
   */
  async function completedOrder(userId: string, answers: Record<string, string | boolean>, issuedOn: string, applicantName: string | null = null) {
    const row = await db()
      .insertInto('applications')
      .values({
        user_id: userId,
        mission_id: 'us-new-york',
        service: 'passport',
        status: 'completed',
        answers_enc: pii().encrypt(JSON.stringify(answers)),
        current_step: 'review',
        order_no: `PTEST${database}${++orderSeq}`,
        fee_codes: answers.case === 'travel_document' ? ['travel_document'] : ['passport'],
        applicant_name: applicantName ?? `${answers.surnameZh}${answers.givenNameZh}`,
        active: false,
        updated_at: at(issuedOn),
        submitted_at: at(issuedOn),
        status_changed_at: at(issuedOn),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('application_history')
      .values({ application_id: row.id, at: at(issuedOn), actor_kind: 'staff', action: 'ready_for_pickup', from_status: 'in_production', to_status: 'ready_for_pickup', data: '{}' } as never)
      .execute();
    return row.id;
  }

  it('我的证件 shows the passports completed orders produced (the citizen’s and a child’s), with estimated dates; a travel document is not a passport; the printed passport added replaces its estimate; removing hides one for good', async () => {
    const { api, userId } = await citizen('o_pp_list');
    const own = await completedOrder(userId, renewalAnswers(), '2020-04-01');
    await completedOrder(userId, childFirstIssueAnswers(), '2022-07-15', '李小宝');
    await completedOrder(userId, { ...renewalAnswers(), case: 'travel_document' }, '2023-01-01');

    const list = await passportsOf(api);
    expect(list).toEqual([
      expect.objectContaining({ holderName: '李小宝', issueDate: '2022-07-15', expiryDate: '2027-07-14', datesEstimated: true, source: 'application', numberMasked: null }),
      expect.objectContaining({ holderName: null, issueDate: '2020-04-01', expiryDate: '2030-03-31', datesEstimated: true, source: 'application' }),
    ]);
    // Listing again (or a sweep) records nothing twice.
    expect(await passportsOf(api)).toHaveLength(2);
    expect(await sweepPassports({ db: db(), pii: pii(), templateId: templateId() }, at('2020-05-01'))).toMatchObject({ recorded: 0 });
    expect(await db().selectFrom('held_passports').select('id').where('application_id', '=', own).execute()).toHaveLength(1);

    // The citizen adds that passport with its printed dates: it replaces the estimate (same
    // passport, expiry within 120 days); the child's stays.
    const printed = await api.post('/api/me/passports', { number: 'E13572468', issueDate: '2020-03-20', expiryDate: '2030-03-19' });
    expect(printed.status).toBe(201);
    expect(printed.body.passports).toEqual([
      expect.objectContaining({ holderName: '李小宝', datesEstimated: true }),
      expect.objectContaining({ holderName: null, expiryDate: '2030-03-19', datesEstimated: false, source: 'added' }),
    ]);
    const addedId = printed.body.passports[1].id as string;
    expect((await api.post(`/api/me/passports/${addedId}/remove`, {})).status).toBe(200);

    const removed = await api.post(`/api/me/passports/${list[0].id}/remove`, {});
    expect(removed.status).toBe(200);
    expect(removed.body.passports).toEqual([]);
    expect(await passportsOf(api)).toEqual([]);
    expect((await api.post(`/api/me/passports/${list[0].id}/remove`, {})).status).toBe(404);
  });

  it('adding a passport: bad number, impossible or future dates, expiry before issue, more than 10 years → 400 naming each field in Chinese, nothing stored; a good one is stored sealed and shown masked', async () => {
    const { api, userId } = await citizen('o_pp_add');
    const bad: Array<[Record<string, string>, Record<string, string>]> = [
      [{ number: 'X1234', issueDate: '2020-01-10', expiryDate: '2030-01-09' }, { number: '护照号码格式不正确（应为G或E开头，共9位，如E12345678）' }],
      [{ number: 'E12345678', issueDate: '2020-02-30', expiryDate: '2030-01-09' }, { issueDate: '请填写护照的签发日期（年-月-日）' }],
      [{ number: 'E12345678', issueDate: '2020-01-10', expiryDate: '2030/01/09' }, { expiryDate: '请填写护照的有效期至（年-月-日）' }],
      [{ number: 'E12345678', issueDate: '2020-01-10', expiryDate: '2019-12-31' }, { expiryDate: '有效期至应晚于签发日期，请核对护照资料页' }],
      [{ number: 'E12345678', issueDate: '2099-01-10', expiryDate: '2109-01-09' }, { issueDate: '签发日期不能晚于今天' }],
      [{ number: 'E12345678', issueDate: '2010-01-10', expiryDate: '2030-01-09' }, { expiryDate: '中国护照有效期最长为10年，请核对签发日期和有效期至' }],
      [{ number: '', issueDate: '', expiryDate: '' }, { number: '请填写证件号码', issueDate: '请填写护照的签发日期（年-月-日）', expiryDate: '请填写护照的有效期至（年-月-日）' }],
    ];
    for (const [body, fields] of bad) {
      const response = await api.post('/api/me/passports', body);
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fa5]/), fields });
    }
    expect((await api.post('/api/me/passports', { number: 'E12345678' })).status).toBe(400);
    expect(await db().selectFrom('held_passports').select('id').where('user_id', '=', userId).execute()).toEqual([]);

    // Full-width input from a Chinese IME is accepted as its half-width form.
    const added = await api.post('/api/me/passports', { number: 'ｅ９８７６５４３２', issueDate: '2019-06-01', expiryDate: '2029-05-31' });
    expect(added.status).toBe(201);
    expect(added.body.passports).toEqual([
      expect.objectContaining({ holderName: null, numberMasked: maskIdNumber('E98765432'), issueDate: '2019-06-01', expiryDate: '2029-05-31', datesEstimated: false, source: 'added' }),
    ]);
    expect(added.body.passports[0].numberMasked).not.toContain('98765432');
    const stored = await db().selectFrom('held_passports').select(['number_enc', 'number_masked']).where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(stored.number_enc).not.toContain('98765432');
    expect(pii().decrypt(stored.number_enc!)).toBe('E98765432');
  });

  it('reminds at 12, 9 and 6 months before expiry, once each: 消息中心 (opens the renewal) and, with quota, 证件到期提醒 — for the citizen and the family members they applied for', async () => {
    const { api, userId, openid } = await citizen('o_pp_remind');
    await completedOrder(userId, renewalAnswers(), '2017-06-11'); // valid to 2027-06-10
    await completedOrder(userId, childFirstIssueAnswers(), '2022-06-11', '李小宝'); // to 2027-06-10
    const ours = new Set((await passportsOf(api)).map((p) => p.id));
    // The sweep reaches every account; this test looks at its own passports.
    const sweep = async (day: string) => (await remindExpiringPassports(db(), { templateId: templateId(), now: at(day) })).filter((r) => ours.has(r.passportId));
    const mine = async () => (await messagesOf(api)).filter((m) => m.title === '护照即将到期');

    expect(await sweep('2026-06-09')).toEqual([]); // 12 months and a day
    await grantQuota(api);
    expect((await sweep('2026-06-10')).map((r) => r.months)).toEqual([12, 12]);
    expect(await sweep('2026-06-10')).toEqual([]);
    expect(await sweep('2026-08-01')).toEqual([]);
    let messages = await mine();
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.body).sort()).toEqual([
      '您的护照将于2027年6月10日到期（约剩12个月）。点此查看已为您预填的换发申请，核对后补充新的材料（如证件照、签名）即可提交。',
      '李小宝的护照将于2027年6月10日到期（约剩12个月）。点此查看已为您预填的换发申请，核对后补充新的材料（如证件照、签名）即可提交。',
    ]);
    expect(messages.every((m) => m.passportId && m.applicationId === null)).toBe(true);

    // The 证件到期提醒 job: one quota unit, so one of the two is sent; the other says no quota.
    await ctx.server.app.jobRunner.runDue();
    const sent = await subscribeMessages(openid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: templateId(), page: expect.stringMatching(/^packages\/documents\/index\?renew=[0-9a-f-]{36}$/), data: { date2: { value: '2027年6月10日' }, thing3: { value: '约剩12个月到期，可在线换发' } } });
    expect(['护照', '护照（李小宝）']).toContain(sent[0].data.thing1.value);
    const jobs = await db().selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', PASSPORT_EXPIRY_MESSAGE_JOB).execute();
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.last_error)).toEqual(expect.arrayContaining([null, 'no quota']));

    expect((await sweep('2026-09-10')).map((r) => r.months)).toEqual([9, 9]);
    expect(await sweep('2026-11-30')).toEqual([]);
    expect((await sweep('2026-12-10')).map((r) => r.months)).toEqual([6, 6]);
    expect(await sweep('2027-05-01')).toEqual([]);
    expect(await sweep('2027-06-11')).toEqual([]); // expired: nothing more
    messages = await mine();
    expect(messages).toHaveLength(6);
    expect(messages.filter((m) => m.body.includes('约剩6个月'))).toHaveLength(2);
  });

  it('a passport first seen late gets only the most urgent reminder due; a mission’s own months apply; a removed passport is not reminded', async () => {
    const { api } = await citizen('o_pp_late');
    const late = (await api.post('/api/me/passports', { number: 'E11112222', issueDate: '2016-12-01', expiryDate: '2026-11-30' })).body.passports[0] as Passport;
    const sweep = (day: string) => remindExpiringPassports(db(), { templateId: templateId(), now: at(day) });
    const forLate = async (day: string) => (await sweep(day)).filter((r) => r.passportId === late.id).map((r) => r.months);
    expect(await forLate('2026-04-15')).toEqual([9]); // 7½ months left: 9, not 12 and 9
    expect(await forLate('2026-04-16')).toEqual([]);
    expect(await forLate('2026-06-01')).toEqual([6]);

    // A mission that reminds at 3 months only.
    const other = await citizen('o_pp_mission');
    await sql`update missions set passport_reminder_months = '{3}' where id = 'us-chicago'`.execute(db());
    await other.api.put('/api/me/mission', { missionId: 'us-chicago' });
    expect((await other.api.post('/api/me/passports', { number: 'E33334444', issueDate: '2017-01-01', expiryDate: '2026-12-31' })).status).toBe(201);
    const theirs = (await passportsOf(other.api))[0];
    const forOther = async (day: string) => (await sweep(day)).filter((r) => r.passportId === theirs.id).map((r) => r.months);
    expect(await forOther('2026-06-01')).toEqual([]);
    expect(await forOther('2026-10-01')).toEqual([3]);
    expect(await forOther('2026-10-02')).toEqual([]);
    await sql`update missions set passport_reminder_months = default where id = 'us-chicago'`.execute(db());

    const removedOne = await api.post('/api/me/passports', { number: 'E55556666', issueDate: '2017-03-01', expiryDate: '2027-02-28' });
    const removedId = (removedOne.body.passports as Passport[]).find((p) => p.expiryDate === '2027-02-28')!.id;
    expect((await api.post(`/api/me/passports/${removedId}/remove`, {})).status).toBe(200);
    expect((await sweep('2026-03-01')).filter((r) => r.passportId === removedId)).toEqual([]);
    expect(await db().selectFrom('passport_expiry_reminders').select('months').where('passport_id', '=', removedId).execute()).toEqual([]);
  });

  it('is race-safe: sweeps running at once (and the recurring job offered by two runners) send each reminder exactly once', async () => {
    const people = await Promise.all(['o_pp_race1', 'o_pp_race2', 'o_pp_race3'].map(citizen));
    const ids: string[] = [];
    for (const [i, p] of people.entries()) {
      const response = await p.api.post('/api/me/passports', { number: `E7777000${i}`, issueDate: '2018-03-01', expiryDate: '2028-02-29' });
      ids.push(...(response.body.passports as Passport[]).map((x) => x.id));
    }
    const runs = await Promise.all(Array.from({ length: 6 }, () => remindExpiringPassports(db(), { templateId: templateId(), now: at('2027-03-15') })));
    const ours = runs.flat().filter((r) => ids.includes(r.passportId));
    expect(ours.map((r) => r.passportId).sort()).toEqual([...ids].sort());
    expect(ours.every((r) => r.months === 12)).toBe(true);
    for (const p of people) expect((await messagesOf(p.api)).filter((m) => m.title === '护照即将到期')).toHaveLength(1);

    // The recurring sweep: however many instances offer the slot, one job row.
    const runners = [0, 1].map(() => new JobRunner(db(), {}, { pollMs: 0, recurring: [{ kind: PASSPORT_REMINDER_SWEEP_JOB, everyMs: 3_600_000 }] }));
    const now = new Date();
    await Promise.all(runners.map((r) => r.scheduleRecurring(now)));
    expect(await db().selectFrom('jobs').select('id').where('kind', '=', PASSPORT_REMINDER_SWEEP_JOB).execute()).toHaveLength(1);
    await ctx.server.app.jobRunner.runDue();
    expect(await db().selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', PASSPORT_REMINDER_SWEEP_JOB).executeTakeFirstOrThrow()).toMatchObject({ status: 'done' });
  });

  it('the reminder opens a renewal filled in from the last application, at the step where something must be new; never the photo, signature or documents; nothing submitted', async () => {
    const { api, userId } = await citizen('o_pp_renew');
    const sourceAnswers = { ...renewalAnswers(), collection: 'mail', mailRecipient: '李明', mailPhone: '+12125550100', mailAddress: '100 Main St', paymentMethod: 'at_mission' };
    const source = await completedOrder(userId, sourceAnswers, '2016-09-01');
    // The old order's photo, signature and data page (rows as uploads leave them).
    for (const [docId, kind] of [['id_photo', 'id_photo'], ['declaration_signature', 'signature'], ['passport_data_page', 'image']] as const) {
      await db().insertInto('application_files').values({ application_id: source, owner_user_id: userId, doc_id: docId, kind, storage_key: `old/${docId}`, sha256: 'x', bytes: 1, mime: 'image/jpeg', check_ok: true, created_at: new Date() }).execute();
    }
    const [passport] = await passportsOf(api);
    expect(passport).toMatchObject({ expiryDate: '2026-08-31', renewalApplicationId: null });

    const opened = await api.post(`/api/me/passports/${passport.id}/renewal`, {});
    expect(opened.status).toBe(200);
    expect(opened.body.step).toBe('current-passport'); // the new passport's number is not known from the order
    const draft = (await api.get(`/api/applications/${opened.body.applicationId}`)).body;
    expect(draft).toMatchObject({ status: 'draft', service: 'passport', orderNo: null, currentStep: 'current-passport', firstIncompleteStep: 'current-passport', documents: [] });
    const copied = Object.fromEntries(COPIED_FIELDS.filter((f) => f in sourceAnswers).map((f) => [f, (sourceAnswers as Record<string, unknown>)[f]]));
    expect(draft.answers).toEqual({ ...copied, case: 'renewal', renewalReason: expect.stringMatching(/^(expired|expiring)$/) });
    for (const never of ['declarationAgreed', 'currentPassportNumber', 'currentPassportExpiry', 'materialsSubmission', 'collection', 'mailAddress', 'paymentMethod']) {
      expect(draft.answers).not.toHaveProperty(never);
    }
    expect(opened.body.copied.sort()).toEqual(Object.keys(copied).sort());
    // Tapping the reminder again resumes the same draft; 我的证件 offers to continue it.
    expect((await api.post(`/api/me/passports/${passport.id}/renewal`, {})).body.applicationId).toBe(opened.body.applicationId);
    expect((await passportsOf(api))[0].renewalApplicationId).toBe(opened.body.applicationId);

    // An added passport: its number and expiry fill the current-passport step; the next new thing is the signature.
    const added = await api.post('/api/me/passports', { number: 'E24681357', issueDate: '2017-02-01', expiryDate: '2027-01-31' });
    const addedId = (added.body.passports as Passport[]).find((p) => p.source === 'added')!.id;
    const renewal = await api.post(`/api/me/passports/${addedId}/renewal`, {});
    expect(renewal.body.step).toBe('declaration');
    const second = (await api.get(`/api/applications/${renewal.body.applicationId}`)).body;
    expect(second.answers).toMatchObject({ case: 'renewal', renewalReason: 'expiring', currentPassportNumber: 'E24681357', currentPassportExpiry: '2027-01-31', surnameZh: '李', addressAbroad: renewalAnswers().addressAbroad });
    expect(second.documents).toEqual([]);
    expect(await db().selectFrom('application_files').select('id').where('application_id', 'in', [opened.body.applicationId, renewal.body.applicationId]).execute()).toEqual([]);
    const statuses = await db().selectFrom('applications').select('status').where('id', 'in', [opened.body.applicationId, renewal.body.applicationId]).execute();
    expect(statuses.map((s) => s.status)).toEqual(['draft', 'draft']);

    // Someone else's passport is a 404, like a missing one.
    const stranger = await citizen('o_pp_stranger');
    expect((await stranger.api.post(`/api/me/passports/${addedId}/renewal`, {})).status).toBe(404);
    expect((await stranger.api.post(`/api/me/passports/${addedId}/remove`, {})).status).toBe(404);
    expect((await stranger.api.post('/api/me/passports/not-a-uuid/renewal', {})).status).toBe(404);
  });
});
