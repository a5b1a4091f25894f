import { sql } from 'kysely';
import type { PostgresInvalidationBus } from '../../../server/cache/invalidation-bus';
import { generatePiiKey } from '../../../server/security/pii-cipher';
import { timeUntil } from '../../helpers/eventually';
import { createFreshPostgresDatabase, postgresUrl } from '../../helpers/fresh-database';
import { type PgProxy, startPgProxy } from '../../helpers/pg-proxy';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Two instances on one PostgreSQL, each with in-process caches of sessions, profiles,
 * missions and fee tables: what one instance (or anyone) changes is honoured by the other
 * within a second — also when the notification connection drops or silently stalls.
 * Instance B reaches PostgreSQL through a proxy that can stall its listener connection.
 */
const onPostgres = postgresUrl ? describe : describe.skip;

onPostgres('caches on two instances of one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: PgProxy;
  let a: TestServer;
  let b: TestServer;
  const bus = (server: TestServer) => server.caches as PostgresInvalidationBus;

  beforeAll(async () => {
    database = await createFreshPostgresDatabase(postgresUrl!);
    const target = new URL(postgresUrl!);
    proxy = await startPgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const piiKey = generatePiiKey();
    a = await startTestServer({ sharedDatabaseUrl: database.url, piiKey });
    b = await startTestServer({ sharedDatabaseUrl: proxy.url(database.url), piiKey });
    await Promise.all([bus(a).ready(), bus(b).ready()]);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await database?.drop();
  });

  const get = (server: TestServer, url: string, token?: string) =>
    fetch(server.baseUrl + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const send = (server: TestServer, method: string, url: string, token: string, body?: unknown) =>
    fetch(server.baseUrl + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const missionOn = async (server: TestServer, token: string) => ((await (await get(server, '/api/me', token)).json()) as { mission: { id: string } | null }).mission?.id;

  it('takes a token from A on B, and refuses it on A within one second of a logout on B', async () => {
    const token = await a.loginCitizen('o_cluster_logout');
    expect((await get(b, '/api/me', token)).status).toBe(200);
    // Both instances now hold the session in memory.
    expect((await get(a, '/api/me', token)).status).toBe(200);
    expect((await send(b, 'POST', '/api/auth/logout', token)).status).toBe(204);
    const elapsed = await timeUntil(async () => (await get(a, '/api/me', token)).status === 401, 'A refusing the token');
    expect(elapsed).toBeLessThan(1000);
    expect((await get(b, '/api/me', token)).status).toBe(401);
  });

  it('shows a profile change made on A on B within one second', async () => {
    const token = await a.loginCitizen('o_cluster_profile');
    expect((await send(a, 'PUT', '/api/me/mission', token, { missionId: 'us-new-york' })).status).toBe(200);
    expect(await missionOn(b, token)).toBe('us-new-york');
    expect((await send(a, 'PUT', '/api/me/mission', token, { missionId: 'us-chicago' })).status).toBe(200);
    expect(await timeUntil(async () => (await missionOn(b, token)) === 'us-chicago', 'B showing the new mission')).toBeLessThan(1000);
  });

  it('shows a fee change made on A on B within one second', async () => {
    const fees = async (server: TestServer) =>
      ((await (await get(server, '/api/missions/us-new-york/fees')).json()) as { fees: Array<{ code: string; option: string; amountFen: number }> }).fees.find(
        (fee) => fee.code === 'passport' && fee.option === 'normal',
      )?.amountFen;
    const before = await fees(b);
    await a.createStaff({ username: 'cluster.supervisor', password: 'correct horse battery', role: 'supervisor' });
    const signIn = await a.app.inject({ method: 'POST', url: '/api/console/session', payload: { username: 'cluster.supervisor', password: 'correct horse battery' } });
    const cookie = signIn.cookies.find((c) => c.name === 'cc_staff')!.value;
    const change = await a.app.inject({
      method: 'PUT',
      url: '/api/console/fees',
      cookies: { cc_staff: cookie },
      // A same-origin console request, as the browser sends it (the console refuses cross-site writes).
      headers: { origin: a.baseUrl, host: new URL(a.baseUrl).host },
      payload: { fees: [{ code: 'passport', option: 'normal', amountFen: (before ?? 0) + 1000 }] },
    });
    expect(change.statusCode).toBe(200);
    expect(await timeUntil(async () => (await fees(b)) === (before ?? 0) + 1000, 'B showing the new fee')).toBeLessThan(1000);
  });

  it('flushes and rebuilds when the notification connection drops, missing nothing written meanwhile', async () => {
    const token = await a.loginCitizen('o_cluster_drop');
    expect((await send(a, 'PUT', '/api/me/mission', token, { missionId: 'us-new-york' })).status).toBe(200);
    expect(await missionOn(b, token)).toBe('us-new-york');
    const flushes = bus(b).flushCount;
    // Every listener connection (A's and B's) is cut; a change lands while they are away.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where application_name = 'cc-cache-listener' and datname = current_database()`.execute(a.db);
    const user = await a.db.selectFrom('users').select('id').where('openid', '=', 'o_cluster_drop').executeTakeFirstOrThrow();
    await a.db.updateTable('users').set({ mission_id: 'us-chicago' }).where('id', '=', user.id).execute();
    expect(await timeUntil(async () => (await missionOn(b, token)) === 'us-chicago', 'B showing the change made while disconnected')).toBeLessThan(1000);
    await timeUntil(async () => bus(b).flushCount > flushes, 'B flushing its caches');
    await bus(b).ready();
    // Rebuilt: B caches again, and hears the next change.
    expect(await missionOn(b, token)).toBe('us-chicago');
    expect((await send(a, 'PUT', '/api/me/mission', token, { missionId: 'us-new-york' })).status).toBe(200);
    expect(await timeUntil(async () => (await missionOn(b, token)) === 'us-new-york', 'B hearing changes after reconnecting')).toBeLessThan(1000);
  });

  it('never lets a revoked session through for longer than the bound, even when the listener silently stalls', async () => {
    const token = await a.loginCitizen('o_cluster_stall');
    expect((await get(b, '/api/me', token)).status).toBe(200);
    const flushes = bus(b).flushCount;
    proxy.stallListeners();
    expect((await send(a, 'POST', '/api/auth/logout', token)).status).toBe(204);
    const elapsed = await timeUntil(async () => (await get(b, '/api/me', token)).status === 401, 'B refusing the revoked token');
    expect(elapsed).toBeLessThan(1000);
    // The stalled connection is given up and replaced; the caches serve again.
    await timeUntil(async () => bus(b).flushCount > flushes, 'B replacing the stalled listener');
    await bus(b).ready();
    expect(bus(b).isFresh()).toBe(true);
  });
});
