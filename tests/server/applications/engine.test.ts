import fc from 'fast-check';
import { emergencyTravelService } from '../../../miniprogram/domain/services/emergency-travel';
import {
  applicantAge,
  declarationSigner,
  effectiveAnswers,
  feeCodes,
  firstIncompleteStep,
  interviewReasons,
  nextStep,
  pathThrough,
  previousStep,
  requiredDocuments,
  validateApplication,
  validateStep,
  visibleFields,
} from '../../../miniprogram/domain/services/engine';
import { passportService } from '../../../miniprogram/domain/services/passport';
import { applicationServices } from '../../../miniprogram/domain/services/service-registry';
import { childFirstIssueAnswers, emergencySteps, renewalAnswers, TODAY } from './fixtures';

const opts = { today: TODAY };
const ids = (steps: Array<{ id: string }>) => steps.map((s) => s.id);
const docIds = (answers: Record<string, unknown>) => requiredDocuments(passportService, answers, opts).map((d) => d.id).sort();

describe('service definitions are consistent data', () => {
  it.each(applicationServices())('$id: every reference resolves', (service) => {
    const stepIds = new Set(service.steps.map((s) => s.id));
    for (const step of service.steps) {
      for (const f of step.fields) expect(service.fields[f]).toBeDefined();
      const next = step.next;
      const targets = !next ? [] : typeof next === 'string' ? [next] : [next.default, ...(next.branches ?? []).map((b) => b.next)];
      for (const t of targets) expect(stepIds.has(t)).toBe(true);
      for (const d of step.documents ?? []) expect(service.documents.find((doc) => doc.id === d)?.step).toBe(step.id);
    }
    for (const [id, field] of Object.entries(service.fields)) expect(field.id).toBe(id);
    // Field ids are unique across steps: answers are one flat object.
    const all = service.steps.flatMap((s) => s.fields);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('pathThrough: branches', () => {
  it('renewal for oneself', () => {
    expect(ids(pathThrough(passportService, { case: 'renewal', applicantRelation: 'self', birthDate: '1985-03-02' }, opts))).toEqual([
      'eligibility', 'renewal-reason', 'personal', 'current-passport', 'family', 'contact', 'occupation',
      'declaration', 'photo', 'documents', 'delivery', 'face', 'review',
    ]);
  });

  it('lost passport: loss details; stolen too; damaged skips them', () => {
    const base = { case: 'replacement', applicantRelation: 'self' };
    expect(ids(pathThrough(passportService, { ...base, replacementReason: 'lost' }, opts))).toContain('loss-details');
    expect(ids(pathThrough(passportService, { ...base, replacementReason: 'stolen' }, opts))).toContain('loss-details');
    const damaged = ids(pathThrough(passportService, { ...base, replacementReason: 'damaged' }, opts));
    expect(damaged).not.toContain('loss-details');
    expect(damaged).toContain('current-passport');
  });

  it('first issue for a child under 16: applicant and guardian steps, no current passport', () => {
    const path = ids(pathThrough(passportService, childFirstIssueAnswers(), opts));
    expect(path).toEqual(expect.arrayContaining(['applicant', 'guardian']));
    expect(path).not.toContain('current-passport');
    expect(path).not.toContain('renewal-reason');
  });

  it('nothing answered yet: the default path, and next/previous follow it', () => {
    const path = ids(pathThrough(passportService, {}, opts));
    expect(path[0]).toBe('eligibility');
    expect(path).not.toContain('guardian');
    expect(nextStep(passportService, 'eligibility', { case: 'replacement' }, opts)?.id).toBe('replacement-reason');
    expect(nextStep(passportService, 'eligibility', { case: 'first_issue', applicantRelation: 'self' }, opts)?.id).toBe('personal');
    expect(previousStep(passportService, 'personal', { case: 'renewal', applicantRelation: 'self' }, opts)?.id).toBe('renewal-reason');
    expect(previousStep(passportService, 'eligibility', {}, opts)).toBeNull();
    expect(nextStep(passportService, 'review', {}, opts)).toBeNull();
    expect(nextStep(passportService, 'no-such-step', {}, opts)).toBeNull();
  });

  it('emergency: loss details only for lost/stolen', () => {
    expect(ids(pathThrough(emergencyTravelService, { emergencyReason: 'lost' }, opts))).toContain('loss-details');
    expect(ids(pathThrough(emergencyTravelService, { emergencyReason: 'expired' }, opts))).not.toContain('loss-details');
  });
});

describe('validateStep', () => {
  it('gives Chinese messages per field and normalizes values', () => {
    const result = validateStep(passportService, 'personal', { surnameZh: '李', givenNameZh: '', surnamePinyin: 'lǐ', sex: 'X', birthDate: '1985-02-30' }, opts);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual({
      givenNameZh: '此项为必填项',
      surnamePinyin: expect.stringContaining('拼音'),
      givenNamePinyin: '此项为必填项',
      sex: '请从选项中选择',
      birthDate: '请选择正确的日期',
      birthPlace: '此项为必填项',
    });
    const ok = validateStep(passportService, 'contact', renewalAnswers(), opts);
    expect(ok).toMatchObject({ ok: true, errors: {} });
    expect(ok.values).toMatchObject({ phone: '+12125550100', domesticContactPhone: '+8613812345678', residenceCountry: 'US' });
  });

  it('reuses the shared identity validators (passport number, resident ID)', () => {
    expect(validateStep(passportService, 'current-passport', { case: 'renewal', currentPassportNumber: 'EI1234567' }, opts).errors.currentPassportNumber).toContain('护照号码格式不正确');
    expect(
      validateStep(passportService, 'applicant', { applicantRelation: 'child', applicantIdType: 'resident_id', applicantIdNumber: '110105194912310021' }, opts).errors,
    ).toEqual({ applicantIdNumber: '居民身份证号码校验位不正确，请核对后重新输入' });
  });

  it('conditional fields: spouse only when married, employer only when employed', () => {
    expect(validateStep(passportService, 'family', { fatherName: '李', motherName: '王', maritalStatus: 'married' }, opts).errors).toEqual({ spouseName: '此项为必填项' });
    const single = validateStep(passportService, 'family', { fatherName: '李', motherName: '王', maritalStatus: 'single', spouseName: '张' }, opts);
    expect(single.ok).toBe(true);
    expect(single.values).not.toHaveProperty('spouseName');
    expect(visibleFields(passportService, 'occupation', { occupation: 'retired' }, opts).map((f) => f.id)).not.toContain('employer');
  });

  it('offers mailing the old passport only to someone who holds one', () => {
    const offered = (answers: Record<string, unknown>) =>
      visibleFields(passportService, 'delivery', answers, opts).find((f) => f.id === 'materialsSubmission')!.options!.map((o) => o.value);
    expect(offered({ case: 'renewal' })).toEqual(['online_only', 'mail_old_passport']);
    expect(offered({ case: 'first_issue' })).toEqual(['online_only']);
    expect(validateStep(passportService, 'delivery', { case: 'first_issue', materialsSubmission: 'mail_old_passport', collection: 'mission', paymentMethod: 'online' }, opts).errors).toEqual({
      materialsSubmission: '请从选项中选择',
    });
  });

  it('unknown step', () => {
    expect(validateStep(passportService, 'nope', {}, opts)).toMatchObject({ ok: false, errors: { _step: '该步骤不存在' } });
  });

  it('emergency refuses local residents and points to the passport service', () => {
    const result = validateStep(emergencyTravelService, 'eligibility', { stayType: 'local_resident', emergencyReason: 'lost', applicantRelation: 'self' }, opts);
    expect(result.ok).toBe(false);
    expect(result.errors.stayType).toContain('常住当地的申请人请申办护照或旅行证');
    expect(result.refusal?.redirectService).toBe('passport');
  });

  it('dates: loss date not in the future, departure not in the past', () => {
    expect(validateStep(emergencyTravelService, 'trip', { entryDate: '2025-07-01', departureDate: '2025-06-01', destinationCountry: 'CN', stayAddress: 'x' }, opts).errors).toEqual({
      entryDate: '日期不能晚于今天',
      departureDate: '日期不能早于今天',
    });
  });
});

describe('documents and rules', () => {
  it('renewal: photo, data page, signature (endorsement pages optional)', () => {
    expect(docIds(renewalAnswers())).toEqual(['declaration_signature', 'id_photo', 'passport_data_page']);
  });

  it('lost passport: loss statement; police report only optional', () => {
    const answers = { ...renewalAnswers(), case: 'replacement', replacementReason: 'lost', lossDate: '2025-06-01', lossPlace: 'NY', lossCircumstances: '丢失', policeReported: 'yes' };
    expect(docIds(answers)).toEqual(['declaration_signature', 'id_photo', 'loss_statement']);
  });

  it('under 16: guardian ID, guardianship proof and consent; guardian signs under 10', () => {
    expect(docIds(childFirstIssueAnswers())).toEqual([
      'declaration_signature', 'guardian_consent', 'guardian_id', 'guardianship_proof', 'id_photo', 'identity_proof',
    ]);
    expect(applicantAge(passportService, childFirstIssueAnswers(), opts)).toBe(6);
    expect(declarationSigner(passportService, childFirstIssueAnswers(), opts)).toBe('guardian');
    expect(declarationSigner(passportService, renewalAnswers(), opts)).toBe('applicant');
  });

  it('answers left on an abandoned branch do not count', () => {
    // Chose "lost", then went back and chose renewal: no loss statement is asked for.
    const answers = { ...renewalAnswers(), replacementReason: 'lost', lossDate: '2025-06-01' };
    expect(docIds(answers)).not.toContain('loss_statement');
    expect(effectiveAnswers(passportService, answers, opts)).not.toHaveProperty('replacementReason');
  });

  it('ages on the birthday boundary', () => {
    expect(applicantAge(passportService, { birthDate: '2009-06-15' }, opts)).toBe(16);
    expect(applicantAge(passportService, { birthDate: '2009-06-16' }, opts)).toBe(15);
    expect(applicantAge(passportService, { birthDate: '2099-01-01' }, opts)).toBeNull();
  });

  it('fees by case', () => {
    expect(feeCodes(passportService, renewalAnswers(), opts)).toEqual(['passport']);
    expect(feeCodes(passportService, { ...renewalAnswers(), case: 'travel_document' }, opts)).toEqual(['travel_document']);
    expect(feeCodes(emergencyTravelService, {}, opts)).toEqual(['emergency_travel']);
  });

  it('interview reasons: minor, face skipped/failed, passport only', () => {
    expect(interviewReasons({}, { faceResult: 'passed', applicantAge: 30, idType: 'resident_id' })).toEqual([]);
    expect(interviewReasons({}, { faceResult: 'skipped', applicantAge: 30, idType: 'resident_id' })).toEqual(['face_skipped']);
    expect(interviewReasons({}, { faceResult: null, applicantAge: 30, idType: 'resident_id' })).toEqual(['face_skipped']);
    expect(interviewReasons({}, { faceResult: 'failed', applicantAge: 12, idType: 'resident_id' })).toEqual(['minor', 'face_failed']);
    expect(interviewReasons({}, { faceResult: 'skipped', applicantAge: 40, idType: 'passport' })).toEqual(['passport_only']);
    expect(interviewReasons(childFirstIssueAnswers(), { faceResult: 'skipped', idType: 'none' }, passportService, opts)).toEqual(['minor', 'passport_only']);
  });
});

describe('validateApplication', () => {
  const everything = { uploadedDocuments: ['id_photo', 'passport_data_page', 'declaration_signature'], faceStatus: 'skipped' as const, today: TODAY };

  it('a complete renewal passes', () => {
    expect(validateApplication(passportService, renewalAnswers(), everything)).toMatchObject({ ok: true, stepErrors: {}, missingDocuments: [], face: null });
    expect(firstIncompleteStep(passportService, renewalAnswers(), everything)).toBeNull();
  });

  it('lists what is missing, by step, when steps were skipped', () => {
    const answers = renewalAnswers();
    delete answers.fatherName;
    delete answers.phone;
    const result = validateApplication(passportService, answers, { today: TODAY, uploadedDocuments: ['id_photo'] });
    expect(result.ok).toBe(false);
    expect(result.stepErrors).toEqual({ family: { fatherName: '此项为必填项' }, contact: { phone: '此项为必填项' } });
    expect(result.missingDocuments.map((d) => d.id).sort()).toEqual(['declaration_signature', 'passport_data_page']);
    expect(result.missingDocuments[0].message).toMatch(/^请上传：/);
    expect(result.face).toContain('身份核验');
    expect(firstIncompleteStep(passportService, answers, { today: TODAY })?.id).toBe('family');
  });

  it('emergency needs the no-withdrawal confirmation', () => {
    const answers = Object.assign({}, ...emergencySteps(TODAY).map(([, a]) => a));
    const ctx = { uploadedDocuments: ['id_photo', 'loss_statement'], faceStatus: 'passed' as const, today: TODAY };
    expect(validateApplication(emergencyTravelService, answers, ctx).ok).toBe(true);
    delete answers.confirmNoWithdrawal;
    expect(validateApplication(emergencyTravelService, answers, ctx).stepErrors).toEqual({ review: { confirmNoWithdrawal: '请阅读并勾选确认' } });
  });
});

describe('never throws, whatever the answers', () => {
  const junk = fc.oneof(
    fc.anything(),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...Object.keys(passportService.fields), '__proto__', 'constructor', 'toString'), fc.string()),
      fc.oneof(fc.string(), fc.boolean(), fc.constantFrom('renewal', 'replacement', 'lost', 'child', 'married', '2015-01-01', '1985-13-40'), fc.anything()),
    ),
  );
  it.each(applicationServices())('$id', (service) => {
    fc.assert(
      fc.property(junk, fc.string(), (answers, stepId) => {
        const path = pathThrough(service, answers, opts);
        expect(path.length).toBeGreaterThan(0);
        for (const step of [...path, { id: stepId }]) {
          validateStep(service, step.id, answers, opts);
          nextStep(service, step.id, answers, opts);
          previousStep(service, step.id, answers, opts);
        }
        const result = validateApplication(service, answers, { ...opts, uploadedDocuments: [] });
        expect(typeof result.ok).toBe('boolean');
        requiredDocuments(service, answers, opts);
        interviewReasons(answers, {}, service, opts);
        feeCodes(service, answers, opts);
      }),
      { numRuns: 300 },
    );
  });
});
