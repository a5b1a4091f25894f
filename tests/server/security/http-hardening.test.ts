import { sql } from 'kysely';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { staffCookie } from '../legalization/console-helpers';

/** Cross-site requests, security headers, proxy trust and what reaches the log. */
describe('HTTP hardening', () => {
  let server: TestServer;
  let behindProxy: TestServer;
  const log: string[] = [];
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line: string) => void log.push(line) } });
    behindProxy = await startTestServer({ env: { TRUST_PROXY: '127.0.0.1' } });
    admin = await staffCookie(server, { username: 'csrf.admin', role: 'admin' });
  });
  afterAll(async () => {
    await server.close();
    await behindProxy.close();
  });

  const addRecord = (headers: Record<string, string>, payload: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/records',
      cookies: { cc_staff: admin },
      headers,
      payload,
    });
  const record = JSON.stringify({ legalizationNo: 'NY20240001', stickerNo: 'S7654321', authorityId: 'us-new-york', documentType: 'education', issuedOn: '2024-03-05' });

  it('refuses state-changing console requests from another site, even with the admin cookie', async () => {
    const otherPort = await addRecord({ 'content-type': 'application/json', origin: 'http://127.0.0.1:9999' }, record);
    expect(otherPort.statusCode).toBe(403);
    expect(otherPort.json()).toEqual({ error: { code: 'CROSS_SITE_REQUEST', message: '请求来源不受信任，请在控制台页面内操作' } });
    const sameSite = await addRecord({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, record);
    expect(sameSite.statusCode).toBe(403);
    // A forged "simple" request (text/plain) is refused whatever its origin says.
    const plain = await addRecord({ 'content-type': 'text/plain' }, record);
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error.message).toMatch(/JSON/);
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports',
      cookies: { cc_staff: admin },
      headers: { 'content-type': 'text/plain' },
      payload: 'legalization_no,sticker_no,authority_id,document_type,issued_on\r\nNY20240002,S7654322,us-new-york,education,2024-03-05\r\n',
    });
    expect(imported.statusCode).toBe(415);
    expect(await server.db.selectFrom('legalization_records').select('id').execute()).toHaveLength(0);
  });

  it('accepts the console page itself (same origin, JSON)', async () => {
    const origin = new URL(server.baseUrl).origin;
    const response = await fetch(`${server.baseUrl}/api/console/legalization/records`, {
      method: 'POST',
      headers: { cookie: `cc_staff=${admin}`, 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' },
      body: record,
    });
    expect(response.status).toBe(201);
  });

  it('sends security headers on the API and the console; the call page keeps its own CSP', async () => {
    const api = await fetch(`${server.baseUrl}/api/missions`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('referrer-policy')).toBe('same-origin');
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(api.headers.get('strict-transport-security')).toBeNull(); // production only
    const consolePage = await fetch(`${server.baseUrl}/console/`);
    expect(consolePage.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(consolePage.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    // No TRUST_PROXY: the header is ignored, so rotating it does not rotate the address.
    const direct = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(direct.statusCode).toBe(401);
    const directRow = await server.db.selectFrom('staff_login_failures').select('ip').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(directRow.ip).toBe('127.0.0.1');
    // TRUST_PROXY=127.0.0.1: the proxy's header names the client.
    await fetch(`${behindProxy.baseUrl}/api/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    const proxiedRow = await behindProxy.db.selectFrom('staff_login_failures').select('ip').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(proxiedRow.ip).toBe('203.0.113.9');
  });

  it('keeps call tickets, search terms, identity data and database parameters out of the log', async () => {
    log.length = 0;
    await fetch(`${server.baseUrl}/interview/call?ticket=TICKET-SECRET-42`);
    await fetch(`${server.baseUrl}/api/console/queue?q=440524188001010014`, { headers: { cookie: `cc_staff=${admin}` } });
    const token = await server.loginCitizen('o_log_probe');
    await fetch(`${server.baseUrl}/api/me/identity`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '张秘密', idType: 'resident_id', idNumber: '440524188001010015', phone: '13800138000' }),
    });
    // A real database error carrying personal data in its parameters, logged as the error handler does.
    const failure = await sql`select ${'张秘密 13800138000'}::int`.execute(server.db).catch((error: unknown) => error);
    server.app.log.error(failure);
    const text = log.join('\n');
    expect(text).toContain('/interview/call?ticket=…');
    expect(text).toContain('invalid input syntax');
    for (const secret of ['TICKET-SECRET-42', '440524188001010014', '440524188001010015', '张秘密', '13800138000', token, admin]) {
      expect(text).not.toContain(secret);
    }
  });
});
