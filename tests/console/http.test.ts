/**
 * The console's request wrapper, against a stubbed fetch: how server answers become
 * values, ApiErrors and the jump to the login page. (The browser test covers the happy
 * path against the real server; these cover the answers that are hard to provoke there.)
 */
import { ApiError, BAD_RESPONSE, NETWORK_ERROR, request, setUnauthorizedHandler } from '../../console/src/api/http';
import { afterLoginTarget, loginRedirect } from '../../console/src/router/locations';
import { zhCN } from '../../console/src/locale/zh-CN';

const realFetch = globalThis.fetch;
let calls: { url: string; init: RequestInit }[];
let onUnauthorized: jest.Mock;

function answer(status: number, body?: unknown, contentType = 'application/json') {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': contentType } });
  }) as typeof fetch;
}

beforeEach(() => {
  calls = [];
  onUnauthorized = jest.fn();
  setUnauthorizedHandler(onUnauthorized);
});

afterAll(() => {
  globalThis.fetch = realFetch;
});

test('sends JSON on the same origin with the session cookie and returns the body', async () => {
  answer(200, { ok: true });
  await expect(request('/api/console/session', { method: 'POST', body: { username: 'a' } })).resolves.toEqual({ ok: true });
  expect(calls[0].url).toBe('/api/console/session');
  expect(calls[0].init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"username":"a"}' });
  expect((calls[0].init.headers as Record<string, string>)['content-type']).toBe('application/json');
});

test('204 resolves to undefined', async () => {
  answer(204);
  await expect(request('/api/console/session', { method: 'DELETE' })).resolves.toBeUndefined();
});

test("an error body becomes an ApiError with the server's code and message", async () => {
  answer(403, { error: { code: 'STAFF_DISABLED', message: '账号已停用', fields: { username: 'x' } } });
  const error = await request('/x').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 403, code: 'STAFF_DISABLED', message: '账号已停用', fields: { username: 'x' } });
  expect(onUnauthorized).not.toHaveBeenCalled();
});

test('401 goes to the login page unless the caller handles it', async () => {
  answer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  await expect(request('/api/console/missions')).rejects.toMatchObject({ status: 401 });
  expect(onUnauthorized).toHaveBeenCalledTimes(1);

  await expect(request('/api/console/session', { method: 'POST', body: {}, redirectOnUnauthorized: false })).rejects.toMatchObject({
    code: 'UNAUTHENTICATED',
  });
  expect(onUnauthorized).toHaveBeenCalledTimes(1);
});

test('answers without our error body get a generic message and an HTTP_ code', async () => {
  answer(502, '<html>Bad Gateway</html>', 'text/html');
  await expect(request('/x')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: zhCN.errors.unexpected });
  answer(429, { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' });
  await expect(request('/x')).rejects.toMatchObject({ status: 429, code: 'HTTP_429' });
});

test('a success that is not JSON, and a failed connection, are ApiErrors too', async () => {
  answer(200, '<html>login portal</html>', 'text/html');
  await expect(request('/x')).rejects.toMatchObject({ code: BAD_RESPONSE });
  globalThis.fetch = (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  await expect(request('/x')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR, message: zhCN.errors.network });
});

describe('login redirects', () => {
  test('remember the page, except the home page', () => {
    expect(loginRedirect('/account')).toEqual({ name: 'login', query: { redirect: '/account' } });
    expect(loginRedirect('/')).toEqual({ name: 'login' });
  });

  test('return only to paths inside the console', () => {
    expect(afterLoginTarget('/account')).toBe('/account');
    expect(afterLoginTarget('//evil.example/x')).toEqual({ name: 'missions' });
    expect(afterLoginTarget('https://evil.example')).toEqual({ name: 'missions' });
    expect(afterLoginTarget(['/account'])).toEqual({ name: 'missions' });
    expect(afterLoginTarget(undefined)).toEqual({ name: 'missions' });
  });
});
