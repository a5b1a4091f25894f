import crypto from 'node:crypto';
import { sqlOnlyKinds } from '../helpers/fresh-database';
import { startTestServer, TestServer } from '../helpers/test-server';

describe.each(sqlOnlyKinds)('citizen login and sessions (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(() => server.close());

  const login = (code: string) =>
    fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  const me = (token: string) => fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const queueFault = (errcode: number) =>
    fetch(`${server.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api: 'jscode2session', errcodes: [errcode] }),
    });

  it('exchanges a wx.login code for an opaque token that opens /api/me', async () => {
    const response = await login(await server.mintLoginCode('o_alice'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresAt: string; user: { id: string; identity: null } };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(body.user.identity).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/session_?key|openid/i);
    const profile = await me(body.token);
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { id: string }).id).toBe(body.user.id);
  });

  it('keeps one account per openid and gives a new token on every login', async () => {
    const first = await server.loginCitizen('o_bob');
    const second = await server.loginCitizen('o_bob');
    expect(first).not.toBe(second);
    const [a, b] = await Promise.all([me(first).then((r) => r.json()), me(second).then((r) => r.json())]);
    expect((a as { id: string }).id).toBe((b as { id: string }).id);
  });

  it('stores only a hash of the token and an encrypted session_key', async () => {
    const token = await server.loginCitizen('o_carol');
    const hash = crypto.createHash('sha256').update(token).digest();
    const session = await server.db.selectFrom('user_sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    expect(session).toBeDefined();
    const rows = await server.db.selectFrom('user_sessions').select('token_hash').execute();
    expect(rows.some((row) => Buffer.from(row.token_hash).toString('utf8').includes(token))).toBe(false);
    const user = await server.db.selectFrom('users').selectAll().where('openid', '=', 'o_carol').executeTakeFirstOrThrow();
    expect(user.session_key_enc).toMatch(/^v1\./);
  });

  it('refuses a replayed code', async () => {
    const code = await server.mintLoginCode('o_dave');
    expect((await login(code)).status).toBe(200);
    const replay = await login(code);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: 'WECHAT_CODE_INVALID', message: expect.stringContaining('微信登录凭证') } });
  });

  it('refuses a code WeChat never issued, and an empty one', async () => {
    expect((await login('made-up-code-123456')).status).toBe(401);
    const empty = await login('');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses an expired code', async () => {
    const response = await fetch(`${server.sandboxUrl}/sandbox/login-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'o_erin', ttlMs: -1 }),
    });
    const { code } = (await response.json()) as { code: string };
    expect((await login(code)).status).toBe(401);
  });

  it.each([
    [-1, 502, 'WECHAT_UNAVAILABLE'],
    [45011, 429, 'WECHAT_RATE_LIMITED'],
    [40226, 403, 'WECHAT_RISKY_USER'],
  ])('maps WeChat errcode %i to HTTP %i %s', async (errcode, status, code) => {
    await queueFault(errcode);
    const response = await login(await server.mintLoginCode('o_frank'));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('answers 401 without a token, with a malformed one, and with a made-up one', async () => {
    expect((await fetch(`${server.baseUrl}/api/me`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const response = await me(crypto.randomBytes(32).toString('base64url'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } });
  });

  it('revokes the token on logout, leaving other devices signed in', async () => {
    const phone = await server.loginCitizen('o_grace');
    const tablet = await server.loginCitizen('o_grace');
    expect((await me(phone)).status).toBe(200); // now held in the session cache too
    const logout = await fetch(`${server.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${phone}` } });
    expect(logout.status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(tablet)).status).toBe(200);
  });

  it('expires sessions after their absolute lifetime and after idling', async () => {
    const absolute = await server.loginCitizen('o_heidi');
    const idle = await server.loginCitizen('o_heidi');
    const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest();
    await server.db.updateTable('user_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashOf(absolute)).execute();
    await server.db
      .updateTable('user_sessions')
      .set({ last_seen_at: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
      .where('token_hash', '=', hashOf(idle))
      .execute();
    expect((await me(absolute)).status).toBe(401);
    expect((await me(idle)).status).toBe(401);
  });
});
