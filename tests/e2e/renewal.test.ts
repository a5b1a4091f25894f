import { databaseKinds } from '../helpers/fresh-database';
import { renewalSteps } from '../server/applications/fixtures';
import { images, residentId, startApplicationsServer, verifiedCitizen } from '../server/applications/helpers';

jest.setTimeout(90_000);

/**
 * A passport renewal end to end over real HTTP, the way the mini-program will drive it:
 * log in, verify identity, start a draft, then always fill the step the server says to
 * resume at (uploading photo, documents and signature on their steps, passing the face
 * check through the WeChat sandbox), review, submit, and find the order in 我的订单.
 */
describe.each(databaseKinds)('passport renewal, first step to submitted order (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database);
  });
  afterAll(() => ctx.close());

  it('walks every step and creates one order', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_e2e_renewal', { name: '李明', idType: 'resident_id', idNumber: residentId(900) });
    const uploads: Record<string, Array<[string, Buffer, string]>> = {
      declaration: [['declaration_signature', await images.signature(), 'image/png']],
      photo: [['id_photo', await images.idPhoto(), 'image/jpeg']],
      documents: [['passport_data_page', await images.document(), 'image/jpeg']],
    };
    const answersFor = Object.fromEntries(renewalSteps);

    const created = await api.post('/api/applications', { service: 'passport', missionId: 'us-new-york' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let detail = created.body;
    const visited: string[] = [];

    while (detail.firstIncompleteStep) {
      const step = detail.currentStep as string;
      visited.push(step);
      for (const [docId, data, type] of uploads[step] ?? []) {
        const uploaded = await api.upload(`/api/applications/${id}/documents/${docId}`, data, type);
        expect(uploaded.status).toBe(200);
        expect(uploaded.body.ok).toBe(true);
      }
      if (step === 'face') {
        const started = await api.post(`/api/applications/${id}/face/start`);
        expect(started.status).toBe(200);
        // (The mini-program calls wx.requestFacialVerify({verifyId}) here.)
        const result = await api.post(`/api/applications/${id}/face/result`, { verifyId: started.body.verifyId });
        expect(result.body.face.status).toBe('passed');
      }
      const saved = await api.put(`/api/applications/${id}/steps/${step}`, { answers: answersFor[step] ?? {} });
      expect(saved.status).toBe(200);
      detail = saved.body;
      expect(visited.length).toBeLessThan(30);
    }

    expect(visited).toEqual(renewalSteps.map(([step]) => step).filter((s) => s !== 'review'));
    expect(detail.currentStep).toBe('review');
    expect(detail.path).toEqual(renewalSteps.map(([step]) => step));
    expect(detail.interviewRequired).toBe(false);

    const submitted = await api.post(`/api/applications/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'awaiting_payment', statusLabel: '待支付', orderNo: expect.stringMatching(/^USNY-P-\d{6}-0001$/) });

    const openapi = (await (await fetch(`${ctx.server.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/applications', '/api/applications/{id}/steps/{stepId}', '/api/applications/{id}/submit']));

    const orders = await api.get('/api/applications');
    expect(orders.body.applications).toEqual([expect.objectContaining({ id, status: 'awaiting_payment', orderNo: submitted.body.orderNo })]);
  });
});
