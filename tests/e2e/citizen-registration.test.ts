import { databaseKinds } from '../helpers/fresh-database';
import { startApplicationsServer, verifiedCitizen } from '../server/applications/helpers';
import { registrationForm } from '../server/registration/helpers';

jest.setTimeout(90_000);

/**
 * Registration and a targeted safety alert end to end over real HTTP: a citizen registers
 * and subscribes to 安全提醒, staff sign in and publish an alert for the citizen's city, the
 * citizen finds it in 消息中心 and WeChat (the sandbox) received the subscription message,
 * the citizen answers 需要帮助 and the staff's list shows it with the 12308 reminder.
 */
describe.each(databaseKinds)('citizen registration and a safety alert (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { REGISTRATION_SWEEP_MINUTES: '0', JOB_POLL_MS: '0' });
  });
  afterAll(() => ctx.close());

  const staffSession = async (username: string) => {
    const password = `${username} 的密码 0123`;
    await ctx.server.createStaff({ username, password, role: 'supervisor', missionId: 'us-new-york' });
    const response = await fetch(`${ctx.server.baseUrl}/api/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cc_staff='))!.split(';')[0];
    return async (method: string, url: string, body?: unknown) => {
      const reply = await fetch(ctx.server.baseUrl + url, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: reply.status, body: (await reply.json()) as any };
    };
  };

  it('register → alert for the city → message + subscription message → 需要帮助 → staff list', async () => {
    const citizen = await verifiedCitizen(ctx.server, 'o_e2e_registrant');
    const registered = await citizen.post('/api/registrations', registrationForm({ city: 'Buffalo', address: '1 Niagara Sq, Buffalo, NY 14202' }));
    expect(registered.status).toBe(201);
    const templates = await citizen.get('/api/subscriptions/templates');
    const safetyAlert = templates.body.safetyAlert as string;
    expect((await citizen.post('/api/subscriptions', { templateIds: [safetyAlert], accepted: [safetyAlert] })).body.quota[safetyAlert]).toBe(1);

    const staff = await staffSession('e2e.registration');
    const published = await staff('POST', '/api/console/info/alerts', { level: 'do_not_travel', title: '布法罗暴风雪紧急提醒', body: '请留在室内，储备食物和药品。', city: 'Buffalo' });
    expect(published.status).toBe(201);
    const alertId = published.body.id as string;

    const inbox = await citizen.get('/api/messages');
    const message = inbox.body.messages.find((m: { alertId: string | null }) => m.alertId === alertId);
    expect(message).toMatchObject({ title: '布法罗暴风雪紧急提醒', read: false });
    expect(message.body).toContain('我平安');

    await ctx.server.app.jobRunner.runDue();
    const sandbox = await (await fetch(`${ctx.server.sandboxUrl}/sandbox/subscribe-messages?touser=o_e2e_registrant`)).json() as { messages: Array<{ template_id: string; page: string; data: Record<string, { value: string }> }> };
    expect(sandbox.messages).toEqual([
      expect.objectContaining({ template_id: safetyAlert, page: `packages/registration/alert/index?alertId=${alertId}`, data: expect.objectContaining({ thing1: { value: '布法罗暴风雪紧急提醒' }, phrase2: { value: '暂勿前往' } }) }),
    ]);
    const delivery = await staff('GET', `/api/console/registrations/alerts/${alertId}`);
    expect(delivery.body).toMatchObject({ people: 1, messages: 1, subscription: { sent: 1, noQuota: 0, failed: 0, pending: 0 } });

    const view = await citizen.get(`/api/registrations/alerts/${alertId}`);
    const answered = await citizen.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: view.body.people[0].registrationId, answer: 'help', note: '断电断暖' });
    expect(answered.body.people[0]).toMatchObject({ answer: 'help', answeredAt: expect.any(String) });

    const answers = await staff('GET', `/api/console/registrations/alerts/${alertId}/answers`);
    expect(answers.body.items).toEqual([
      expect.objectContaining({ name: '李明', answer: 'help', note: '断电断暖', city: 'Buffalo', phone: '+12125550100', reminder: expect.stringContaining('12308') }),
    ]);
    expect((await staff('GET', `/api/console/registrations/alerts/${alertId}`)).body.answers).toEqual({ safe: 0, help: 1, none: 0 });
  });
});
