import { ERROR_CODES, isErrorCode } from '../../../miniprogram/domain/error-codes';
import { frameworkErrorCode } from '../../../server/http/api-error';
import { startTestServer, TestServer } from '../../helpers/test-server';

/**
 * The one table of error codes: ApiError takes only its codes (tsc checks every throw), and
 * what Fastify, its body parsers and zod raise reaches the caller as one of them too — a
 * front end switching on `error.code` never meets FST_ERR_… or a code it has no case for.
 */
describe('error codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the table has no code twice, all in CONSTANT_CASE', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('maps every framework status onto a code of the table', () => {
    for (let status = 400; status < 500; status++) expect(isErrorCode(frameworkErrorCode(status))).toBe(true);
  });

  it.each([
    ['a body that is not JSON', { method: 'PUT', url: '/api/me/identity', headers: { 'content-type': 'application/json' }, payload: '{"name":' }, 400, 'BAD_REQUEST'],
    ['a body type no route takes', { method: 'PUT', url: '/api/me/identity', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', { method: 'PUT', url: '/api/me/identity', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(1100 * 1024) }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a URL that does not decode', { method: 'GET', url: '/api/missions/%FF' }, 400, 'BAD_REQUEST'],
    ['an unknown route', { method: 'GET', url: '/api/no-such-thing' }, 404, 'NOT_FOUND'],
    ['a query that fails its schema', { method: 'GET', url: '/api/info/news?limit=abc' }, 400, 'VALIDATION_FAILED'],
    ['no session', { method: 'GET', url: '/api/me' }, 401, 'UNAUTHENTICATED'],
  ] as const)('%s → %s %s', async (_what, request, status, code) => {
    const response = await server.app.inject({ ...request, headers: { ...('headers' in request ? request.headers : {}) } });
    expect(response.statusCode).toBe(status);
    const body = response.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(isErrorCode(body.error.code)).toBe(true);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
