import { databaseKinds } from '../../helpers/fresh-database';
import { images, residentId, startApplicationsServer, verifiedCitizen, type Client } from './helpers';
import { newDraft, TestImages, walkRenewal } from './walk';

jest.setTimeout(60_000);

describe.each(databaseKinds)('face verification (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database);
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => ctx.close());

  const queueOutcomes = (verifyRets: number[]) =>
    fetch(`${ctx.server.sandboxUrl}/sandbox/face-outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifyRets }),
    });

  async function draftAtFace(api: Client): Promise<string> {
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'face' });
    return id;
  }

  const check = async (api: Client, id: string) => {
    const started = await api.post(`/api/applications/${id}/face/start`);
    expect(started.status).toBe(200);
    return api.post(`/api/applications/${id}/face/result`, { verifyId: started.body.verifyId });
  };

  it('a passed check needs no interview; the face step can then be saved', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_1', { name: '李明', idType: 'resident_id', idNumber: residentId(301) });
    const id = await draftAtFace(api);
    expect((await api.put(`/api/applications/${id}/steps/face`, { answers: {} })).body.error.fields).toEqual({ face: expect.stringContaining('身份核验') });
    const started = await api.post(`/api/applications/${id}/face/start`);
    expect(started.body).toEqual({ verifyId: expect.any(String), expiresIn: 3600, attemptsLeft: 9 });
    const result = await api.post(`/api/applications/${id}/face/result`, { verifyId: started.body.verifyId });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ face: { status: 'passed', attemptsLeftToday: 9 }, interviewReasons: [], interviewRequired: false });
    expect((await api.put(`/api/applications/${id}/steps/face`, { answers: {} })).status).toBe(200);
    // Asking again gives the recorded result without a second query.
    expect((await api.post(`/api/applications/${id}/face/result`, { verifyId: started.body.verifyId })).body.face.status).toBe('passed');
  });

  it('a failed check (sandbox says 10004) marks the video interview', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_2', { name: '王芳', idType: 'resident_id', idNumber: residentId(302) });
    const id = await draftAtFace(api);
    await queueOutcomes([10004]);
    const result = await check(api, id);
    expect(result.body).toMatchObject({ face: { status: 'failed' }, interviewReasons: ['face_failed'], interviewRequired: true });
  });

  it('skipping marks the video interview', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_3', { name: '张三', idType: 'resident_id', idNumber: residentId(303) });
    const id = await draftAtFace(api);
    const skipped = await api.post(`/api/applications/${id}/face/skip`);
    expect(skipped.body).toMatchObject({ face: { status: 'skipped' }, interviewReasons: ['face_skipped'], interviewRequired: true });
  });

  it('passport-only applicants cannot use face verification', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_4', { name: '赵六', idType: 'passport', idNumber: 'E12345678' });
    const id = await draftAtFace(api);
    const started = await api.post(`/api/applications/${id}/face/start`);
    expect(started.status).toBe(409);
    expect(started.body.error.code).toBe('FACE_UNAVAILABLE');
    const skipped = await api.post(`/api/applications/${id}/face/skip`);
    expect(skipped.body.interviewReasons).toEqual(['passport_only']);
  });

  it('at most 10 attempts a day per person, across applications and services (429)', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_5', { name: '钱七', idType: 'resident_id', idNumber: residentId(305) });
    const passport = await draftAtFace(api);
    const emergency = await newDraft(api, 'emergency_travel');
    await api.put(`/api/applications/${emergency}/steps/eligibility`, {
      answers: { stayType: 'short_term_visitor', visitPurpose: 'tourism', emergencyReason: 'lost', applicantRelation: 'self' },
    });
    await queueOutcomes(Array(10).fill(10001));
    // Ten started in parallel over two applications: all allowed, none beyond.
    const starts = await Promise.all(Array.from({ length: 12 }, (_, i) => api.post(`/api/applications/${i % 2 ? passport : emergency}/face/start`)));
    expect(starts.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = starts.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0].body.error).toEqual({ code: 'FACE_LIMIT', message: expect.stringContaining('每人每天10次') });
    expect((await api.get(`/api/applications/${passport}`)).body.face.attemptsLeftToday).toBe(0);
    // Skipping is always possible.
    expect((await api.post(`/api/applications/${passport}/face/skip`)).status).toBe(200);
  });

  it('a WeChat failure does not use up an attempt', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_6', { name: '孙八', idType: 'resident_id', idNumber: residentId(306) });
    const id = await draftAtFace(api);
    await fetch(`${ctx.server.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api: 'getverifyid', errcodes: [-1] }),
    });
    const failed = await api.post(`/api/applications/${id}/face/start`);
    expect(failed.status).toBe(502);
    expect(failed.body.error.code).toBe('FACE_SERVICE_ERROR');
    expect((await api.get(`/api/applications/${id}`)).body.face.attemptsLeftToday).toBe(10);
  });

  it('an unknown verifyId is refused', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_face_7', { name: '周九', idType: 'resident_id', idNumber: residentId(307) });
    const id = await draftAtFace(api);
    expect((await api.post(`/api/applications/${id}/face/result`, { verifyId: 'forged' })).status).toBe(404);
  });
});
