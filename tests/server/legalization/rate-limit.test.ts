import { sql } from 'kysely';
import { databaseKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';

/** Per hook and test: jest ignores testTimeout inside a project config; PGlite start-up and scrypt take seconds. */
jest.setTimeout(60_000);

const WINDOW_SECONDS = 2;

describe.each(databaseKinds)('legalization check rate limits (%s)', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    // A short window and small caps, so the test waits two seconds rather than ten minutes.
    server = await startTestServer({
      database,
      env: {
        LEGALIZATION_VERIFY_WINDOW_SECONDS: String(WINDOW_SECONDS),
        LEGALIZATION_VERIFY_MAX_PER_IP: '5',
        LEGALIZATION_VERIFY_MAX_PER_USER: '3',
      },
    });
  });
  afterAll(() => server.close());

  const body = { legalizationNo: 'MFA2024000001', stickerNo: 'S00000001', authorityId: 'mfa' };
  const verify = (ip: string, token?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/legalization/verify',
      remoteAddress: ip,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: body,
    });
  /** The window passes: every bucket's window is moved back (the limiter counts on the database's clock). */
  const windowPasses = () =>
    server.db
      .updateTable('rate_limit_buckets')
      .set({ window_started_at: sql`window_started_at - make_interval(secs => ${WINDOW_SECONDS + 1})` })
      .execute();

  it('limits one address, with a clear message and Retry-After, then lets it in after the window', async () => {
    for (let i = 0; i < 5; i++) expect((await verify('203.0.113.7')).statusCode).toBe(200);
    const limited = await verify('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Another address is not affected.
    expect((await verify('203.0.113.8')).statusCode).toBe(200);
    await windowPasses();
    expect((await verify('203.0.113.7')).statusCode).toBe(200);
  });

  it('limits one citizen across addresses when a bearer token is sent', async () => {
    const token = await server.loginCitizen('o_rate_limited');
    for (let i = 0; i < 3; i++) expect((await verify(`198.51.100.${i + 1}`, token)).statusCode).toBe(200);
    const limited = await verify('198.51.100.50', token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The same fresh address without the token is fine: the limit was the user's.
    expect((await verify('198.51.100.51')).statusCode).toBe(200);
    await windowPasses();
    expect((await verify('198.51.100.52', token)).statusCode).toBe(200);
  });

  it('counts in the database (shared by every instance), per IPv6 /64', async () => {
    for (let i = 0; i < 5; i++) expect((await verify(`2001:db8:aa:bb::${i + 1}`)).statusCode).toBe(200);
    expect((await verify('2001:db8:aa:bb:ffff::1')).statusCode).toBe(429);
    const bucket = await server.db.selectFrom('rate_limit_buckets').selectAll().where('bucket', '=', 'legalization-verify:ip:2001:db8:aa:bb::/64').executeTakeFirstOrThrow();
    expect(bucket.hits).toBe(6);
  });
});
