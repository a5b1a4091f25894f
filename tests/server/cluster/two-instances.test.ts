import { sql } from 'kysely';
import { sweepDrafts } from '../../../server/applications/draft-expiry';
import { createFileStore } from '../../../server/files/file-storage';
import { enqueueJob } from '../../../server/jobs/job-queue';
import { generatePiiKey } from '../../../server/security/pii-cipher';
import { createFreshPostgresDatabase, postgresUrl } from '../../helpers/fresh-database';
import { startS3Server, type TestS3Server } from '../../helpers/s3-server';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { client, images, residentId, verifiedCitizen } from '../applications/helpers';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';
import { orderWithOpenCall, missionDate, staffSession } from '../interviews/helpers';
import { prepay, sandboxConfirm, submittedOrder } from '../payments/helpers';

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: what a
 * citizen or staff member starts on one is continued on the other. Files live in S3 (a
 * real S3-protocol server) — and, in the last test, in PostgreSQL.
 */
jest.setTimeout(180_000);
const onPostgres = postgresUrl ? describe : describe.skip;

async function startPair(fileEnv: Record<string, string>) {
  const database = await createFreshPostgresDatabase(postgresUrl!);
  const piiKey = generatePiiKey();
  const env = { ...fileEnv, JOB_POLL_MS: '0', APPLICATION_DRAFT_SWEEP_MINUTES: '0', DATA_DIR: '/nonexistent-test-data-dir' };
  // Started together: both migrate the fresh database at once (the advisory lock serialises them).
  const [a, b] = await Promise.all([startTestServer({ sharedDatabaseUrl: database.url, piiKey, env }), startTestServer({ sharedDatabaseUrl: database.url, piiKey, env })]);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await database.drop();
    },
  };
}

onPostgres('two instances on one PostgreSQL, files in S3', () => {
  let s3: TestS3Server;
  let pair: Awaited<ReturnType<typeof startPair>>;
  let a: TestServer;
  let b: TestServer;
  let files: TestImages;

  beforeAll(async () => {
    s3 = await startS3Server();
    pair = await startPair(s3.env);
    ({ a, b } = pair);
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(async () => {
    await pair?.close();
    await s3?.close();
  });

  it('ran every migration once although both instances started together', async () => {
    const applied = await sql<{ name: string; n: string }>`select name, count(*) as n from schema_migrations group by name`.execute(a.db);
    expect(applied.rows.length).toBeGreaterThanOrEqual(8);
    expect(applied.rows.every((row) => Number(row.n) === 1)).toBe(true);
  });

  it('uploads on A and downloads on B; the object in the bucket is ciphertext', async () => {
    const onA = await verifiedCitizen(a, 'o_two_upload', { name: '李明', idType: 'resident_id', idNumber: residentId(401) });
    const id = await newDraft(onA);
    await walkRenewal(onA, id, files, { until: 'declaration' });
    const uploaded = await onA.upload(`/api/applications/${id}/documents/id_photo`, files.idPhoto);
    expect(uploaded.status).toBe(200);
    const onB = client(b, await b.loginCitizen('o_two_upload'));
    const back = await onB.download(`/api/applications/${id}/documents/id_photo`);
    expect(back.status).toBe(200);
    expect(back.type).toBe('image/jpeg');
    expect(back.data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);

    const row = await a.db.selectFrom('application_files').select('storage_key').where('application_id', '=', id).where('doc_id', '=', 'id_photo').executeTakeFirstOrThrow();
    const object = (await createFileStore(a.config, a.db).get(row.storage_key))!;
    expect(object.subarray(0, 4).toString()).toBe('CCF2');
    expect(object.includes(back.data.subarray(0, 64))).toBe(false);
  });

  it('takes a WeChat Pay notification on A; B shows the order paid', async () => {
    const order = await submittedOrder(a, files);
    await prepay(order);
    const sent = await sandboxConfirm(a, { outTradeNo: order.orderNo });
    expect(sent.body.notifications[0].status).toBe(204);
    const onB = client(b, await b.loginCitizen(order.openid));
    const payment = await onB.get(`/api/applications/${order.id}/payment`);
    expect(payment.body).toMatchObject({ state: 'paid' });
    expect((await onB.get(`/api/applications/${order.id}`)).body.status).toBe('submitted');
  });

  it('runs a job enqueued on A exactly once while both instances poll', async () => {
    const runs: string[] = [];
    a.app.jobRunner.register('test.cluster', async () => {
      runs.push('a');
    });
    b.app.jobRunner.register('test.cluster', async () => {
      runs.push('b');
    });
    await enqueueJob(a.db, { kind: 'test.cluster', payload: {} });
    await Promise.all([a.app.jobRunner.runDue(), b.app.jobRunner.runDue(), a.app.jobRunner.runDue(), b.app.jobRunner.runDue()]);
    expect(runs).toHaveLength(1);
    expect(await a.db.selectFrom('jobs').select('status').where('kind', '=', 'test.cluster').execute()).toEqual([{ status: 'done' }]);
  });

  it('relays interview signals between a reviewer on A and the citizen on B', async () => {
    const reviewer = await staffSession(a, 'ny.cluster', 'reviewer');
    const order = await orderWithOpenCall(a, files, 'o_two_call', reviewer, missionDate(6));
    const onB = client(b, await b.loginCitizen('o_two_call'));
    const ticketReply = await onB.post(`/api/applications/${order.id}/interview/call-ticket`);
    const ticket = new URL(ticketReply.body.path, 'http://x').searchParams.get('ticket')!;
    const joined = await b.app.inject({ method: 'POST', url: '/api/interview-calls/join', payload: { ticket } });
    const token = joined.json().token as string;
    const url = `/api/interview-calls/${order.callId}/signals`;

    // The citizen long-polls on B; the reviewer's offer is posted on A.
    const waiting = b.app.inject({ method: 'GET', url: `${url}?after=0&waitMs=10000`, headers: { authorization: `Bearer ${token}` } });
    const offer = await a.app.inject({ method: 'POST', url, cookies: { cc_staff: reviewer.cookie }, payload: { kind: 'offer', data: { type: 'offer', sdp: 'v=0 offer' } } });
    expect(offer.statusCode).toBe(200);
    expect((await waiting).json().signals).toEqual([expect.objectContaining({ from: 'staff', kind: 'offer' })]);
    // The answer goes the other way.
    expect((await b.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: { kind: 'answer', data: { type: 'answer', sdp: 'v=0 answer' } } })).statusCode).toBe(200);
    const forStaff = await a.app.inject({ method: 'GET', url: `${url}?after=0&waitMs=10000`, cookies: { cc_staff: reviewer.cookie } });
    expect(forStaff.json().signals.map((s: { kind: string }) => s.kind)).toEqual(['answer']);
  });

  it('expires and reminds each draft once when both instances sweep at the same moment', async () => {
    const drafts: string[] = [];
    for (const n of [1, 2, 3]) {
      const api = await verifiedCitizen(a, `o_two_sweep_${n}`, { name: '李明', idType: 'resident_id', idNumber: residentId(410 + n) });
      const id = await newDraft(api);
      await walkRenewal(api, id, files, { until: 'photo' });
      drafts.push(id);
    }
    const day = 24 * 3600_000;
    await a.db.updateTable('applications').set({ expires_at: new Date(Date.now() - 1000) }).where('id', 'in', drafts.slice(0, 2)).execute();
    await a.db.updateTable('applications').set({ expires_at: new Date(Date.now() + day) }).where('id', '=', drafts[2]).execute();
    const keys = (await a.db.selectFrom('application_files').select('storage_key').where('application_id', 'in', drafts.slice(0, 2)).execute()).map((f) => f.storage_key);
    expect(keys.length).toBeGreaterThan(0);

    const options = (server: TestServer) => ({ db: server.db, files: createFileStore(server.config, server.db), reminderDays: 3, templateId: server.config.wechat.templates.orderStatus });
    const [onA, onB] = await Promise.all([sweepDrafts(options(a)), sweepDrafts(options(b))]);
    expect(onA.expired + onB.expired).toBe(2);
    expect(onA.reminded + onB.reminded).toBe(1);

    const expiries = await a.db.selectFrom('application_history').select('application_id').where('action', '=', 'expire').where('application_id', 'in', drafts).execute();
    expect(expiries.map((h) => h.application_id).sort()).toEqual(drafts.slice(0, 2).sort());
    const reminders = await a.db.selectFrom('messages').select('application_id').where('application_id', 'in', drafts).where('title', '=', '申请草稿即将过期').execute();
    expect(reminders).toEqual([{ application_id: drafts[2] }]);
    const store = createFileStore(a.config, a.db);
    for (const key of keys) expect(await store.get(key)).toBeNull();
  });
});

onPostgres('two instances on one PostgreSQL, files in PostgreSQL', () => {
  it('uploads on A and downloads on B with nothing but the database in common', async () => {
    const pair = await startPair({ FILE_STORAGE: 'postgres' });
    try {
      const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
      const onA = await verifiedCitizen(pair.a, 'o_two_pg_upload', { name: '李明', idType: 'resident_id', idNumber: residentId(421) });
      const id = await newDraft(onA);
      await walkRenewal(onA, id, files, { until: 'declaration' });
      expect((await onA.upload(`/api/applications/${id}/documents/id_photo`, files.idPhoto)).status).toBe(200);
      const back = await client(pair.b, await pair.b.loginCitizen('o_two_pg_upload')).download(`/api/applications/${id}/documents/id_photo`);
      expect(back.status).toBe(200);
      const chunks = await pair.a.db.selectFrom('file_chunks').select('data').where('chunk_index', '=', 0).execute();
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(Buffer.from(chunk.data).subarray(0, 4).toString()).toBe('CCF2');
    } finally {
      await pair.close();
    }
  });
});
