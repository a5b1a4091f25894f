import fs from 'node:fs';
import path from 'node:path';
import {
  DRAFT_SWEEP_JOB,
  deleteExpiredDraftFiles,
  expireDueDrafts,
  reminderDate,
  remindExpiringDrafts,
  sweepDrafts,
} from '../../../server/applications/draft-expiry';
import { createLocalFileStore } from '../../../server/files/local-file-store';
import { JobRunner } from '../../../server/jobs/job-queue';
import { databaseKinds } from '../../helpers/fresh-database';
import { until } from '../../helpers/until';
import { images, residentId, startApplicationsServer, verifiedCitizen, type Client } from './helpers';
import { newDraft, type TestImages, walkRenewal } from './walk';

jest.setTimeout(120_000);

const DAY = 86_400_000;

describe('reminderDate', () => {
  it('reads the expiry in the mission’s time zone', () => {
    const at = new Date('2025-07-01T03:00:00Z');
    expect(reminderDate(at, 'America/New_York')).toBe('2025年6月30日');
    expect(reminderDate(at, 'Asia/Tokyo')).toBe('2025年7月1日');
    expect(reminderDate(at, 'Europe/London', false)).toBe('7月1日');
  });
});

describe.each(databaseKinds)('draft expiry: reminders, sweep, files (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let person = 300;
  beforeAll(async () => {
    // The job runner is driven by the tests; reminders 3 days ahead (the default).
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => ctx.close());

  const db = () => ctx.server.db;
  const templateId = () => ctx.server.config.wechat.templates.orderStatus;
  const sweepOptions = () => ({ db: db(), files: createLocalFileStore(path.join(ctx.dataDir, 'files')), reminderDays: 3, templateId: templateId() });
  const citizen = (openid: string) => verifiedCitizen(ctx.server, openid, { name: '赵六', idType: 'resident_id', idNumber: residentId(++person) });
  const setExpiry = (id: string, at: Date) => db().updateTable('applications').set({ expires_at: at }).where('id', '=', id).execute();
  const messagesOf = async (api: Client) => (await api.get('/api/messages?limit=50')).body.messages as Array<{ applicationId: string; title: string; body: string; status: string; kind: string }>;
  const subscribeMessages = async (openid: string) => {
    const response = await fetch(`${ctx.server.sandboxUrl}/sandbox/subscribe-messages?touser=${openid}`);
    return ((await response.json()) as { messages: Array<{ data: Record<string, { value: string }> }> }).messages;
  };
  const grantQuota = async (api: Client) => {
    const granted = await api.post('/api/subscriptions', { templateIds: [templateId()], accepted: [templateId()] });
    expect(granted.status).toBe(200);
  };

  it('reminds once, N days before expiry: one message in 消息中心 and one subscription message (quota permitting), through the recurring job', async () => {
    const api = await citizen('o_dx_remind');
    await grantQuota(api);
    const id = await newDraft(api);
    const later = await newDraft(api); // 30 days left: not yet
    const expiresAt = new Date(Date.now() + 2 * DAY);
    await setExpiry(id, expiresAt);

    // The recurring job, as the runner's poll schedules it: one job per slot, whoever offers it.
    const runner = ctx.server.app.jobRunner;
    const other = new JobRunner(db(), {}, { pollMs: 0, recurring: [{ kind: DRAFT_SWEEP_JOB, everyMs: 3_600_000 }] });
    const now = new Date();
    await other.scheduleRecurring(now);
    await other.scheduleRecurring(now);
    const slots = await db().selectFrom('jobs').select(['id', 'dedupe_key', 'run_at']).where('kind', '=', DRAFT_SWEEP_JOB).execute();
    expect(slots).toHaveLength(1);
    expect(slots[0].dedupe_key).toBe(`${DRAFT_SWEEP_JOB}@${new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString()}`);
    await runner.runDue();
    expect(await db().selectFrom('jobs').select(['status', 'last_error']).where('id', '=', slots[0].id).executeTakeFirstOrThrow()).toEqual({ status: 'done', last_error: null });

    const reminders = (await messagesOf(api)).filter((m) => m.title === '申请草稿即将过期');
    expect(reminders).toEqual([
      expect.objectContaining({ applicationId: id, kind: 'status', status: 'draft', body: `您的护照旅行证申请草稿将于${reminderDate(expiresAt, 'America/New_York')}过期，请尽快完成并提交` }),
    ]);
    const sent = await subscribeMessages('o_dx_remind');
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ thing2: { value: '护照旅行证' }, phrase3: { value: '待提交' }, thing5: { value: `草稿将于${reminderDate(expiresAt, 'America/New_York', false)}过期，请尽快提交` } });
    expect((await db().selectFrom('subscription_quota').select('remaining').where('template_id', '=', templateId()).where('remaining', '>', 0).execute()).length).toBe(0);

    // Again (next slot, another instance): nothing new.
    expect(await remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId() })).toEqual([]);
    await sweepDrafts(sweepOptions());
    expect((await messagesOf(api)).filter((m) => m.title === '申请草稿即将过期')).toHaveLength(1);
    expect((await db().selectFrom('applications').select(['status', 'reminded_at']).where('id', '=', later).executeTakeFirstOrThrow())).toEqual({ status: 'draft', reminded_at: null });
  });

  it('is race-safe: sweeps running at once remind each draft exactly once', async () => {
    const api = await citizen('o_dx_race');
    const ids = [await newDraft(api), await newDraft(api), await newDraft(api)];
    for (const id of ids) await setExpiry(id, new Date(Date.now() + DAY));
    const runs = await Promise.all(Array.from({ length: 6 }, () => remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId() })));
    expect(runs.flat().filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const reminders = (await messagesOf(api)).filter((m) => m.title === '申请草稿即将过期');
    expect(reminders.map((m) => m.applicationId).sort()).toEqual([...ids].sort());
    // No quota: messages only, no subscription jobs.
    const jobs = await db().selectFrom('jobs').select('payload').where('kind', '=', 'subscribe_message.status').execute();
    expect(jobs.filter((j) => ids.includes(j.payload.applicationId as string))).toEqual([]);
  });

  it('a save after the reminder moves the expiry: the new expiry gets its own reminder, once', async () => {
    const api = await citizen('o_dx_resave');
    const id = await newDraft(api);
    await setExpiry(id, new Date(Date.now() + DAY));
    expect(await remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId() })).toContain(id);
    // The citizen comes back and saves: 30 more days.
    expect((await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } })).status).toBe(200);
    expect(await remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId() })).not.toContain(id);
    const in28Days = new Date(Date.now() + 28 * DAY);
    expect(await remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId(), now: in28Days })).toContain(id);
    expect(await remindExpiringDrafts(db(), { withinDays: 3, templateId: templateId(), now: new Date(in28Days.getTime() + 3_600_000) })).not.toContain(id);
    expect((await messagesOf(api)).filter((m) => m.applicationId === id && m.title === '申请草稿即将过期')).toHaveLength(2);
  });

  it('the sweep expires due drafts through the state machine (history, no message) and deletes their files from the store', async () => {
    const api = await citizen('o_dx_sweep');
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'documents' }); // signature and ID photo uploaded
    const alive = await newDraft(api);
    await walkRenewal(api, alive, files, { until: 'documents' });
    const stored = await db().selectFrom('application_files').select(['application_id', 'storage_key']).where('application_id', 'in', [id, alive]).execute();
    expect(stored.filter((f) => f.application_id === id)).toHaveLength(2);
    const fileOf = (key: string) => path.join(ctx.dataDir, 'files', key);
    for (const f of stored) expect(fs.existsSync(fileOf(f.storage_key))).toBe(true);
    const before = await db().selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    const messagesBefore = (await messagesOf(api)).length;

    await setExpiry(id, new Date(Date.now() - 1000));
    const report = await sweepDrafts(sweepOptions());
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect(report.filesDeleted).toBeGreaterThanOrEqual(2);

    const row = await db().selectFrom('applications').select(['status', 'version', 'active', 'status_changed_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'expired', version: before.version + 1, active: false, status_changed_at: expect.anything() });
    const history = await db().selectFrom('application_history').selectAll().where('application_id', '=', id).execute();
    expect(history).toEqual([expect.objectContaining({ action: 'expire', from_status: 'draft', to_status: 'expired', actor_kind: 'system', actor_id: 'drafts' })]);
    expect((await messagesOf(api)).length).toBe(messagesBefore);

    // Files: gone from the store and from the table; the live draft keeps its own.
    for (const f of stored) expect(fs.existsSync(fileOf(f.storage_key))).toBe(f.application_id === alive);
    expect(await db().selectFrom('application_files').select('application_id').where('application_id', 'in', [id, alive]).execute()).toEqual(
      stored.filter((f) => f.application_id === alive).map(() => ({ application_id: alive })),
    );
    const detail = (await api.get(`/api/applications/${id}`)).body;
    expect(detail).toMatchObject({ status: 'expired', documents: [] });
    expect((await api.download(`/api/applications/${id}/documents/id_photo`)).status).toBe(404);
    // Nothing left to do.
    expect(await sweepDrafts(sweepOptions())).toEqual({ expired: 0, reminded: 0, filesDeleted: 0 });
  });

  it('a file already gone from the store (crash between the two deletions) is cleaned up without error', async () => {
    const api = await citizen('o_dx_gone');
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'photo' });
    const [file] = await db().selectFrom('application_files').select('storage_key').where('application_id', '=', id).execute();
    fs.rmSync(path.join(ctx.dataDir, 'files', file.storage_key));
    await setExpiry(id, new Date(Date.now() - 1000));
    expect(await expireDueDrafts(db())).toBeGreaterThanOrEqual(1);
    expect(await deleteExpiredDraftFiles(db(), sweepOptions().files)).toBeGreaterThanOrEqual(1);
    expect(await db().selectFrom('application_files').select('id').where('application_id', '=', id).execute()).toEqual([]);
  });

  it('lazy expiry (the citizen lists or opens) also records history, once', async () => {
    const api = await citizen('o_dx_lazy');
    const listed = await newDraft(api);
    const opened = await newDraft(api);
    await setExpiry(listed, new Date(Date.now() - 1000));
    await setExpiry(opened, new Date(Date.now() - 1000));
    const list = (await api.get('/api/applications')).body.applications;
    expect(list.find((a: { id: string }) => a.id === listed)).toMatchObject({ status: 'expired' });
    // The list expired every due draft of this citizen; opening one finds it already expired.
    const detail = await api.get(`/api/applications/${opened}`);
    expect(detail.body).toMatchObject({ status: 'expired' });
    await api.get('/api/applications');
    for (const id of [listed, opened]) {
      const history = await db().selectFrom('application_history').select(['action', 'actor_kind']).where('application_id', '=', id).execute();
      expect(history).toEqual([{ action: 'expire', actor_kind: 'system' }]);
    }
    // A refused save (its transaction rolls back) writes nothing; opening the draft records the expiry.
    const direct = await newDraft(api);
    await setExpiry(direct, new Date(Date.now() - 1000));
    const save = await api.put(`/api/applications/${direct}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } });
    expect(save.body.error.code).toBe('DRAFT_EXPIRED');
    expect(await db().selectFrom('application_history').select('action').where('application_id', '=', direct).execute()).toEqual([]);
    expect((await api.get(`/api/applications/${direct}`)).body).toMatchObject({ status: 'expired' });
    expect(await db().selectFrom('application_history').select('action').where('application_id', '=', direct).execute()).toEqual([{ action: 'expire' }]);
  });
});

describe('the draft sweep as the server schedules it (APPLICATION_DRAFT_SWEEP_MINUTES, JOB_POLL_MS)', () => {
  type Ctx = Awaited<ReturnType<typeof startApplicationsServer>>;
  const sweepJobs = (ctx: Ctx) => ctx.server.db.selectFrom('jobs').select(['status', 'dedupe_key']).where('kind', '=', DRAFT_SWEEP_JOB).execute();
  /** Waits until the background runner has finished `more` further polls (not a guess with a timer). */
  const polls = async (ctx: Ctx, more: number) => {
    const runner = ctx.server.app.jobRunner;
    const target = runner.completedTicks + more;
    await until(() => runner.completedTicks >= target, `${more} more job-runner polls`);
  };

  it('the job runner’s poll writes the current slot’s sweep (once) and runs it', async () => {
    const ctx = await startApplicationsServer('pglite', { JOB_POLL_MS: '20', APPLICATION_DRAFT_SWEEP_MINUTES: '60' });
    try {
      await until(async () => (await sweepJobs(ctx)).some((j) => j.status === 'done'), 'the sweep job done');
      await polls(ctx, 3); // more polls: still one job for the slot
      expect(await sweepJobs(ctx)).toEqual([{ status: 'done', dedupe_key: expect.stringMatching(/^drafts\.sweep@\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/) }]);
    } finally {
      await ctx.close();
    }
  });

  it('0 turns it off', async () => {
    const ctx = await startApplicationsServer('pglite', { JOB_POLL_MS: '20', APPLICATION_DRAFT_SWEEP_MINUTES: '0' });
    try {
      await polls(ctx, 3);
      expect(await sweepJobs(ctx)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
