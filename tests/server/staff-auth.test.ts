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

  it('locks an account for unknown addresses after ten failures, but its owner still gets in from a known address', async () => {
    await server.createStaff({ username: 'target', password: 'target password 1', role: 'reviewer' });
    expect((await signIn('target', 'target password 1', '10.0.1.1')).statusCode).toBe(200); // the owner's usual address
    for (let i = 0; i < 10; i++) expect((await signIn('target', `guess ${i}`, `10.0.0.${i}`)).statusCode).toBe(401);
    const stranger = await signIn('target', 'target password 1', '10.0.0.99');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json()).toEqual({ error: { code: 'TOO_MANY_ATTEMPTS', message: '登录失败次数过多，请稍后再试' } });
    expect((await signIn('target', 'target password 1', '10.0.1.1')).statusCode).toBe(200);
  });

  it.each([30, 100])('%i concurrent wrong passwords from one address: only the first five, then one per backoff step, are checked', async (n) => {
    const username = `racer${n}`;
    await server.createStaff({ username, password: 'racer password 1', role: 'reviewer' });
    const ip = `10.2.${n}.1`;
    const responses = await Promise.all(Array.from({ length: n }, (_, i) => signIn(username, `wrong ${i}`, ip)));
    const checked = responses.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(6);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(n - checked);
    // Still waiting: even the right password from that address is not checked now.
    expect((await signIn(username, 'racer password 1', ip)).statusCode).toBe(429);
  });

  it('100 concurrent guesses at one account from rotating addresses: at most ten are checked', async () => {
    await server.createStaff({ username: 'rotated', password: 'rotated password 1', role: 'reviewer' });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn('rotated', `wrong ${i}`, `10.3.${i}.7`)));
    expect(responses.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(10);
  });

  it('limits failures per address whatever the account, and backs off exponentially per account and address', async () => {
    const ip = '10.4.0.1';
    const answers: number[] = [];
    for (let i = 0; i < 32; i++) answers.push((await signIn(`nobody${i}`, 'guess', ip)).statusCode);
    expect(answers.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(answers.slice(30)).toEqual([429, 429]);
    // Backoff: the sixth attempt for one account from one address is checked, the seventh must wait.
    const backoffIp = '10.4.0.2';
    for (let i = 0; i < 6; i++) expect((await signIn('li.reviewer', `guess ${i}`, backoffIp)).statusCode).toBe(401);
    expect((await signIn('li.reviewer', 'reviewer password 1', backoffIp)).statusCode).toBe(429);
    const row = await server.db.selectFrom('staff_sign_in_throttle').selectAll().where('bucket', '=', `acct-addr:li.reviewer|${backoffIp}`).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(6);
    expect(new Date(row.blocked_until!).getTime()).toBeGreaterThan(Date.now());
  });

  it('shows supervisors the lockouts of their mission, not to reviewers', async () => {
    await server.createStaff({ username: 'sup.ny', password: 'supervisor password 1', role: 'supervisor' });
    const cookie = (await signIn('sup.ny', 'supervisor password 1', '10.5.0.1')).cookies.find((c) => c.name === 'cc_staff')!.value;
    const lockouts = await server.app.inject({ method: 'GET', url: '/api/console/sign-in-lockouts', cookies: { cc_staff: cookie } });
    expect(lockouts.statusCode).toBe(200);
    const list = (lockouts.json() as { lockouts: Array<{ username: string | null; kind: string }> }).lockouts;
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'target', kind: 'account' })]));
    // li.reviewer belongs to Chicago: not New York's to see.
    expect(list.some((l) => l.username === 'li.reviewer')).toBe(false);
    const reviewer = (await signIn('wang.admin', 'correct horse battery')).cookies.find((c) => c.name === 'cc_staff')!.value;
    expect((await server.app.inject({ method: 'GET', url: '/api/console/sign-in-lockouts', cookies: { cc_staff: reviewer } })).statusCode).toBe(200);
    await server.createStaff({ username: 'rev.ny', password: 'reviewer password 9', role: 'reviewer' });
    const rev = (await signIn('rev.ny', 'reviewer password 9', '10.5.0.2')).cookies.find((c) => c.name === 'cc_staff')!.value;
    expect((await server.app.inject({ method: 'GET', url: '/api/console/sign-in-lockouts', cookies: { cc_staff: rev } })).statusCode).toBe(403);
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
