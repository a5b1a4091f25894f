import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { csvOf, staffCookie } from './console-helpers';

/** Per hook and test: jest ignores testTimeout inside a project config; PGlite start-up and scrypt take seconds. */
jest.setTimeout(60_000);

describe.each(sqlOnlyKinds)('public legalization check (%s)', (database) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    admin = await staffCookie(server, { username: 'verify.admin', role: 'admin', mfaLegalization: true });
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports',
      cookies: { cc_staff: admin },
      payload: {
        csv: csvOf([
          'MFA2024100001,A10000001,mfa,education,2024-03-05',
          'MFA2024100002,A10000002,mfa,no_criminal_record,2024-03-06',
          'NY2024100003,A10000003,us-new-york,commercial,2024-04-01',
        ]),
      },
    });
    expect(imported.statusCode).toBe(201);
    const revokable = await server.db.selectFrom('legalization_records').select('id').where('legalization_no', '=', 'MFA2024100002').executeTakeFirstOrThrow();
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/console/legalization/records/${revokable.id}/revoke`,
      cookies: { cc_staff: admin },
      payload: { reason: '文书系伪造' },
    });
    expect(revoked.statusCode).toBe(200);
  });
  afterAll(() => server.close());

  /** Over real HTTP, as the mini-program calls it. */
  const verify = async (body: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}/api/legalization/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers genuine with the document type, date and authority — no login needed', async () => {
    const response = await verify({ legalizationNo: 'mfa-2024-100001', stickerNo: ' a10000001 ', authorityId: 'mfa' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      result: 'genuine',
      record: { documentType: 'education', documentTypeZh: '学历学位证明', issuedOn: '2024-03-05', authorityId: 'mfa', authorityName: '外交部领事司' },
    });
  });

  it('answers revoked (已撤销) with the revocation date but not the internal reason', async () => {
    const response = await verify({ legalizationNo: 'MFA2024100002', stickerNo: 'A10000002', authorityId: 'mfa' });
    expect(response.body).toMatchObject({ result: 'revoked', record: { documentType: 'no_criminal_record', revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(JSON.stringify(response.body)).not.toContain('伪造');
  });

  it('gives one and the same not_found for an unknown number, a wrong sticker and the wrong authority', async () => {
    const unknown = await verify({ legalizationNo: 'MFA2099999999', stickerNo: 'A10000001', authorityId: 'mfa' });
    const wrongSticker = await verify({ legalizationNo: 'MFA2024100001', stickerNo: 'A10000009', authorityId: 'mfa' });
    const otherRecordsSticker = await verify({ legalizationNo: 'MFA2024100001', stickerNo: 'A10000003', authorityId: 'mfa' });
    const wrongAuthority = await verify({ legalizationNo: 'NY2024100003', stickerNo: 'A10000003', authorityId: 'us-chicago' });
    for (const response of [unknown, wrongSticker, otherRecordsSticker, wrongAuthority]) {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ result: 'not_found' });
    }
    const right = await verify({ legalizationNo: 'NY2024100003', stickerNo: 'A10000003', authorityId: 'us-new-york' });
    expect(right.body).toMatchObject({ result: 'genuine', record: { authorityName: '中华人民共和国驻纽约总领事馆' } });
  });

  it('explains bad input per field with the shared domain messages', async () => {
    const response = await verify({ legalizationNo: '', stickerNo: '12', authorityId: 'no-such-office' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        fields: { legalizationNo: '请填写认证号', stickerNo: expect.stringContaining('贴纸号') },
      },
    });
    const unknownAuthority = await verify({ legalizationNo: 'MFA2024100001', stickerNo: 'A10000001', authorityId: 'no-such-office' });
    expect(unknownAuthority.body).toMatchObject({ error: { fields: { authorityId: '签署机关不在列表中，请重新选择' } } });
  });

  it('lists the issuing authorities with an ETag, and answers 304 to If-None-Match', async () => {
    const first = await fetch(`${server.baseUrl}/api/legalization/authorities`);
    expect(first.status).toBe(200);
    const { authorities } = (await first.json()) as { authorities: Array<{ id: string; kind: string }> };
    expect(authorities[0]).toMatchObject({ id: 'mfa', kind: 'ministry' });
    expect(authorities.filter((a) => a.kind === 'foreign_affairs_office')).toHaveLength(31);
    expect(authorities.filter((a) => a.kind === 'mission').map((a) => a.id)).toEqual(expect.arrayContaining(['us-washington', 'gb-london', 'ca-toronto']));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const second = await fetch(`${server.baseUrl}/api/legalization/authorities`, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });
});
