import { databaseKinds } from '../helpers/fresh-database';
import { startTestServer, TestServer } from '../helpers/test-server';

describe.each(databaseKinds)('console staff sign-in (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
    await server.createStaff({ username: 'wang.admin', password: 'correct horse battery', role: 'admin', displayName: '王管理' });
    await server.createStaff({ username: 'li.reviewer', password: 'reviewer password 1', role: 'reviewer', missionId: 'us-chicago' });
  });
  afterAll(() => server.close());

  const signIn = (username: string, password: string, ip = '127.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password }, remoteAddress: ip });

  it('signs in with the right password, sets an HttpOnly SameSite cookie, and knows the role and mission', async () => {
    const response = await signIn('Wang.Admin', 'correct horse battery');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      staff: { username: 'wang.admin', displayName: '王管理', role: 'admin', mission: { id: 'us-new-york' } },
    });
    const cookie = response.cookies.find((c) => c.name === 'cc_staff')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await server.app.inject({ method: 'GET', url: '/api/console/me', cookies: { cc_staff: cookie.value } });
    expect(me.json()).toMatchObject({ staff: { role: 'admin' } });
    const missions = await server.app.inject({ method: 'GET', url: '/api/console/missions', cookies: { cc_staff: cookie.value } });
    expect((missions.json() as { missions: unknown[] }).missions.length).toBeGreaterThanOrEqual(6);
  });

  it('stores only a scrypt hash of the password', async () => {
    const row = await server.db.selectFrom('staff').selectAll().where('username', '=', 'wang.admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await signIn('li.reviewer', 'not the password', '10.9.9.1');
    const unknown = await signIn('nobody', 'not the password', '10.9.9.1');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('locks a username for 15 minutes after five failures, even with the right password', async () => {
    await server.createStaff({ username: 'target', password: 'target password 1', role: 'reviewer' });
    for (let i = 0; i < 5; i++) expect((await signIn('target', `guess ${i}`, `10.0.0.${i}`)).statusCode).toBe(401);
    const locked = await signIn('target', 'target password 1', '10.0.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('signs out: the cookie stops working', async () => {
    const signedIn = await signIn('li.reviewer', 'reviewer password 1');
    const cookie = signedIn.cookies.find((c) => c.name === 'cc_staff')!.value;
    const out = await server.app.inject({ method: 'DELETE', url: '/api/console/session', cookies: { cc_staff: cookie } });
    expect(out.statusCode).toBe(204);
    const me = await server.app.inject({ method: 'GET', url: '/api/console/me', cookies: { cc_staff: cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('does not accept a citizen bearer token on console routes, nor a staff cookie on citizen routes', async () => {
    const citizenToken = await server.loginCitizen('o_staff_probe');
    const asCitizen = await server.app.inject({ method: 'GET', url: '/api/console/me', headers: { authorization: `Bearer ${citizenToken}` } });
    expect(asCitizen.statusCode).toBe(401);
    const signedIn = await signIn('wang.admin', 'correct horse battery');
    const cookie = signedIn.cookies.find((c) => c.name === 'cc_staff')!.value;
    const asStaff = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${cookie}` } });
    expect(asStaff.statusCode).toBe(401);
  });

  it('writes sign-ins to the audit log', async () => {
    const rows = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.sign_in').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].mission_id).toBeTruthy();
  });

  it('refuses to create staff with a weak password or odd username', async () => {
    await expect(server.createStaff({ username: 'x', password: 'long enough password', role: 'admin' })).rejects.toThrow('username');
    await expect(server.createStaff({ username: 'short.pw', password: 'short', role: 'admin' })).rejects.toThrow('password');
  });
});
