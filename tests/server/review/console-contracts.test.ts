/**
 * Issue #18, typed console contracts: the console's review responses are serialized through
 * their zod schemas (contracts/console-review.ts), so a field the record gains — personal
 * data in a job payload, an internal key in a photo finding — never reaches staff; documents
 * say which answered fields they prove; refused attempts are audited by their error code.
 */
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from './helpers';

jest.setTimeout(180_000);

describe.each(sqlOnlyKinds)('console contracts (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffClient;
  let supervisor: StaffClient;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await signedInStaff(ctx.server, 'contract.reviewer', 'reviewer');
    supervisor = await signedInStaff(ctx.server, 'contract.supervisor', 'supervisor');
  });
  afterAll(() => ctx.close());

  it('a job payload with personal data shows its ids and status only', async () => {
    const { id, orderNo } = await submittedOrder(ctx.server, files, 'o_contract_job');
    await ctx.server.db
      .insertInto('jobs')
      .values({
        kind: 'contract.test',
        mission_id: 'us-new-york',
        run_at: new Date(Date.now() + 86_400_000),
        payload: JSON.stringify({ applicationId: id, orderNo, status: 'submitted', openid: 'o_contract_job', applicantName: '李明', phone: '+12125550100' }),
      })
      .execute();
    const jobs = await reviewer.get('/api/console/jobs?status=pending');
    expect(jobs.status).toBe(200);
    const job = jobs.body.jobs.find((j: { kind: string }) => j.kind === 'contract.test');
    expect(job.payload).toEqual({ applicationId: id, orderNo, status: 'submitted' });
    expect(JSON.stringify(jobs.body)).not.toMatch(/o_contract_job|李明|2125550100/);
  });

  it('the application view sends the contract only: an extra key in a stored finding stays on the server', async () => {
    const { id } = await submittedOrder(ctx.server, files, 'o_contract_view');
    await ctx.server.db
      .updateTable('application_files')
      .set({ findings: JSON.stringify([{ code: 'blur', message: '照片模糊', severity: 'advice', internalScore: 0.42, faceBox: [1, 2, 3, 4] }]) as never })
      .where('application_id', '=', id)
      .where('doc_id', '=', 'id_photo')
      .execute();
    const view = await reviewer.get(`/api/console/applications/${id}`);
    expect(view.status).toBe(200);
    const photo = view.body.documents.find((d: { docId: string }) => d.docId === 'id_photo');
    expect(photo.findings).toEqual([{ code: 'blur', message: '照片模糊', severity: 'advice' }]);
    expect(JSON.stringify(view.body)).not.toMatch(/internalScore|faceBox|answers_enc|applicant_index/);
    // The passport page proves the answered passport number and expiry; the ID photo proves no field.
    const page = view.body.documents.find((d: { docId: string }) => d.docId === 'passport_data_page');
    expect(page.proves).toEqual(['currentPassportNumber', 'currentPassportExpiry']);
    expect(photo.proves).toEqual([]);
  });

  it('another mission\'s order: APPLICATION_NOT_FOUND, audited as a refusal; the audit log and assignment list are for supervisors', async () => {
    const { id } = await submittedOrder(ctx.server, files, 'o_contract_other', { missionId: 'us-chicago' });
    const refused = await reviewer.get(`/api/console/applications/${id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toEqual({ code: 'APPLICATION_NOT_FOUND', message: '未找到该申请' });
    const audit = await supervisor.get(`/api/console/audit-log?action=access.refused&subject=${id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0].detail).toMatchObject({ status: 404, code: 'APPLICATION_NOT_FOUND' });
    // An unknown route's 404 is not a refusal on an application.
    expect((await reviewer.get('/api/console/no-such-thing')).status).toBe(404);
    expect((await supervisor.get('/api/console/audit-log?action=access.refused&subject=no-such-thing')).body.entries).toHaveLength(0);
    expect((await reviewer.get('/api/console/audit-log')).status).toBe(403);
    const colleagues = await supervisor.get('/api/console/colleagues');
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.staff.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['contract.reviewer', 'contract.supervisor']));
    expect(colleagues.body.staff.every((s: Record<string, unknown>) => Object.keys(s).sort().join() === 'id,name,role')).toBe(true);
  });
});
