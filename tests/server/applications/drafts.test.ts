import { listExpiringDrafts } from '../../../server/applications/draft-expiry';
import { createPiiCipher } from '../../../server/security/pii-cipher';
import { databaseKinds } from '../../helpers/fresh-database';
import { client, images, residentId, startApplicationsServer, verifiedCitizen } from './helpers';
import { newDraft, TestImages, walkRenewal } from './walk';

jest.setTimeout(60_000);

describe.each(databaseKinds)('application drafts (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { APPLICATION_DRAFT_DAYS: '' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => ctx.close());

  it('needs a login, and a verified identity to start', async () => {
    expect((await client(ctx.server, null).get('/api/applications')).status).toBe(401);
    const unverified = client(ctx.server, await ctx.server.loginCitizen('o_draft_unverified'));
    const response = await unverified.post('/api/applications', { service: 'passport', missionId: 'us-new-york' });
    expect(response).toEqual({ status: 403, body: { error: { code: 'IDENTITY_REQUIRED', message: '请先完成实名认证' } } });
  });

  it('refuses an unknown service or mission with field messages', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_1');
    expect((await api.post('/api/applications', { service: 'no_such_service', missionId: 'us-new-york' })).body.error.fields).toEqual({ service: '暂不受理该业务' });
    expect((await api.post('/api/applications', { service: 'passport', missionId: 'xx-nowhere' })).body.error.fields).toEqual({ missionId: '未找到该使领馆' });
    expect((await api.get('/api/applications')).body.applications).toEqual([]);
  });

  it('creates a draft that starts at the eligibility step and expires in 30 days', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_1');
    const response = await api.post('/api/applications', { service: 'passport', missionId: 'us-new-york' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      service: 'passport',
      serviceTitle: '护照旅行证',
      missionId: 'us-new-york',
      status: 'draft',
      statusLabel: '待提交',
      orderNo: null,
      currentStep: 'eligibility',
      firstIncompleteStep: 'eligibility',
      answers: {},
      documents: [],
    });
    const days = (new Date(response.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('saves a step, stores answers encrypted, and resumes on the next step from another device', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_2', { name: '王芳', idType: 'resident_id', idNumber: residentId(101) });
    const id = await newDraft(api);
    const saved = await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self', junk: 'ignored' } });
    expect(saved.status).toBe(200);
    expect(saved.body.answers).toEqual({ case: 'renewal', applicantRelation: 'self' });
    expect(saved.body.currentStep).toBe('renewal-reason');
    expect(saved.body.path).toContain('renewal-reason');

    const row = await ctx.server.db.selectFrom('applications').select('answers_enc').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.answers_enc).not.toContain('renewal');
    expect(JSON.parse(createPiiCipher(ctx.server.piiKey).decrypt(row.answers_enc))).toEqual({ case: 'renewal', applicantRelation: 'self' });

    const otherDevice = client(ctx.server, await ctx.server.loginCitizen('o_draft_2'));
    const resumed = await otherDevice.get(`/api/applications/${id}`);
    expect(resumed.body).toMatchObject({ currentStep: 'renewal-reason', answers: { case: 'renewal' } });
    const list = await otherDevice.get('/api/applications');
    expect(list.body.applications.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('answers validation errors in Chinese, per field, and changes nothing', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_3', { name: '赵六', idType: 'resident_id', idNumber: residentId(102) });
    const id = await newDraft(api);
    await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'first_issue', applicantRelation: 'self' } });
    const bad = await api.put(`/api/applications/${id}/steps/personal`, {
      answers: { surnameZh: '赵', givenNameZh: '六', surnamePinyin: 'zhào', givenNamePinyin: 'LIU', sex: 'M', birthDate: '2090-01-01', birthPlace: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请按提示修改',
      fields: { surnamePinyin: expect.stringContaining('拼音'), birthDate: '日期不能晚于今天', birthPlace: '此项为必填项' },
    });
    expect((await api.get(`/api/applications/${id}`)).body.answers).toEqual({ case: 'first_issue', applicantRelation: 'self' });
    // Wrong JSON shapes are refused by the schema.
    expect((await api.put(`/api/applications/${id}/steps/personal`, { answers: { sex: 5 } })).status).toBe(400);
    expect((await api.put(`/api/applications/${id}/steps/personal`, { answers: 'x' })).status).toBe(400);
  });

  it('refuses unknown steps, steps off the path and skipping ahead', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_4', { name: '钱七', idType: 'resident_id', idNumber: residentId(103) });
    const id = await newDraft(api);
    expect((await api.put(`/api/applications/${id}/steps/nope`, { answers: {} })).status).toBe(404);
    const skipped = await api.put(`/api/applications/${id}/steps/personal`, { answers: {} });
    expect(skipped).toEqual({ status: 409, body: { error: { code: 'STEP_SKIPPED', message: '请先完成前面的步骤：申请须知' } } });
    await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } });
    const offPath = await api.put(`/api/applications/${id}/steps/loss-details`, { answers: { lossPlace: 'x' } });
    expect(offPath.status).toBe(409);
    expect(offPath.body.error.code).toBe('STEP_NOT_ON_PATH');
    // Jumping from eligibility straight to the documents step.
    const jump = await api.put(`/api/applications/${id}/steps/documents`, { answers: {} });
    expect(jump.body.error).toEqual({ code: 'STEP_SKIPPED', message: '请先完成前面的步骤：换发原因' });
  });

  it("someone else's draft is a 404, for every route", async () => {
    const owner = await verifiedCitizen(ctx.server, 'o_draft_5', { name: '孙八', idType: 'resident_id', idNumber: residentId(104) });
    const id = await newDraft(owner);
    const intruder = await verifiedCitizen(ctx.server, 'o_draft_6', { name: '周九', idType: 'resident_id', idNumber: residentId(105) });
    const responses = await Promise.all([
      intruder.get(`/api/applications/${id}`),
      intruder.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } }),
      intruder.upload(`/api/applications/${id}/documents/id_photo`, files.idPhoto),
      intruder.download(`/api/applications/${id}/documents/id_photo`),
      intruder.post(`/api/applications/${id}/submit`),
      intruder.post(`/api/applications/${id}/withdraw`),
      intruder.post(`/api/applications/${id}/face/skip`),
      intruder.get('/api/applications/not-a-uuid'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect((await owner.get(`/api/applications/${id}`)).body.answers).toEqual({});
  });

  it('expires drafts after their time; an expired draft cannot be saved; expiring ones are listed', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_7', { name: '吴十', idType: 'resident_id', idNumber: residentId(111) });
    const id = await newDraft(api);
    const soon = await newDraft(api);
    await ctx.server.db.updateTable('applications').set({ expires_at: new Date(Date.now() + 2 * 86_400_000) }).where('id', '=', soon).execute();
    const expiring = await listExpiringDrafts(ctx.server.db, 3);
    expect(expiring.map((d) => d.id)).toContain(soon);
    expect(expiring.map((d) => d.id)).not.toContain(id);

    await ctx.server.db.updateTable('applications').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    const list = await api.get('/api/applications');
    expect(list.body.applications.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'expired', statusLabel: '已过期', expiresAt: null });
    const save = await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } });
    expect(save.body.error).toEqual({ code: 'DRAFT_EXPIRED', message: '该草稿已过期，请重新填写申请' });
  });

  it('walks the whole renewal; resume points at the first incomplete step', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_draft_8', { name: '郑十一', idType: 'resident_id', idNumber: residentId(112) });
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'photo' });
    const detail = (await api.get(`/api/applications/${id}`)).body;
    expect(detail).toMatchObject({ currentStep: 'photo', firstIncompleteStep: 'photo' });
    expect(detail.answers).toMatchObject({ phone: '+12125550100', surnamePinyin: 'LI', residenceCountry: 'US' });
    expect(detail.documents.map((d: { docId: string }) => d.docId)).toEqual(['declaration_signature']);
    expect(detail.fees).toEqual(['passport']);
  });
});

describe('APPLICATION_DRAFT_DAYS', () => {
  it('sets how long drafts live', async () => {
    const ctx = await startApplicationsServer('pglite', { APPLICATION_DRAFT_DAYS: '7' });
    try {
      const api = await verifiedCitizen(ctx.server, 'o_days');
      const response = await api.post('/api/applications', { service: 'emergency_travel', missionId: 'gb-london' });
      const days = (new Date(response.body.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(Math.round(days)).toBe(7);
    } finally {
      await ctx.close();
    }
  });
});
