/**
 * Issue #16: staff accounts in the console. Admins create, change, disable and reset the
 * staff of their own mission (a one-time password that must be changed at first sign-in);
 * everyone changes their own password; every change is in the audit log.
 */
import { sqlOnlyKinds } from '../helpers/fresh-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe.each(sqlOnlyKinds)('staff accounts (%s)', (database) => {
  let server: TestServer;
  let admin: string;
  let reviewer: string;
  let chicagoAdmin: string;

  const signIn = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password } });
  const cookieOf = async (username: string, password: string) => {
    const reply = await signIn(username, password);
    expect(reply.statusCode).toBe(200);
    return reply.cookies.find((c) => c.name === 'cc_staff')!.value;
  };
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, cookies: { cc_staff: cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await startTestServer({ database });
    await server.createStaff({ username: 'zhou.admin', password: 'admin password 2025', role: 'admin', displayName: '周管理' });
    await server.createStaff({ username: 'he.reviewer', password: 'reviewer password 2025', role: 'reviewer', displayName: '何审核' });
    await server.createStaff({ username: 'chi.admin', password: 'admin password 2025', role: 'admin', missionId: 'us-chicago' });
    admin = await cookieOf('zhou.admin', 'admin password 2025');
    reviewer = await cookieOf('he.reviewer', 'reviewer password 2025');
    chicagoAdmin = await cookieOf('chi.admin', 'admin password 2025');
  });
  afterAll(() => server.close());

  it('an admin creates an account; its one-time password works once and must be changed before anything else', async () => {
    const created = await call(admin, 'POST', '/api/console/staff', { username: 'feng.reviewer', displayName: '冯审核', role: 'reviewer' });
    expect(created.statusCode).toBe(201);
    const { staff, temporaryPassword } = created.json();
    expect(staff).toMatchObject({ username: 'feng.reviewer', displayName: '冯审核', role: 'reviewer', disabled: false, mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[a-zA-Z2-9]{14}$/);

    const signedIn = await signIn('feng.reviewer', temporaryPassword);
    expect(signedIn.json().staff).toMatchObject({ mustChangePassword: true, mission: { id: 'us-new-york' } });
    const cookie = signedIn.cookies.find((c) => c.name === 'cc_staff')!.value;
    const queue = await call(cookie, 'GET', '/api/console/queue');
    expect(queue.statusCode).toBe(403);
    expect(queue.json().error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });

    const wrong = await call(cookie, 'PUT', '/api/console/me/password', { currentPassword: 'not it at all', newPassword: 'my own password 1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: '原密码不正确' });
    const short = await call(cookie, 'PUT', '/api/console/me/password', { currentPassword: temporaryPassword, newPassword: 'short' });
    expect(short.json().error.fields).toEqual({ newPassword: '密码至少10个字符' });
    const same = await call(cookie, 'PUT', '/api/console/me/password', { currentPassword: temporaryPassword, newPassword: temporaryPassword });
    expect(same.json().error.fields).toEqual({ newPassword: '新密码不能与原密码相同' });

    expect((await call(cookie, 'PUT', '/api/console/me/password', { currentPassword: temporaryPassword, newPassword: 'my own password 1' })).statusCode).toBe(204);
    expect((await call(cookie, 'GET', '/api/console/queue')).statusCode).toBe(200);
    expect((await signIn('feng.reviewer', temporaryPassword)).statusCode).toBe(401);
    expect((await signIn('feng.reviewer', 'my own password 1')).json().staff.mustChangePassword).toBe(false);

    const audit = await server.db.selectFrom('audit_log').select(['action', 'actor_id', 'subject']).where('subject', '=', staff.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['staff.create', 'staff.password_change']);
  });

  it('bad input is a 400 with Chinese messages and creates nothing; a taken username (any case) too', async () => {
    const before = await server.db.selectFrom('staff').select('id').execute();
    const bad = await call(admin, 'POST', '/api/console/staff', { username: 'a b', displayName: ' ', role: 'reviewer' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ username: '用户名为3–64位字母、数字、点、横线或下划线', displayName: '请填写1–40个字的姓名' });
    const taken = await call(admin, 'POST', '/api/console/staff', { username: 'HE.Reviewer', displayName: '重名', role: 'reviewer' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual({ username: '该用户名已被使用' });
    expect((await call(admin, 'POST', '/api/console/staff', { username: 'x.role', displayName: '某', role: 'root' })).statusCode).toBe(400);
    expect(await server.db.selectFrom('staff').select('id').execute()).toHaveLength(before.length);
  });

  it('only admins manage accounts, and only of their own mission', async () => {
    expect((await call(reviewer, 'GET', '/api/console/staff')).statusCode).toBe(403);
    expect((await call(reviewer, 'POST', '/api/console/staff', { username: 'sneaky', displayName: '某', role: 'admin' })).statusCode).toBe(403);
    const list = await call(admin, 'GET', '/api/console/staff');
    const names = list.json().staff.map((s: { username: string }) => s.username);
    expect(names).toContain('he.reviewer');
    expect(names).not.toContain('chi.admin');
    const target = list.json().staff.find((s: { username: string }) => s.username === 'he.reviewer');
    expect((await call(chicagoAdmin, 'POST', `/api/console/staff/${target.id}/reset-password`)).statusCode).toBe(404);
    expect((await call(chicagoAdmin, 'PATCH', `/api/console/staff/${target.id}`, { disabled: true })).statusCode).toBe(404);
  });

  it('disabling ends the sessions and refuses sign-in; enabling and a reset bring the account back with a new one-time password', async () => {
    await server.createStaff({ username: 'chen.reviewer', password: 'chen password 2025', role: 'reviewer' });
    const cookie = await cookieOf('chen.reviewer', 'chen password 2025');
    const id = (await server.db.selectFrom('staff').select('id').where('username', '=', 'chen.reviewer').executeTakeFirstOrThrow()).id;
    const disabled = await call(admin, 'PATCH', `/api/console/staff/${id}`, { disabled: true });
    expect(disabled.json().staff).toMatchObject({ disabled: true });
    expect((await call(cookie, 'GET', '/api/console/me')).statusCode).toBe(401);
    expect((await signIn('chen.reviewer', 'chen password 2025')).json().error.code).toBe('STAFF_DISABLED');

    expect((await call(admin, 'PATCH', `/api/console/staff/${id}`, { disabled: false, role: 'supervisor' })).json().staff).toMatchObject({ disabled: false, role: 'supervisor' });
    const reset = await call(admin, 'POST', `/api/console/staff/${id}/reset-password`);
    expect(reset.json().staff.mustChangePassword).toBe(true);
    expect((await signIn('chen.reviewer', 'chen password 2025')).statusCode).toBe(401);
    expect((await signIn('chen.reviewer', reset.json().temporaryPassword)).json().staff).toMatchObject({ role: 'supervisor', mustChangePassword: true });

    const selfId = (await server.db.selectFrom('staff').select('id').where('username', '=', 'zhou.admin').executeTakeFirstOrThrow()).id;
    const self = await call(admin, 'PATCH', `/api/console/staff/${selfId}`, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toBe('不能停用自己的账号');
    const actions = await server.db.selectFrom('audit_log').select('action').where('subject', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['staff.update', 'staff.update', 'staff.password_reset']);
  });

  it('everyone changes their own password', async () => {
    expect((await call(reviewer, 'PUT', '/api/console/me/password', { currentPassword: 'reviewer password 2025', newPassword: 'a new reviewer password' })).statusCode).toBe(204);
    expect((await signIn('he.reviewer', 'a new reviewer password')).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PUT', url: '/api/console/me/password', payload: { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' } })).statusCode).toBe(401);
  });
});
