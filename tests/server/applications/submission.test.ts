import { pathThrough } from '../../../miniprogram/domain/services/engine';
import { passportService } from '../../../miniprogram/domain/services/passport';
import { createPiiCipher } from '../../../server/security/pii-cipher';
import { databaseKinds } from '../../helpers/fresh-database';
import { childFirstIssueAnswers, renewalSteps } from './fixtures';
import { images, residentId, startApplicationsServer, verifiedCitizen, type Client } from './helpers';
import { newDraft, TestImages, walkEmergency, walkRenewal } from './walk';

jest.setTimeout(90_000);

const ORDER_NO = /^USNY-P-\d{6}-\d{4}$/;

describe.each(databaseKinds)('submission (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database);
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => ctx.close());

  let person = 400;
  const citizen = (openid: string, idType: 'resident_id' | 'passport' = 'resident_id') =>
    verifiedCitizen(ctx.server, openid, { name: '李明', idType, idNumber: idType === 'passport' ? 'E12345678' : residentId(++person) });

  it('a complete renewal becomes an order awaiting payment, with an order number', async () => {
    const api = await citizen('o_sub_1');
    const id = await newDraft(api);
    await walkRenewal(api, id, files);
    const response = await api.post(`/api/applications/${id}/submit`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'awaiting_payment',
      statusLabel: '待支付',
      orderNo: expect.stringMatching(ORDER_NO),
      expiresAt: null,
      submittedAt: expect.any(String),
      firstIncompleteStep: null,
      interviewReasons: ['face_skipped'],
      interviewRequired: true,
      fees: ['passport'],
    });
    // Second tap: the same order, not a second one.
    const again = await api.post(`/api/applications/${id}/submit`);
    expect(again.body.orderNo).toBe(response.body.orderNo);
    // No more edits.
    expect((await api.put(`/api/applications/${id}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'self' } })).body.error.code).toBe('NOT_EDITABLE');
  });

  it('paying at the mission goes straight to 待审核', async () => {
    const api = await citizen('o_sub_2');
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { overrides: { paymentMethod: 'at_mission' } });
    const response = await api.post(`/api/applications/${id}/submit`);
    expect(response.body).toMatchObject({ status: 'submitted', statusLabel: '待审核' });
  });

  it('a crafted submission that skipped steps fails with the list of what is missing, changing nothing', async () => {
    const api = await citizen('o_sub_3');
    const id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'family' });
    const response = await api.post(`/api/applications/${id}/submit`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(response.body.error.message).toBe('申请尚未填写完整，请按提示补充后再提交');
    expect(response.body.error.fields).toMatchObject({
      'family.fatherName': '此项为必填项',
      'contact.phone': '此项为必填项',
      'occupation.occupation': '此项为必填项',
      'declaration.declarationAgreed': '请阅读并勾选确认',
      'documents.id_photo': '请上传：证件照',
      'documents.passport_data_page': '请上传：现持护照资料页',
      'documents.declaration_signature': '请上传：国籍状况声明书签名',
      'delivery.paymentMethod': '此项为必填项',
      face: expect.stringContaining('身份核验'),
    });
    expect((await api.get(`/api/applications/${id}`)).body).toMatchObject({ status: 'draft', orderNo: null });
  });

  it('a photo that failed its check blocks submission with a clear reason', async () => {
    const api = await citizen('o_sub_4');
    const id = await newDraft(api);
    await walkRenewal(api, id, files);
    await api.upload(`/api/applications/${id}/documents/id_photo`, await images.darkIdPhoto());
    const response = await api.post(`/api/applications/${id}/submit`);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ 'documents.id_photo': '证件照未通过检查，请按提示重新拍摄或上传' });
  });

  it('five concurrent submissions produce exactly one order', async () => {
    const api = await citizen('o_sub_5');
    const id = await newDraft(api);
    await walkRenewal(api, id, files);
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.post(`/api/applications/${id}/submit`)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.orderNo)).size).toBe(1);
    const orders = await ctx.server.db.selectFrom('applications').select('order_no').where('id', '=', id).execute();
    expect(orders).toHaveLength(1);
  });

  it('one applicant, one active application per service — at the same mission or another, from any account', async () => {
    const api = await citizen('o_sub_6');
    const first = await newDraft(api);
    await walkRenewal(api, first, files);
    const order = (await api.post(`/api/applications/${first}/submit`)).body.orderNo as string;

    const elsewhere = await newDraft(api, 'passport', 'gb-london');
    await walkRenewal(api, elsewhere, files);
    const duplicate = await api.post(`/api/applications/${elsewhere}/submit`);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('DUPLICATE_APPLICATION');
    expect(duplicate.body.error.message).toContain(order);
    expect((await api.get(`/api/applications/${elsewhere}`)).body).toMatchObject({ status: 'draft', orderNo: null });

    // A relative applying for the same person from another account is refused too.
    const relative = await citizen('o_sub_6_relative');
    const forHim = await newDraft(relative);
    const identity = await ctx.server.db.selectFrom('identities').innerJoin('users', 'users.id', 'identities.user_id').select('id_number_enc').where('users.openid', '=', 'o_sub_6').executeTakeFirstOrThrow();
    const idNumber = createPiiCipher(ctx.server.piiKey).decrypt(identity.id_number_enc);
    await relative.put(`/api/applications/${forHim}/steps/eligibility`, { answers: { case: 'renewal', applicantRelation: 'relative' } });
    await walkRenewal(relative, forHim, files, { overrides: { applicantRelation: 'relative' }, until: 'renewal-reason' });
    await relative.put(`/api/applications/${forHim}/steps/renewal-reason`, { answers: { renewalReason: 'expiring' } });
    expect((await relative.put(`/api/applications/${forHim}/steps/applicant`, { answers: { applicantIdType: 'resident_id', applicantIdNumber: idNumber.toLowerCase() } })).status).toBe(200);
    const rest = renewalSteps.slice(renewalSteps.findIndex(([s]) => s === 'personal'));
    const personalAnswers = renewalSteps.find(([s]) => s === 'personal')![1];
    for (const [stepId, answers] of rest) {
      if (stepId === 'declaration') await relative.upload(`/api/applications/${forHim}/documents/declaration_signature`, files.signature, 'image/png');
      if (stepId === 'photo') await relative.upload(`/api/applications/${forHim}/documents/id_photo`, files.idPhoto);
      if (stepId === 'documents') await relative.upload(`/api/applications/${forHim}/documents/passport_data_page`, files.document);
      if (stepId === 'face') await relative.post(`/api/applications/${forHim}/face/skip`);
      expect((await relative.put(`/api/applications/${forHim}/steps/${stepId}`, { answers })).status).toBe(200);
    }
    // The answered birth date must be the one the ID number encodes.
    expect((await relative.put(`/api/applications/${forHim}/steps/personal`, { answers: { ...personalAnswers, birthDate: '1985-03-03' } })).status).toBe(200);
    const wrongBirth = await relative.post(`/api/applications/${forHim}/submit`);
    expect(wrongBirth.status).toBe(400);
    expect(wrongBirth.body.error.fields).toEqual({ 'personal.birthDate': '出生日期与居民身份证号码中的出生日期不一致' });
    expect((await relative.put(`/api/applications/${forHim}/steps/personal`, { answers: personalAnswers })).status).toBe(200);

    // Refused without a word about the other account's order (number, mission, dates).
    const refused = await relative.post(`/api/applications/${forHim}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('APPLICANT_BLOCKED');
    expect(refused.body.error.message).not.toContain(order);
    expect(refused.body.error.message).not.toMatch(/[A-Z]{2,8}-P-\d/);

    // After withdrawing the first, the second may be submitted.
    expect((await api.post(`/api/applications/${first}/withdraw`)).body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect((await api.post(`/api/applications/${elsewhere}/submit`)).body.orderNo).toMatch(/^GBL-P-\d{6}-\d{4}$/);
  });

  it('two drafts for the same applicant submitted at once: one order, one clear refusal', async () => {
    const api = await citizen('o_sub_7');
    const a = await newDraft(api);
    const b = await newDraft(api, 'passport', 'us-chicago');
    await walkRenewal(api, a, files);
    await walkRenewal(api, b, files);
    const [ra, rb] = await Promise.all([api.post(`/api/applications/${a}/submit`), api.post(`/api/applications/${b}/submit`)]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const winner = ra.status === 200 ? ra : rb;
    const loser = ra.status === 200 ? rb : ra;
    expect(loser.body.error.message).toContain(winner.body.orderNo);
  });

  it('an under-16 child: guardian documents are required and an interview is marked', async () => {
    const api = await citizen('o_sub_8');
    const id = await newDraft(api);
    const answers = childFirstIssueAnswers();
    const uploads: Record<string, string[]> = {
      declaration: ['declaration_signature'],
      photo: ['id_photo'],
      documents: ['identity_proof', 'guardian_id', 'guardianship_proof'],
    };
    for (const step of pathThrough(passportService, answers)) {
      for (const docId of uploads[step.id] ?? []) {
        const data = docId === 'id_photo' ? files.idPhoto : docId === 'declaration_signature' ? files.signature : files.document;
        expect((await api.upload(`/api/applications/${id}/documents/${docId}`, data, docId === 'declaration_signature' ? 'image/png' : 'image/jpeg')).status).toBe(200);
      }
      if (step.id === 'face') {
        expect((await api.post(`/api/applications/${id}/face/start`)).body.error.code).toBe('FACE_UNAVAILABLE');
        await api.post(`/api/applications/${id}/face/skip`);
      }
      const own = Object.fromEntries(step.fields.filter((f) => f in answers).map((f) => [f, answers[f]]));
      const saved = await api.put(`/api/applications/${id}/steps/${step.id}`, { answers: own });
      if (step.id === 'documents') {
        // The consent is still missing.
        expect(saved.body.error).toEqual({ code: 'STEP_INCOMPLETE', message: '该步骤尚未完成', fields: { 'documents.guardian_consent': '请上传：监护人同意申办的书面意见' } });
        await api.upload(`/api/applications/${id}/documents/guardian_consent`, files.document);
        expect((await api.put(`/api/applications/${id}/steps/documents`, { answers: {} })).status).toBe(200);
      } else {
        expect(saved.status).toBe(200);
      }
    }
    const submitted = await api.post(`/api/applications/${id}/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', interviewReasons: ['minor', 'passport_only'], interviewRequired: true });
  });

  describe('emergency travel certificate', () => {
    async function emergencyDraft(api: Client) {
      const id = await newDraft(api, 'emergency_travel');
      await walkEmergency(api, id, files, { until: 'review' });
      return id;
    }

    it('local residents are refused and pointed to the passport service', async () => {
      const api = await citizen('o_sub_e0');
      const id = await newDraft(api, 'emergency_travel');
      const refused = await api.put(`/api/applications/${id}/steps/eligibility`, {
        answers: { stayType: 'local_resident', emergencyReason: 'lost', applicantRelation: 'self' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields.stayType).toContain('请申办护照或旅行证');
    });

    it('needs the no-withdrawal / no-refund confirmation', async () => {
      const api = await citizen('o_sub_e1');
      const id = await emergencyDraft(api);
      const without = await api.post(`/api/applications/${id}/submit`);
      expect(without.status).toBe(400);
      expect(without.body.error.code).toBe('CONFIRMATION_REQUIRED');
      const withIt = await api.post(`/api/applications/${id}/submit`, { confirmNoWithdrawal: true });
      expect(withIt.status).toBe(200);
      expect(withIt.body).toMatchObject({ status: 'awaiting_payment', orderNo: expect.stringMatching(/^USNY-E-\d{6}-\d{4}$/), fees: ['emergency_travel'] });
      expect(withIt.body.answers.confirmNoWithdrawal).toBe(true);
    });

    it('cannot be withdrawn once submitted (server-enforced); a passport application can', async () => {
      const api = await citizen('o_sub_e2');
      const id = await emergencyDraft(api);
      await api.put(`/api/applications/${id}/steps/review`, { answers: { confirmNoWithdrawal: true } });
      expect((await api.post(`/api/applications/${id}/submit`)).status).toBe(200);
      const withdraw = await api.post(`/api/applications/${id}/withdraw`);
      expect(withdraw).toEqual({ status: 409, body: { error: { code: 'WITHDRAW_NOT_ALLOWED', message: '应急旅行证申请提交后不可撤回' } } });
      expect((await api.get(`/api/applications/${id}`)).body.status).toBe('awaiting_payment');
      // The same person may still hold one passport application (a different service).
      const passport = await newDraft(api);
      await walkRenewal(api, passport, files);
      expect((await api.post(`/api/applications/${passport}/submit`)).status).toBe(200);
      expect((await api.post(`/api/applications/${passport}/withdraw`)).body.status).toBe('withdrawn');
      expect((await api.post(`/api/applications/${passport}/withdraw`)).status).toBe(409);
    });
  });
});
