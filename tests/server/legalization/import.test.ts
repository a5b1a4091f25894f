import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { csvOf, CSV_HEADER, staffCookie } from './console-helpers';

/** Per hook and test: jest ignores testTimeout inside a project config; PGlite start-up and scrypt take seconds. */
jest.setTimeout(60_000);

interface ImportError {
  error: { code: string; message: string; lines: Array<{ line: number; message: string }>; lineCount: number };
}

describe.each(sqlOnlyKinds)('legalization registry: console import and records (%s)', (database) => {
  let server: TestServer;
  let admin: string;
  let supervisor: string;
  let reviewer: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    admin = await staffCookie(server, { username: 'legal.admin', role: 'admin', mfaLegalization: true });
    supervisor = await staffCookie(server, { username: 'legal.supervisor', role: 'supervisor', mfaLegalization: true });
    reviewer = await staffCookie(server, { username: 'legal.reviewer', role: 'reviewer' });
  });
  afterAll(() => server.close());

  const importCsv = (csv: string, cookie = admin, fileName?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports',
      cookies: { cc_staff: cookie },
      payload: { csv, fileName },
    });
  const count = async () =>
    Number((await server.db.selectFrom('legalization_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('imports a good file in one batch, audited, and lists it', async () => {
    const response = await importCsv(
      csvOf([
        'MFA2024000101,S10000001,mfa,education,2024-03-05',
        'GD2024000102,S10000002,fao-guangdong,civil_status,2024-03-06',
        '"NY-2024-000103","S10000003",us-new-york,"委托书",2024-04-01',
      ]),
      admin,
      'march.csv',
    );
    expect(response.statusCode).toBe(201);
    const { batch } = response.json() as { batch: { id: string; rowCount: number; fileName: string } };
    expect(batch).toMatchObject({ rowCount: 3, fileName: 'march.csv' });
    expect(await count()).toBe(3);

    const records = await server.app.inject({ method: 'GET', url: `/api/console/legalization/records?batchId=${batch.id}`, cookies: { cc_staff: supervisor } });
    expect(records.statusCode).toBe(200);
    const list = (records.json() as { records: Array<Record<string, unknown>> }).records;
    expect(list).toHaveLength(3);
    expect(list.find((r) => r.legalizationNo === 'NY2024000103')).toMatchObject({
      stickerNoMasked: '*****0003',
      documentType: 'power_of_attorney',
      authorityName: '中华人民共和国驻纽约总领事馆',
      issuedOn: '2024-04-01',
      status: 'genuine',
    });
    // The sticker number itself is not stored, only its keyed hash.
    const raw = await server.db.selectFrom('legalization_records').selectAll().where('legalization_no', '=', 'NY2024000103').executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain('S10000003');

    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'legalization.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: batch.id, mission_id: 'us-new-york' });

    const batches = await server.app.inject({ method: 'GET', url: '/api/console/legalization/imports', cookies: { cc_staff: admin } });
    expect((batches.json() as { batches: unknown[] }).batches).toHaveLength(1);
  });

  it('imports nothing of a file with one bad row, and names its line', async () => {
    const before = await count();
    const response = await importCsv(
      csvOf([
        'MFA2024000201,S20000001,mfa,education,2024-03-05',
        'MFA2024000202,S20000002,mfa,education,2024-03-05',
        'MFA2024000203,S2,mfa,education,2024-03-05',
        'MFA2024000204,S20000004,mfa,education,2024-03-05',
      ]),
    );
    expect(response.statusCode).toBe(400);
    const body = response.json() as ImportError;
    expect(body.error).toMatchObject({ code: 'CSV_INVALID', lineCount: 1 });
    expect(body.error.message).toContain('未导入任何记录');
    expect(body.error.lines).toEqual([{ line: 4, message: expect.stringContaining('贴纸号') }]);
    expect(await count()).toBe(before);
  });

  it('reports duplicates inside the file and against the registry with line numbers', async () => {
    const before = await count();
    const response = await importCsv(
      csvOf([
        'MFA2024000301,S30000001,mfa,education,2024-03-05',
        'MFA2024000101,S30000002,mfa,education,2024-03-05', // number already imported
        'MFA2024000301,S30000003,mfa,education,2024-03-05', // number repeats line 2
        'MFA2024000304,S30000001,mfa,education,2024-03-05', // sticker repeats line 2
        'MFA2024000305,S10000002,fao-guangdong,education,2024-03-05', // sticker already imported
      ]),
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as ImportError;
    // In-file duplicates are found first; the registry is checked once the file itself is clean.
    expect(error.lines).toEqual([
      { line: 4, message: expect.stringMatching(/认证号 MFA2024000301 与第 2 行重复/) },
      { line: 5, message: expect.stringMatching(/贴纸号与第 2 行重复/) },
    ]);

    const againstRegistry = await importCsv(
      csvOf([
        'MFA2024000301,S30000001,mfa,education,2024-03-05',
        'MFA2024000101,S30000002,mfa,education,2024-03-05',
        'MFA2024000305,S10000002,fao-guangdong,education,2024-03-05',
      ]),
    );
    expect(againstRegistry.statusCode).toBe(400);
    expect((againstRegistry.json() as ImportError).error.lines).toEqual([
      { line: 3, message: expect.stringMatching(/认证号 MFA2024000101.*已存在/) },
      { line: 4, message: expect.stringMatching(/贴纸号已存在/) },
    ]);
    expect(await count()).toBe(before);
  });

  it('explains a GBK file sent as text/csv, and imports the same file saved as UTF-8 with a BOM', async () => {
    // "认证号,贴纸号,签署机关,文书类型,认证日期" as Excel saves it on a Chinese Windows: GBK.
    const gbkHeader = Buffer.from('c8cfd6a4bac52cccf9d6bdbac52cc7a9caf0bbfab9d82ccec4cae9c0e0d0cd2cc8cfd6a4c8d5c6da', 'hex');
    expect(new TextDecoder('gbk').decode(gbkHeader)).toBe('认证号,贴纸号,签署机关,文书类型,认证日期');
    const row = Buffer.from('\r\nMFA2024000401,S40000001,mfa,education,2024-03-05\r\n');
    const before = await count();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports?fileName=gbk.csv',
      cookies: { cc_staff: admin },
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.concat([gbkHeader, row]),
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as ImportError;
    expect(error.code).toBe('CSV_ENCODING');
    expect(error.message).toContain('UTF-8');
    expect(error.message).toContain('GBK');
    expect(error.lines).toEqual([{ line: 1, message: expect.any(String) }]);
    expect(await count()).toBe(before);

    // A console that read the file as UTF-8 text sends replacement characters in JSON: same answer.
    const asJson = await importCsv(new TextDecoder('utf-8').decode(Buffer.concat([gbkHeader, row])));
    expect((asJson.json() as ImportError).error.code).toBe('CSV_ENCODING');

    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('认证号,贴纸号,签署机关,文书类型,认证日期'), row]);
    const good = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports?fileName=utf8.csv',
      cookies: { cc_staff: admin },
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: utf8,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ batch: { rowCount: 1, fileName: 'utf8.csv' } });
  });

  it('reports a header it does not know and an empty file', async () => {
    const badHeader = await importCsv('number,sticker\n1,2\n');
    expect((badHeader.json() as ImportError).error.lines[0]).toMatchObject({ line: 1, message: expect.stringContaining('number') });
    const empty = await importCsv(CSV_HEADER + '\n');
    expect((empty.json() as ImportError).error.lines[0].message).toContain('没有数据行');
  });

  it('adds a single record and revokes it with a reason, both audited', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/records',
      cookies: { cc_staff: admin },
      payload: { legalizationNo: 'BJ2024000501', stickerNo: 'S50000001', authorityId: 'fao-beijing', documentType: 'kinship', issuedOn: '2024-05-01' },
    });
    expect(created.statusCode).toBe(201);
    const record = created.json() as { id: string; status: string; authorityName: string };
    expect(record).toMatchObject({ status: 'genuine', authorityName: '北京市外事办公室' });

    const again = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/records',
      cookies: { cc_staff: admin },
      payload: { legalizationNo: 'BJ2024000501', stickerNo: 'S50000009', authorityId: 'fao-beijing', documentType: 'kinship', issuedOn: '2024-05-01' },
    });
    expect(again.statusCode).toBe(409);

    const invalid = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/records',
      cookies: { cc_staff: admin },
      payload: { legalizationNo: 'x', stickerNo: 'S50000002', authorityId: 'fao-beijing', documentType: 'kinship', issuedOn: '2999-01-01' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { legalizationNo: expect.any(String), issuedOn: expect.any(String) } } });

    const noReason = await server.app.inject({
      method: 'POST',
      url: `/api/console/legalization/records/${record.id}/revoke`,
      cookies: { cc_staff: admin },
      payload: { reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/console/legalization/records/${record.id}/revoke`,
      cookies: { cc_staff: admin },
      payload: { reason: '原公证书已被公证处撤销' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: '原公证书已被公证处撤销', revokedAt: expect.any(String) });

    const actions = (await server.db.selectFrom('audit_log').select('action').where('subject', '=', record.id).execute()).map((r) => r.action);
    expect(actions.sort()).toEqual(['legalization.create', 'legalization.revoke']);
  });

  it('lets only admins write: reviewer and supervisor 403, no cookie 401', async () => {
    const csv = csvOf(['MFA2024000601,S60000001,mfa,education,2024-03-05']);
    expect((await importCsv(csv, reviewer)).statusCode).toBe(403);
    expect((await importCsv(csv, supervisor)).statusCode).toBe(403);
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/console/legalization/imports', payload: { csv } });
    expect(anonymous.statusCode).toBe(401);
    const reviewerReads = await server.app.inject({ method: 'GET', url: '/api/console/legalization/records?legalizationNo=x', cookies: { cc_staff: reviewer } });
    expect(reviewerReads.statusCode).toBe(403);
    const citizen = await server.loginCitizen('o_legal_probe');
    const asCitizen = await server.app.inject({
      method: 'POST',
      url: '/api/console/legalization/imports',
      headers: { authorization: `Bearer ${citizen}` },
      payload: { csv },
    });
    expect(asCitizen.statusCode).toBe(401);
  });

  it('does not let one mission revoke another mission’s legalization', async () => {
    const chicagoAdmin = await staffCookie(server, { username: 'chicago.admin', role: 'admin', missionId: 'us-chicago' });
    const nyRecord = await server.db.selectFrom('legalization_records').select('id').where('authority_id', '=', 'us-new-york').executeTakeFirstOrThrow();
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/console/legalization/records/${nyRecord.id}/revoke`,
      cookies: { cc_staff: chicagoAdmin },
      payload: { reason: '试图撤销' },
    });
    expect(response.statusCode).toBe(404);
    const imported = await importCsv(csvOf(['NY2024000701,S70000001,us-new-york,education,2024-03-05']), chicagoAdmin);
    expect((imported.json() as ImportError).error.lines[0].message).toContain('其他使领馆');
  });

  it('scopes reads and writes by the issuing mission; MFA and provincial records only with the MFA role', async () => {
    const chicagoAdmin = await staffCookie(server, { username: 'chicago.admin2', role: 'admin', missionId: 'us-chicago' });
    const chicagoBatch = await importCsv(csvOf(['CH2024000801,S80000001,us-chicago,education,2024-03-05']), chicagoAdmin);
    expect(chicagoBatch.statusCode).toBe(201);
    const batchId = (chicagoBatch.json() as { batch: { id: string } }).batch.id;
    const nySupervisor = await staffCookie(server, { username: 'ny.supervisor.plain', role: 'supervisor' });
    const read = (query: string, cookie: string) =>
      server.app.inject({ method: 'GET', url: `/api/console/legalization/records?${query}`, cookies: { cc_staff: cookie } });
    // Another mission's records: not by number, not by batch id.
    expect((await read('legalizationNo=CH2024000801', nySupervisor)).json()).toEqual({ records: [] });
    expect((await read(`batchId=${batchId}`, nySupervisor)).json()).toEqual({ records: [] });
    expect((await read('legalizationNo=CH2024000801', chicagoAdmin)).json().records).toHaveLength(1);
    // MFA records: only with the MFA role.
    expect((await read('legalizationNo=MFA2024000101', nySupervisor)).json()).toEqual({ records: [] });
    expect((await read('legalizationNo=MFA2024000101', supervisor)).json().records).toHaveLength(1);
    const nyAdmin = await staffCookie(server, { username: 'ny.admin.plain', role: 'admin' });
    const mfaRecord = await server.db.selectFrom('legalization_records').select('id').where('authority_id', '=', 'mfa').executeTakeFirstOrThrow();
    const revoke = await server.app.inject({
      method: 'POST',
      url: `/api/console/legalization/records/${mfaRecord.id}/revoke`,
      cookies: { cc_staff: nyAdmin },
      payload: { reason: '试图撤销外交部的认证' },
    });
    expect(revoke.statusCode).toBe(404);
    expect((await server.db.selectFrom('legalization_records').select('status').where('id', '=', mfaRecord.id).executeTakeFirstOrThrow()).status).toBe('genuine');
    const imported = await importCsv(csvOf(['MFA2024000901,S90000001,mfa,education,2024-03-05']), nyAdmin);
    expect((imported.json() as ImportError).error.lines[0].message).toContain('外交部认证权限');
  });
});
