import { remindExpiringDrafts } from '../../../server/applications/draft-expiry';
import { remindExpiringPassports } from '../../../server/passports/expiry-reminders';
import { remindPensionDeadlines } from '../../../server/pension/pension-reminders';
import { sweepRegistrations } from '../../../server/registration/registration-sweep';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { newDraft } from '../applications/walk';
import { bookAppointment, createAppointmentSlots, setAppointmentType } from '../appointments/helpers';
import { book, createSlots, freeSlots, interviewOrder, missionDate, type StaffSession, staffSession } from '../interviews/helpers';
import { registrationForm } from '../registration/helpers';
import { submittedOrder } from '../review/helpers';

jest.setTimeout(300_000);

/**
 * 消息中心 and the order history in the reader's language (issue 14, docs/languages.md):
 * every kind of message the server writes, read with Accept-Language en and zh-Hant, and
 * without it (简体, exactly the stored text, as before).
 */
const HAN = /[\u3400-\u9fff]/;
const STAFF_NOTE = '照片背景不符合要求';
const ALERT_TITLE = '纽约暴风雪提醒';
const ALERT_BODY = '请减少外出。';

interface Message {
  id: string;
  applicationId: string | null;
  alertId: string | null;
  passportId: string | null;
  title: string;
  body: string;
}

describe.each(databaseKinds)('server-written messages in the reader’s language (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffSession;
  let supervisor: StaffSession;
  const openid = 'o_msg_lang';
  let orderId: string;
  let token: string;
  let missionAddress = '';

  const read = async (url: string, language?: string) => {
    const response = await fetch(ctx.server.baseUrl + url, { headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) } });
    expect(response.status).toBe(200);
    return response.json() as Promise<any>;
  };
  const inbox = async (language?: string): Promise<Message[]> => (await read('/api/messages?limit=50', language)).messages;
  /** Mission data and staff words, which stay as written in every language. */
  const withoutData = (text: string) => [STAFF_NOTE, ALERT_TITLE, ALERT_BODY, missionAddress, '李明', '纽约'].reduce((rest, data) => rest.split(data).join(''), text);

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await staffSession(ctx.server, 'ny.msg.reviewer', 'reviewer');
    supervisor = await staffSession(ctx.server, 'ny.msg.supervisor', 'supervisor');
    const db = ctx.server.db;

    // Status change (submission) and a supplement request with the mission's note.
    const order = await submittedOrder(ctx.server, files, openid);
    orderId = order.id;
    token = await ctx.server.loginCitizen(openid);
    const { version } = (await reviewer.get(`/api/console/applications/${order.id}`)).body;
    const requested = await reviewer.post(`/api/console/applications/${order.id}/actions/request_supplements`, { version, note: STAFF_NOTE, items: ['id_photo', 'other'] });
    expect(requested.status).toBe(200);

    // Interview: a second order of the same citizen would be a duplicate — another citizen's order, read through its own token below.
    const interview = await interviewOrder(ctx.server, files, 'o_msg_lang_iv');
    const date = missionDate(3);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:00', minutes: 30 });
    await book(interview.api, interview.id, (await freeSlots(interview.api, interview.id))[0]!.id);
    // Appointment (fingerprints) on the first order.
    await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 3, cutoffHours: 24 });
    await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: missionDate(4) });
    const appointments = (await order.api.get(`/api/applications/${order.id}/appointments`)).body;
    missionAddress = appointments.mission.address;
    const slot = appointments.appointments[0].days.find((d: any) => d.date === missionDate(4)).slots[0];
    expect((await bookAppointment(order.api, order.id, 'fingerprints', slot.id)).status).toBe(200);

    // Draft expiry reminder (the sweep, clock injected).
    const draftId = await newDraft(order.api, 'passport', 'us-new-york');
    const expiresAt = new Date(Date.now() + 2 * 86_400_000);
    await db.updateTable('applications').set({ expires_at: expiresAt }).where('id', '=', draftId).execute();
    expect(await remindExpiringDrafts(db, { withinDays: 7, templateId: 'none' })).toContain(draftId);

    // Pension deadline reminder: an accepted certification due in 20 days.
    const user = await db.selectFrom('applications').select(['user_id', 'mission_id']).where('id', '=', order.id).executeTakeFirstOrThrow();
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await db
      .insertInto('pension_certifications')
      .values({
        application_id: order.id,
        user_id: user.user_id,
        mission_id: user.mission_id,
        person_index: Buffer.from('msg-lang-person'),
        person_name: '李明',
        person_id_masked: '1101**********002X',
        agency_code: 'beijing',
        idempotency_key: 'msg-lang-1',
        push_state: 'accepted',
        verified_by: 'face',
        expected_result_by: deadline,
        next_deadline: deadline,
        updated_at: new Date(),
      })
      .execute();
    expect(await remindPensionDeadlines(db, { templateId: 'none' })).toEqual([expect.objectContaining({ days: 30 })]);

    // Passport expiry reminder: a passport the citizen added, 12 months before it expires.
    expect((await order.api.post('/api/me/passports', { number: 'E98765432', issueDate: '2017-06-11', expiryDate: '2027-06-10' })).status).toBe(201);
    expect(await remindExpiringPassports(db, { templateId: 'none', now: new Date('2026-06-10T12:00:00Z') })).toHaveLength(1);

    // A safety alert reaching the citizen's registration, and the registration ended by the sweep.
    const departure = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await order.api.post('/api/registrations', registrationForm({ departureDate: departure }))).status).toBe(201);
    const published = await supervisor.post('/api/console/info/alerts', { level: 'take_care', title: ALERT_TITLE, body: ALERT_BODY, region: '纽约', effectiveFrom: new Date().toISOString() });
    expect(published.status).toBe(201);
    await ctx.server.app.jobRunner.runDue();
    await sweepRegistrations(db, new Date(Date.now() + 33 * 86_400_000));
  });
  afterAll(() => ctx.close());

  it('no header: 简体, exactly the text stored (as before the catalogue)', async () => {
    const messages = await inbox();
    const stored = await ctx.server.db.selectFrom('messages').select(['id', 'title', 'body', 'text_key']).execute();
    const byId = new Map(stored.map((m) => [m.id, m]));
    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const m of messages) {
      expect({ title: m.title, body: m.body }).toEqual({ title: byId.get(m.id)!.title, body: byId.get(m.id)!.body });
      expect(byId.get(m.id)!.text_key).toEqual(expect.any(String));
    }
    const titles = messages.map((m) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '要求补充材料：待补充材料',
        '提交申请（到馆缴费）：待审核',
        '到馆预约成功',
        '申请草稿即将过期',
        '养老金资格认证即将到期',
        '护照即将到期',
        ALERT_TITLE,
        '海外公民登记已结束',
      ]),
    );
    const supplement = messages.find((m) => m.title === '要求补充材料：待补充材料')!;
    expect(supplement.body).toContain(`使领馆说明：${STAFF_NOTE}`);
    expect(messages.find((m) => m.title === ALERT_TITLE)!.body).toBe(`${ALERT_BODY}\n\n请点击回复“我平安”或“需要帮助”。`);
    // The interview's messages, in the other citizen's inbox.
    token = await ctx.server.loginCitizen('o_msg_lang_iv');
    expect((await inbox()).map((m) => m.title)).toEqual(expect.arrayContaining(['视频面审预约成功', '要求视频面审：待视频面审']));
    token = await ctx.server.loginCitizen(openid);
  });

  it('Accept-Language: en — every sentence in English; staff notes, alert texts, names and mission data as written', async () => {
    const zh = await inbox();
    const en = await inbox('en');
    expect(en.map((m) => m.id)).toEqual(zh.map((m) => m.id));
    for (const m of en) {
      expect(withoutData(m.title)).not.toMatch(HAN);
      expect(withoutData(m.body)).not.toMatch(HAN);
    }
    const titles = en.map((m) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Further documents requested: Documents requested',
        'Appointment booked',
        'Your draft application expires soon',
        'Pension eligibility certification due soon',
        'Passport expires soon',
        ALERT_TITLE,
        'Overseas citizen registration ended',
      ]),
    );
    const supplement = en.find((m) => m.title.startsWith('Further documents requested'))!;
    expect(supplement.body).toContain(`From the embassy or consulate: ${STAFF_NOTE}`);
    expect(supplement.body).toMatch(/Please supply: .+; .+\./);
    expect(en.find((m) => m.title === 'Appointment booked')!.body).toMatch(/^You have booked Fingerprinting: \w{3} \d{1,2} \w{3}, 09:00 \(New York time\)/);
    expect(en.find((m) => m.title === ALERT_TITLE)!.body).toBe(`${ALERT_BODY}\n\nPlease reply “I am safe” or “I need help”.`);
    expect(en.find((m) => m.title === 'Passport expires soon')!.body).toContain('10 June 2027');

    token = await ctx.server.loginCitizen('o_msg_lang_iv');
    const interview = await inbox('en');
    expect(interview.map((m) => m.title)).toEqual(expect.arrayContaining(['Video interview booked', 'Video interview required: Video interview']));
    for (const m of interview) expect(withoutData(m.title + m.body)).not.toMatch(HAN);
    token = await ctx.server.loginCitizen(openid);
  });

  it('Accept-Language: zh-Hant — 繁體 sentences', async () => {
    const hant = await inbox('zh-Hant,zh-TW;q=0.9');
    const titles = hant.map((m) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining(['要求補充材料：待補充材料', '到館預約成功', '申請草稿即將過期', '養老金資格認證即將到期', '護照即將到期', ALERT_TITLE, '海外公民登記已結束']),
    );
    expect(hant.find((m) => m.title === ALERT_TITLE)!.body).toBe(`${ALERT_BODY}\n\n請點擊回覆「我平安」或「需要幫助」。`);
    expect(hant.find((m) => m.title === '要求補充材料：待補充材料')!.body).toContain(`使領館說明：${STAFF_NOTE}`);
  });

  it('the order history: action and status names in the reader’s language, the staff note as written', async () => {
    const zh = (await read(`/api/applications/${orderId}/timeline`)).entries;
    const en = (await read(`/api/applications/${orderId}/timeline`, 'en')).entries;
    const hant = (await read(`/api/applications/${orderId}/timeline`, 'zh-Hant')).entries;
    expect(zh.map((e: any) => [e.actionLabel, e.toLabel])).toEqual([
      ['提交申请（到馆缴费）', '待审核'],
      ['要求补充材料', '待补充材料'],
    ]);
    expect(en.map((e: any) => [e.actionLabel, e.toLabel])).toEqual([
      ['Application submitted (pay at the mission)', 'Awaiting review'],
      ['Further documents requested', 'Documents requested'],
    ]);
    expect(hant.map((e: any) => [e.actionLabel, e.toLabel])).toEqual([
      ['提交申請（到館繳費）', '待審核'],
      ['要求補充材料', '待補充材料'],
    ]);
    expect(en[1].note).toBe(STAFF_NOTE);
    for (const e of en) expect(withoutData([e.actionLabel, e.toLabel, ...(e.items ?? [])].join(' '))).not.toMatch(HAN);
  });

  it('an older message without a key shows its stored text in every language', async () => {
    const user = await ctx.server.db.selectFrom('applications').select('user_id').where('id', '=', orderId).executeTakeFirstOrThrow();
    const old = await ctx.server.db
      .insertInto('messages')
      .values({ user_id: user.user_id, application_id: orderId, kind: 'note', title: '使领馆留言', body: '关于您的申请：请带原件。', status: 'submitted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const language of [undefined, 'en', 'zh-Hant']) {
      expect((await inbox(language)).find((m) => m.id === old.id)).toMatchObject({ title: '使领馆留言', body: '关于您的申请：请带原件。' });
    }
    // A key the catalogue no longer knows: the stored text too.
    await ctx.server.db.updateTable('messages').set({ text_key: 'retiredKey', text_params: JSON.stringify({}) }).where('id', '=', old.id).execute();
    expect((await inbox('en')).find((m) => m.id === old.id)).toMatchObject({ title: '使领馆留言', body: '关于您的申请：请带原件。' });
  });

  it('the console reads the 简体 text whatever its browser asks for', async () => {
    const answer = await ctx.server.app.inject({ method: 'GET', url: `/api/console/applications/${orderId}`, cookies: { cc_staff: reviewer.cookie }, headers: { 'accept-language': 'en' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().history.map((h: any) => h.actionLabel)).toEqual(expect.arrayContaining(['要求补充材料']));
  });
});
