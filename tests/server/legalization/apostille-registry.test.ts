/**
 * The apostille register in the console: CSV import (all rows or none, bad rows named by
 * line), the batches, looking records up and revoking — scoped like the legalization
 * registry: apostilles are issued at home, so only staff with the MFA role touch them.
 */
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { APOSTILLE_CSV_HEADER, csvOf, staffCookie } from './console-helpers';

jest.setTimeout(60_000);

interface ImportError {
  error: { code: string; message: string; lines: Array<{ line: number; message: string }>; lineCount: number };
}

describe.each(sqlOnlyKinds)('apostille register: console import, records and revocation (%s)', (database) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    admin = await staffCookie(server, { username: 'apostille.admin', role: 'admin', mfaLegalization: true });
  });
  afterAll(() => server.close());

  const importCsv = (rows: string[], cookie = admin, fileName?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/console/apostilles/imports',
      cookies: { cc_staff: cookie },
      payload: { csv: csvOf(rows, APOSTILLE_CSV_HEADER), fileName },
    });
  const count = async () => Number((await server.db.selectFrom('apostille_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const records = (query: string, cookie = admin) =>
    server.app.inject({ method: 'GET', url: `/api/console/apostilles/records?${query}`, cookies: { cc_staff: cookie } });

  it('imports a good file in one audited batch, with the fields the Convention register holds', async () => {
    const response = await importCsv(
      [
        'AP2024000101,2024-03-05,王小明,外交部领事司副司长,,mfa',
        'ap-2024-000102,2024/3/6,李华,广东省外事办公室主任,,广东省外事办公室',
        // An unsigned document: the seal's authority instead of a signer.
        'AP2024000103,2024-03-07,,,北京市公证处,fao-beijing',
      ],
      admin,
      'apostilles-march.csv',
    );
    expect(response.statusCode).toBe(201);
    const { batch } = response.json() as { batch: { id: string; rowCount: number; fileName: string } };
    expect(batch).toMatchObject({ rowCount: 3, fileName: 'apostilles-march.csv' });
    expect(await count()).toBe(3);

    const list = (await records(`batchId=${batch.id}`)).json() as { records: Array<Record<string, unknown>> };
    expect(list.records).toHaveLength(3);
    expect(list.records.find((r) => r.apostilleNo === 'AP2024000102')).toMatchObject({
      issuedOn: '2024-03-06',
      signerName: '李华',
      signerCapacity: '广东省外事办公室主任',
      sealOf: null,
      authorityId: 'fao-guangdong',
      authorityName: '广东省外事办公室',
      status: 'genuine',
    });
    expect(list.records.find((r) => r.apostilleNo === 'AP2024000103')).toMatchObject({ signerName: null, sealOf: '北京市公证处' });

    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'apostille.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: batch.id, mission_id: 'us-new-york' });

    // The batch list is the apostille register's own: legalization imports do not show here, nor these there.
    const batches = (await server.app.inject({ method: 'GET', url: '/api/console/apostilles/imports', cookies: { cc_staff: admin } })).json() as { batches: Array<{ id: string }> };
    expect(batches.batches.map((b) => b.id)).toEqual([batch.id]);
    const legalizationBatches = (await server.app.inject({ method: 'GET', url: '/api/console/legalization/imports', cookies: { cc_staff: admin } })).json() as { batches: unknown[] };
    expect(legalizationBatches.batches).toEqual([]);
  });

  it('imports nothing of a file with bad rows, naming each line and what is wrong', async () => {
    const before = await count();
    const response = await importCsv([
      'AP2024000201,2024-03-05,王小明,副司长,,mfa',
      'A1,2024-03-05,王小明,副司长,,mfa',
      'AP2024000203,2023-10-01,王小明,副司长,,mfa',
      'AP2024000204,2024-03-05,,,,mfa',
      'AP2024000205,2024-03-05,王小明,,,mfa',
      'AP2024000206,2024-03-05,王小明,副司长,,us-new-york',
      'AP2024000207,2024-03-05,王小明,副司长,,nowhere',
      'AP2024000201,2024-03-09,张三,处长,,mfa',
      'AP2024000101,2024-03-05,王小明,外交部领事司副司长,,mfa',
      'AP2024000210,2024-03-05,王小明,副司长,mfa',
    ]);
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as ImportError;
    expect(error.code).toBe('CSV_INVALID');
    const byLine = Object.fromEntries(error.lines.map((l) => [l.line, l.message]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 11]);
    expect(byLine[3]).toContain('附加证明书编号应为6至32位');
    expect(byLine[4]).toContain('2023年11月7日');
    expect(byLine[5]).toContain('请填写签署人姓名');
    expect(byLine[6]).toContain('签署身份');
    expect(byLine[7]).toContain('不签发附加证明书');
    expect(byLine[8]).toContain('不存在');
    expect(byLine[9]).toContain('与第 2 行重复');
    expect(byLine[11]).toContain('应有 6 列');
    expect(await count()).toBe(before);

    // The file alone was fine but a number is already registered: still nothing, and the line is named.
    const clash = await importCsv(['AP2024000301,2024-03-05,王小明,副司长,,mfa', 'AP2024000101,2024-03-05,王小明,外交部领事司副司长,,mfa']);
    expect(clash.statusCode).toBe(400);
    expect((clash.json() as ImportError).error.lines).toEqual([{ line: 3, message: '附加证明书编号 AP2024000101 已存在于认证登记库中' }]);
    expect(await count()).toBe(before);
  });

  it('revokes with a reason, audited; a second revocation changes nothing', async () => {
    const record = await server.db.selectFrom('apostille_records').select('id').where('apostille_no', '=', 'AP2024000101').executeTakeFirstOrThrow();
    const revoke = (reason: string) =>
      server.app.inject({ method: 'POST', url: `/api/console/apostilles/records/${record.id}/revoke`, cookies: { cc_staff: admin }, payload: { reason } });
    const empty = await revoke('  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { fields: { reason: '请填写撤销原因' } } });
    const revoked = await revoke('签署人无权签署');
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ apostilleNo: 'AP2024000101', status: 'revoked', revokedReason: '签署人无权签署' });
    expect((await revoke('再次撤销')).json()).toMatchObject({ revokedReason: '签署人无权签署' });
    const audit = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'apostille.revoke').execute();
    expect(audit).toHaveLength(1);
  });

  it('lets only admins with the MFA role write, and only MFA-role staff read', async () => {
    const plainAdmin = await staffCookie(server, { username: 'apostille.plain.admin', role: 'admin' });
    const plainSupervisor = await staffCookie(server, { username: 'apostille.plain.supervisor', role: 'supervisor' });
    const mfaSupervisor = await staffCookie(server, { username: 'apostille.mfa.supervisor', role: 'supervisor', mfaLegalization: true });
    const chicagoMfaAdmin = await staffCookie(server, { username: 'apostille.chicago.admin', role: 'admin', missionId: 'us-chicago', mfaLegalization: true });
    const reviewer = await staffCookie(server, { username: 'apostille.reviewer', role: 'reviewer', mfaLegalization: true });

    // Without the MFA role: the file is refused line by line, records are not found, revocation is 404.
    const refused = await importCsv(['AP2024000401,2024-03-05,王小明,副司长,,mfa'], plainAdmin);
    expect((refused.json() as ImportError).error.lines[0]).toEqual({ line: 2, message: '附加证明书只能由具有外交部认证权限的人员登记' });
    expect((await records('apostilleNo=AP2024000102', plainSupervisor)).json()).toEqual({ records: [] });
    expect((await records('apostilleNo=AP2024000102', mfaSupervisor)).json().records).toHaveLength(1);
    const target = await server.db.selectFrom('apostille_records').select(['id', 'status']).where('apostille_no', '=', 'AP2024000102').executeTakeFirstOrThrow();
    const revoke = (cookie: string) =>
      server.app.inject({ method: 'POST', url: `/api/console/apostilles/records/${target.id}/revoke`, cookies: { cc_staff: cookie }, payload: { reason: '试图撤销' } });
    expect((await revoke(plainAdmin)).statusCode).toBe(404);
    expect((await revoke(mfaSupervisor)).statusCode).toBe(403);
    expect((await revoke(reviewer)).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: `/api/console/apostilles/records/${target.id}/revoke`, payload: { reason: 'x' } })).statusCode).toBe(401);
    expect((await server.db.selectFrom('apostille_records').select('status').where('id', '=', target.id).executeTakeFirstOrThrow()).status).toBe('genuine');

    // Batches are listed per mission, as legalization batches are.
    const chicagoImport = await importCsv(['AP2024000501,2024-03-05,王小明,副司长,,mfa'], chicagoMfaAdmin);
    expect(chicagoImport.statusCode).toBe(201);
    const chicagoBatches = (await server.app.inject({ method: 'GET', url: '/api/console/apostilles/imports', cookies: { cc_staff: chicagoMfaAdmin } })).json() as { batches: Array<{ id: string }> };
    expect(chicagoBatches.batches).toHaveLength(1);
    const nyBatches = (await server.app.inject({ method: 'GET', url: '/api/console/apostilles/imports', cookies: { cc_staff: admin } })).json() as { batches: Array<{ id: string }> };
    expect(nyBatches.batches.map((b) => b.id)).not.toContain(chicagoBatches.batches[0].id);
  });
});
