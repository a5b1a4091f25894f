import { parseArticleMarkup } from '../../../miniprogram/domain/article-blocks';
import type { DestinationGuide, TravelAlert } from '../../../miniprogram/domain/info-api-types';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { staffCookie } from '../legalization/console-helpers';

/** Per hook and test: jest ignores testTimeout inside a project config; PGlite start-up and scrypt take seconds. */
jest.setTimeout(60_000);

describe.each(sqlOnlyKinds)('travel-safety alerts and destination guides (%s)', (database) => {
  let server: TestServer;
  let usAdmin: string;
  let usSupervisor: string;
  let usReviewer: string;
  let londonSupervisor: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    usAdmin = await staffCookie(server, { username: 'alerts.admin', role: 'admin' });
    usSupervisor = await staffCookie(server, { username: 'alerts.supervisor', role: 'supervisor', missionId: 'us-washington' });
    usReviewer = await staffCookie(server, { username: 'alerts.reviewer', role: 'reviewer' });
    londonSupervisor = await staffCookie(server, { username: 'london.supervisor', role: 'supervisor', missionId: 'gb-london' });
  });
  afterAll(() => server.close());

  const createAlert = (cookie: string, payload: Record<string, unknown>) =>
    server.app.inject({ method: 'POST', url: '/api/console/info/alerts', cookies: { cc_staff: cookie }, payload });
  const activeAlerts = async (country: string) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/info/alerts?country=${country}` });
    expect(response.statusCode).toBe(200);
    return (response.json() as { alerts: TravelAlert[] }).alerts;
  };
  const hour = 3600_000;

  it('shows alerts only inside their effective window, most severe first', async () => {
    const now = Date.now();
    const mild = await createAlert(usAdmin, { level: 'take_care', title: '飓风季节注意安全', body: '请关注天气预报。' });
    expect(mild.statusCode).toBe(201);
    expect(mild.json()).toMatchObject({ countryCode: 'US', level: 'take_care', levelZh: '注意安全', status: 'active', effectiveUntil: null });
    const severe = await createAlert(usSupervisor, {
      level: 'caution',
      title: '谨慎前往部分地区',
      body: '近期治安形势严峻。',
      effectiveFrom: new Date(now - hour).toISOString(),
      effectiveUntil: new Date(now + hour).toISOString(),
    });
    expect(severe.statusCode).toBe(201);
    const future = await createAlert(usAdmin, {
      level: 'do_not_travel',
      title: '将来的提醒',
      body: '尚未生效。',
      effectiveFrom: new Date(now + 2 * hour).toISOString(),
    });
    expect(future.json()).toMatchObject({ status: 'scheduled' });
    const past = await createAlert(usAdmin, {
      level: 'do_not_travel',
      title: '已过期的提醒',
      body: '已结束。',
      effectiveFrom: new Date(now - 3 * hour).toISOString(),
      effectiveUntil: new Date(now - 2 * hour).toISOString(),
    });
    expect(past.json()).toMatchObject({ status: 'ended' });

    const alerts = await activeAlerts('us');
    expect(alerts.map((a) => a.title)).toEqual(['谨慎前往部分地区', '飓风季节注意安全']);
    expect(await activeAlerts('GB')).toEqual([]);

    // Ending an alert takes it off the home page at once; ending a scheduled one means it never starts.
    const ended = await server.app.inject({ method: 'POST', url: `/api/console/info/alerts/${(severe.json() as TravelAlert).id}/end`, cookies: { cc_staff: usAdmin } });
    expect(ended.json()).toMatchObject({ status: 'ended' });
    const endedFuture = await server.app.inject({ method: 'POST', url: `/api/console/info/alerts/${(future.json() as TravelAlert).id}/end`, cookies: { cc_staff: usAdmin } });
    expect(endedFuture.statusCode).toBe(200);
    const endedFutureAlert = endedFuture.json() as TravelAlert;
    expect(endedFutureAlert.effectiveUntil).toBe(endedFutureAlert.effectiveFrom); // an empty window
    expect((await activeAlerts('US')).map((a) => a.title)).toEqual(['飓风季节注意安全']);

    const consoleList = await server.app.inject({ method: 'GET', url: '/api/console/info/alerts', cookies: { cc_staff: usReviewer } });
    expect((consoleList.json() as { alerts: unknown[] }).alerts).toHaveLength(4);
    const actions = (await server.db.selectFrom('audit_log').select('action').where('action', 'like', 'alert.%').execute()).map((a) => a.action);
    expect(actions.filter((a) => a === 'alert.create')).toHaveLength(4);
    expect(actions.filter((a) => a === 'alert.end')).toHaveLength(2);
  });

  it('checks the input and the staff member’s country and role', async () => {
    const badWindow = await createAlert(usAdmin, {
      level: 'caution',
      title: 't',
      body: 'b',
      effectiveFrom: '2030-01-02T00:00:00Z',
      effectiveUntil: '2030-01-01T00:00:00Z',
    });
    expect(badWindow.json()).toMatchObject({ error: { fields: { effectiveUntil: expect.any(String) } } });
    expect((await createAlert(usAdmin, { level: 'panic', title: 't', body: 'b' })).statusCode).toBe(400);
    expect((await createAlert(usAdmin, { level: 'caution', title: 't', body: 'b', countryCode: 'GB' })).statusCode).toBe(403);
    expect((await createAlert(usReviewer, { level: 'caution', title: 't', body: 'b' })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: '/api/console/info/alerts', payload: {} })).statusCode).toBe(401);
    const usAlert = (await activeAlerts('US'))[0];
    const fromLondon = await server.app.inject({ method: 'POST', url: `/api/console/info/alerts/${usAlert.id}/end`, cookies: { cc_staff: londonSupervisor } });
    expect(fromLondon.statusCode).toBe(404);
  });

  it('caches alert lists with an ETag', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/api/info/alerts?country=US' });
    const second = await server.app.inject({ method: 'GET', url: '/api/info/alerts?country=US', headers: { 'if-none-match': first.headers.etag as string } });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
  });

  it('serves a destination guide that staff of that country edit, with the missions’ contacts', async () => {
    const empty = await server.app.inject({ method: 'GET', url: '/api/info/guides/gb' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ countryCode: 'GB', countryZh: '英国', updatedAt: null, sections: { safety: [] }, missions: [{ id: 'gb-london' }] });
    expect((await server.app.inject({ method: 'GET', url: '/api/info/guides/FR' })).statusCode).toBe(404);

    const saved = await server.app.inject({
      method: 'PUT',
      url: '/api/console/info/guides/GB',
      cookies: { cc_staff: londonSupervisor },
      payload: {
        sections: {
          entry_residence: parseArticleMarkup('# 签证\n持中国护照入境英国须事先申请签证。'),
          safety: parseArticleMarkup('- 注意保管财物\n- 夜间避免独行'),
        },
        emergencyNumbers: [
          { labelZh: '报警、急救、火警', number: '999' },
          { labelZh: '非紧急警务', number: '101' },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const guide = saved.json() as DestinationGuide;
    expect(guide.sections.entry_residence[0]).toEqual({ type: 'heading', text: '签证' });
    expect(guide.sections.transport).toEqual([]);
    expect(guide.emergencyNumbers).toHaveLength(2);
    expect(guide.updatedAt).toEqual(expect.any(String));

    const publicGuide = await server.app.inject({ method: 'GET', url: '/api/info/guides/GB' });
    expect(publicGuide.json()).toMatchObject({ sections: { safety: [{ type: 'list' }] }, missions: [{ id: 'gb-london', phone: expect.any(String) }] });
    expect(publicGuide.headers['cache-control']).toBe('public, max-age=300');

    const otherCountry = await server.app.inject({
      method: 'PUT',
      url: '/api/console/info/guides/US',
      cookies: { cc_staff: londonSupervisor },
      payload: { sections: {}, emergencyNumbers: [] },
    });
    expect(otherCountry.statusCode).toBe(403);
    const reviewer = await server.app.inject({
      method: 'PUT',
      url: '/api/console/info/guides/US',
      cookies: { cc_staff: usReviewer },
      payload: { sections: {}, emergencyNumbers: [] },
    });
    expect(reviewer.statusCode).toBe(403);
    const badNumber = await server.app.inject({
      method: 'PUT',
      url: '/api/console/info/guides/US',
      cookies: { cc_staff: usAdmin },
      payload: { sections: {}, emergencyNumbers: [{ labelZh: '报警', number: 'call me' }] },
    });
    expect(badNumber.statusCode).toBe(400);
    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'guide.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: 'GB', mission_id: 'gb-london' });
  });

  it('documents every new route in the OpenAPI description', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys((response.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/legalization/verify',
        '/api/legalization/authorities',
        '/api/console/legalization/imports',
        '/api/info/news',
        '/api/info/alerts',
        '/api/info/guides/{countryCode}',
        '/api/console/info/news/{id}/publish',
        '/api/console/info/guides/{countryCode}',
      ]),
    );
  });
});
