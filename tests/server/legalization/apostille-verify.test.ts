/**
 * The public apostille check (附加证明书查验): the same three answers as the legalization
 * check, the same answer for an unknown number and a wrong detail, and the same rate limit —
 * one budget for both checks, so alternating between them buys no extra guesses.
 */
import { apostilleQrPayload, parseApostilleQr } from '../../../miniprogram/domain/apostille';
import { databaseKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { APOSTILLE_CSV_HEADER, csvOf, staffCookie } from './console-helpers';

jest.setTimeout(60_000);

const MAX_PER_IP = 30;

describe.each(databaseKinds)('public apostille check (%s)', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      database,
      env: { LEGALIZATION_VERIFY_WINDOW_SECONDS: '600', LEGALIZATION_VERIFY_MAX_PER_IP: String(MAX_PER_IP), LEGALIZATION_VERIFY_MAX_PER_USER: '4' },
    });
    const admin = await staffCookie(server, { username: 'apostille.verify.admin', role: 'admin', mfaLegalization: true });
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/console/apostilles/imports',
      cookies: { cc_staff: admin },
      payload: {
        csv: csvOf(
          [
            'AP2024100001,2024-03-05,王小明,外交部领事司副司长,,mfa',
            'AP2024100002,2024-04-01,李华,广东省外事办公室主任,,fao-guangdong',
            'AP2024100003,2024-05-20,,,北京市公证处,fao-beijing',
          ],
          APOSTILLE_CSV_HEADER,
        ),
      },
    });
    expect(imported.statusCode).toBe(201);
    const revokable = await server.db.selectFrom('apostille_records').select('id').where('apostille_no', '=', 'AP2024100002').executeTakeFirstOrThrow();
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/console/apostilles/records/${revokable.id}/revoke`,
      cookies: { cc_staff: admin },
      payload: { reason: '签署人无权签署' },
    });
    expect(revoked.statusCode).toBe(200);
  });
  afterAll(() => server.close());

  let address = 0;
  /** Each test from its own address unless it says otherwise, so the limit test owns its budget. */
  const verify = (body: Record<string, unknown>, ip = `192.0.2.${++address}`, path = '/api/legalization/apostille/verify', headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: path, remoteAddress: ip, headers, payload: body });

  it('answers genuine with the register entry — number, date, signer, capacity, authority — without a login', async () => {
    const response = await verify({ apostilleNo: 'ap-2024-100001', issuedOn: '2024/3/5', authorityId: 'mfa' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      result: 'genuine',
      record: {
        apostilleNo: 'AP2024100001',
        issuedOn: '2024-03-05',
        signerName: '王小明',
        signerCapacity: '外交部领事司副司长',
        sealOf: null,
        authorityId: 'mfa',
        authorityName: '外交部领事司',
      },
    });
    const sealed = await verify({ apostilleNo: 'AP2024100003', issuedOn: '2024-05-20', authorityId: 'fao-beijing' });
    expect(sealed.json()).toMatchObject({ result: 'genuine', record: { signerName: null, signerCapacity: null, sealOf: '北京市公证处' } });
  });

  it('answers the fields a scanned QR code carries exactly as typed ones', async () => {
    const scanned = parseApostilleQr(apostilleQrPayload({ apostilleNo: 'AP2024100001', issuedOn: '2024-03-05', authorityId: 'mfa' }));
    if (!scanned.ok) throw new Error(scanned.message);
    const response = await verify({ ...scanned.value });
    expect(response.json()).toMatchObject({ result: 'genuine', record: { apostilleNo: 'AP2024100001' } });
  });

  it('answers revoked with the day, not the internal reason', async () => {
    const response = await verify({ apostilleNo: 'AP2024100002', issuedOn: '2024-04-01', authorityId: 'fao-guangdong' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { result: string; record: { revokedOn: string } };
    expect(body.result).toBe('revoked');
    expect(body.record.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(body)).not.toContain('无权');
  });

  it('gives one and the same answer for an unknown number, a wrong date and a wrong authority', async () => {
    const answers = await Promise.all([
      verify({ apostilleNo: 'AP2099999999', issuedOn: '2024-03-05', authorityId: 'mfa' }),
      verify({ apostilleNo: 'AP2024100001', issuedOn: '2024-03-06', authorityId: 'mfa' }),
      verify({ apostilleNo: 'AP2024100001', issuedOn: '2024-03-05', authorityId: 'fao-beijing' }),
      // A revoked apostille with a wrong date says nothing about the revocation either.
      verify({ apostilleNo: 'AP2024100002', issuedOn: '2024-04-02', authorityId: 'fao-guangdong' }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toBe('{"result":"not_found"}');
    }
  });

  it('refuses bad fields with the page’s own Chinese messages, and a mission as issuing authority', async () => {
    const bad = await verify({ apostilleNo: 'A1', issuedOn: '2023-01-05' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: {
          apostilleNo: '附加证明书编号应为6至32位数字或字母，请按证书上的编号填写',
          issuedOn: '我国自2023年11月7日起签发附加证明书，此前的文书办理的是领事认证',
          authorityId: '请选择签发机关',
        },
      },
    });
    for (const authorityId of ['us-new-york', 'nowhere']) {
      const mission = await verify({ apostilleNo: 'AP2024100001', issuedOn: '2024-03-05', authorityId });
      expect(mission.statusCode).toBe(400);
      expect(mission.json()).toMatchObject({ error: { fields: { authorityId: '该机关不签发附加证明书，请选择外交部或地方外事办公室' } } });
    }
  });

  it('shares one rate limit with the legalization check, per address and per citizen', async () => {
    const ip = '203.0.113.99';
    const apostille = { apostilleNo: 'AP2099999999', issuedOn: '2024-03-05', authorityId: 'mfa' };
    const legalization = { legalizationNo: 'MFA2024000001', stickerNo: 'S00000001', authorityId: 'mfa' };
    // Half of the budget on each check; malformed guesses count too.
    for (let i = 0; i < MAX_PER_IP / 2; i++) expect((await verify(apostille, ip)).statusCode).toBe(200);
    for (let i = 0; i < MAX_PER_IP / 2 - 1; i++) expect((await verify(legalization, ip, '/api/legalization/verify')).statusCode).toBe(200);
    expect((await verify({ apostilleNo: 'x' }, ip)).statusCode).toBe(400);
    const limited = await verify(apostille, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await verify(legalization, ip, '/api/legalization/verify')).statusCode).toBe(429);

    const token = await server.loginCitizen('o_apostille_limited');
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 4; i++) expect((await verify(apostille, undefined, undefined, auth)).statusCode).toBe(200);
    expect((await verify(apostille, undefined, undefined, auth)).statusCode).toBe(429);
  });
});
