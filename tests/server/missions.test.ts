import type { Mission, Profile } from '../../miniprogram/domain/api-types';
import { seedDemoMissions } from '../../server/missions/mission-repository';
import { sqlOnlyKinds } from '../helpers/fresh-database';
import { startTestServer, TestServer } from '../helpers/test-server';

describe.each(sqlOnlyKinds)('missions (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(() => server.close());

  it('lists at least six seeded missions with districts and IANA time zones, without login', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/missions' });
    expect(response.statusCode).toBe(200);
    const { missions } = response.json() as { missions: Mission[] };
    expect(missions.length).toBeGreaterThanOrEqual(6);
    for (const mission of missions) {
      expect(mission.districtZh.length).toBeGreaterThan(0);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: mission.timezone })).not.toThrow();
      expect(mission.phone).toMatch(/^\+\d/);
    }
    expect(missions.map((m) => m.id)).toEqual(expect.arrayContaining(['us-washington', 'us-new-york', 'us-chicago', 'us-san-francisco', 'us-los-angeles']));
  });

  it('sends an ETag and answers 304 without a body while the list and a mission are unchanged', async () => {
    for (const url of ['/api/missions', '/api/missions/us-new-york']) {
      const first = await server.app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      const again = await server.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const other = await server.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } });
      expect(other.statusCode).toBe(200);
      expect(other.json()).toEqual(first.json());
    }
  });

  it('seeds only once: a restart keeps what staff changed', async () => {
    await server.db.updateTable('missions').set({ hours_zh: '周一至周四' }).where('id', '=', 'us-chicago').execute();
    expect(await seedDemoMissions(server.db)).toBe(0);
    const chicago = await server.app.inject({ method: 'GET', url: '/api/missions/us-chicago' });
    expect((chicago.json() as Mission).hoursZh).toBe('周一至周四');
  });

  it('lets a citizen choose a mission, which the profile then shows', async () => {
    const token = await server.loginCitizen('o_mission_1');
    const before = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((before.json() as Profile).mission).toBeNull();
    const response = await server.app.inject({
      method: 'PUT',
      url: '/api/me/mission',
      headers: { authorization: `Bearer ${token}` },
      payload: { missionId: 'us-san-francisco' },
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Profile).mission).toMatchObject({ id: 'us-san-francisco', cityZh: '旧金山', timezone: 'America/Los_Angeles' });
    const me = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((me.json() as Profile).mission?.id).toBe('us-san-francisco');
  });

  it('refuses an unknown mission and changes nothing', async () => {
    const token = await server.loginCitizen('o_mission_1');
    const response = await server.app.inject({
      method: 'PUT',
      url: '/api/me/mission',
      headers: { authorization: `Bearer ${token}` },
      payload: { missionId: 'us-houston' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该使领馆' } });
    const me = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((me.json() as Profile).mission?.id).toBe('us-san-francisco');
  });
});

describe('health and API description', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers /healthz with the database kind', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', db: server.dbKind });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await fetch(`${server.baseUrl}/docs/openapi.json`);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/me/identity', '/api/me/mission', '/api/missions', '/api/console/session']),
    );
    expect(JSON.stringify(doc.paths['/api/auth/login'].post.requestBody)).toContain('"code"');
  });

  it('answers unknown routes with the standard error body', async () => {
    const response = await fetch(`${server.baseUrl}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '请求的内容不存在' } });
  });
});
