import { remindExpiringPassports } from '../../../server/passports/expiry-reminders';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from '../review/helpers';

jest.setTimeout(180_000);

const at = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The passport a mission issued for an order, recorded by staff at the issue step (待领取 /
 * 已寄出): validated like a passport the citizen adds, scoped to the staff member's mission,
 * shown in 我的证件 with its real number (masked) and dates, reminded from its real expiry.
 */
describe.each(sqlOnlyKinds)('the issued passport recorded at the issue step (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffClient;
  let supervisor: StaffClient;
  let chicago: StaffClient;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0', PASSPORT_REMINDER_SWEEP_MINUTES: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await signedInStaff(ctx.server, 'ny.ip.reviewer', 'reviewer');
    supervisor = await signedInStaff(ctx.server, 'ny.ip.supervisor', 'supervisor');
    chicago = await signedInStaff(ctx.server, 'chi.ip.supervisor', 'supervisor', 'us-chicago');
  });
  afterAll(() => ctx.close());

  const db = () => ctx.server.db;
  const url = (id: string) => `/api/console/applications/${id}/issued-passport`;
  const stored = async (id: string) => db().selectFrom('issued_passports').selectAll().where('application_id', '=', id).execute();

  const act = async (staff: StaffClient, id: string, action: string, version: number, extra: object = {}) => {
    const reply = await staff.post(`/api/console/applications/${id}/actions/${action}`, { version, ...extra });
    expect([action, reply.status, reply.body.error]).toEqual([action, 200, undefined]);
    return reply.body.version as number;
  };

  /** A renewal order walked, submitted, approved twice and put into production (制证中). */
  async function orderInProduction(openid: string) {
    const order = await submittedOrder(ctx.server, files, openid);
    let version = (await reviewer.get(`/api/console/applications/${order.id}`)).body.version as number;
    version = await act(reviewer, order.id, 'approve', version);
    version = await act(supervisor, order.id, 'approve', version);
    return { ...order, version: await act(reviewer, order.id, 'start_production', version) };
  }
  it('recorded at 待领取: bad number or dates → 400 in Chinese and nothing stored; another mission → 404; sealed, masked, audited; a correction after issue is a supervisor’s; 我的证件 and the reminders use it', async () => {
    const order = await orderInProduction('o_ip_record');
    const before = await reviewer.get(url(order.id));
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ required: true, recorded: null });

    const bad: Array<[Record<string, string>, Record<string, string>]> = [
      [{ number: 'X1234', issueDate: '2026-11-20', expiryDate: '2036-11-19' }, { number: '护照号码格式不正确（应为G或E开头，共9位，如E12345678）' }],
      [{ number: 'E24681357', issueDate: '2026-02-30', expiryDate: '2036-11-19' }, { issueDate: '请填写护照的签发日期（年-月-日）' }],
      [{ number: 'E24681357', issueDate: '2099-01-10', expiryDate: '2109-01-09' }, { issueDate: '签发日期不能晚于今天' }],
      [{ number: 'E24681357', issueDate: '2026-11-20', expiryDate: '2026-11-01' }, { expiryDate: '有效期至应晚于签发日期，请核对护照资料页' }],
      [{ number: 'E24681357', issueDate: '2016-11-20', expiryDate: '2036-11-19' }, { expiryDate: '中国护照有效期最长为10年，请核对签发日期和有效期至' }],
    ];
    for (const [body, fields] of bad) {
      const reply = await reviewer.put(url(order.id), body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields } });
    }
    expect(await stored(order.id)).toEqual([]);

    // Another mission's order looks like a missing one, valid body or not; nothing stored.
    const good = { number: 'e24681357', issueDate: '2026-11-20', expiryDate: '2036-11-19' };
    expect((await chicago.put(url(order.id), good)).status).toBe(404);
    expect((await chicago.get(url(order.id))).status).toBe(404);
    expect((await chicago.put(url(order.id), bad[0][0])).status).toBe(404);
    expect(await stored(order.id)).toEqual([]);

    const recorded = await reviewer.put(url(order.id), good);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ required: true, recorded: { numberMasked: 'E246*1357', issueDate: '2026-11-20', expiryDate: '2036-11-19' } });
    const [row] = await stored(order.id);
    expect(row.number_enc).not.toContain('E24681357');
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'application.issued_passport').where('subject', '=', order.id).execute();
    expect(audit).toHaveLength(1);

    let version = await act(reviewer, order.id, 'ready_for_pickup', order.version);
    // Past the issue step, changing the record is a supervisor's.
    const refused = await reviewer.put(url(order.id), { ...good, number: 'E24681358' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('签发的护照资料已登记，如需更正请由审核主管操作');
    expect((await stored(order.id))[0].number_masked).toBe('E246*1357');
    const corrected = await supervisor.put(url(order.id), { ...good, number: 'E24681358', expiryDate: '2036-11-18' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.recorded).toEqual({ numberMasked: 'E246*1358', issueDate: '2026-11-20', expiryDate: '2036-11-18' });
    version = await act(reviewer, order.id, 'complete', version);

    const list = await order.api.get('/api/me/passports');
    expect(list.body.passports).toEqual([
      expect.objectContaining({ holderName: null, numberMasked: 'E246*1358', issueDate: '2026-11-20', expiryDate: '2036-11-18', datesEstimated: false, source: 'application' }),
    ]);
    const passportId = list.body.passports[0].id as string;
    // The citizen adding the same passport in 我的证件 does not list it twice.
    expect((await order.api.post('/api/me/passports', { number: 'E24681358', issueDate: '2026-11-20', expiryDate: '2036-11-18' })).body.passports).toHaveLength(1);

    // Reminders count from the printed expiry: 12 months before 2036-11-18, not before an estimate.
    const sweep = async (day: string) =>
      (await remindExpiringPassports(db(), { templateId: ctx.server.config.wechat.templates.documentExpiry, now: at(day) })).filter((r) => r.passportId === passportId);
    expect(await sweep('2035-11-17')).toEqual([]);
    expect(await sweep('2035-11-18')).toEqual([{ passportId, months: 12 }]);
    const messages = (await order.api.get('/api/messages?limit=50')).body.messages as Array<{ title: string; body: string; passportId: string | null }>;
    expect(messages.find((m) => m.passportId === passportId)?.body).toContain('2036年11月18日');
  });

  it('an order issued by an older console (no passport recorded) keeps its estimate; recorded afterwards, 我的证件 shows the real passport and reminds from its expiry anew', async () => {
    const order = await orderInProduction('o_ip_late');
    let version = await act(reviewer, order.id, 'ready_for_pickup', order.version);
    version = await act(reviewer, order.id, 'complete', version);
    const estimate = (await order.api.get('/api/me/passports')).body.passports;
    expect(estimate).toEqual([expect.objectContaining({ numberMasked: null, datesEstimated: true, source: 'application' })]);
    const passportId = estimate[0].id as string;

    // A reminder went out for the estimate; the printed expiry is months earlier.
    const templateId = ctx.server.config.wechat.templates.documentExpiry;
    const estimatedExpiry = estimate[0].expiryDate as string;
    const twelveBefore = `${Number(estimatedExpiry.slice(0, 4)) - 1}${estimatedExpiry.slice(4)}`;
    expect((await remindExpiringPassports(db(), { templateId, now: at(twelveBefore) })).filter((r) => r.passportId === passportId)).toHaveLength(1);

    const issueDate = estimate[0].issueDate as string;
    const printed = { number: 'G13572468', issueDate, expiryDate: `${Number(issueDate.slice(0, 4)) + 10}-01-05` };
    expect((await reviewer.put(url(order.id), printed)).status).toBe(200);
    expect((await order.api.get('/api/me/passports')).body.passports).toEqual([
      expect.objectContaining({ id: passportId, numberMasked: 'G135*2468', expiryDate: printed.expiryDate, datesEstimated: false }),
    ]);
    // The reminder for the estimated day does not count for the real one.
    const realTwelveBefore = `${Number(printed.expiryDate.slice(0, 4)) - 1}${printed.expiryDate.slice(4)}`;
    expect((await remindExpiringPassports(db(), { templateId, now: at(realTwelveBefore) })).filter((r) => r.passportId === passportId)).toEqual([
      { passportId, months: 12 },
    ]);
  });

  it('an order not yet in production cannot record a passport (409, nothing stored)', async () => {
    const order = await submittedOrder(ctx.server, files, 'o_ip_early');
    const reply = await reviewer.put(url(order.id), { number: 'E11223344', issueDate: '2026-11-20', expiryDate: '2036-11-19' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toBe('该申请尚未进入制证环节，不能登记签发的护照');
    expect(await stored(order.id)).toEqual([]);
  });
});
