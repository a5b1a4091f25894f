import type { WorkflowTransition } from './definition-types';
import { PENSION_AGENCIES, PENSION_PROVINCES } from './pension-localities';
import { pensionTexts } from './pension-text';
import { localizeService, type ServiceStructure } from './service-text';

/**
 * 养老金资格认证: a pensioner living abroad proves every 12 months that they are alive.
 * Structure only — every word is in pension-text.ts. Fee-free, no staff review when the
 * face check passes: the certification goes straight to the pension authority (the job
 * `pension.push`, handled by server/pension). A failed or skipped face check leads to a
 * video interview, after which staff confirm or refuse the person's identity.
 */

/** The job that pushes a certification to the 人社部门 (server/pension registers its handler). */
export const PENSION_PUSH_JOB = 'pension.push';
/** The authority may be down for days: 1 min, 2, 4 … then every 6 h, about 4 days in all. */
const push = { job: PENSION_PUSH_JOB, maxAttempts: 20, backoffMs: 60_000 } as const;

const isFamily = { field: 'applicantRelation', in: ['parent', 'spouse', 'relative'] } as const;

const workflow: readonly WorkflowTransition[] = [
  { from: 'draft', to: 'at_authority', action: 'submit_certification', actor: 'citizen', guard: { interviewRequired: false }, enqueue: push },
  { from: 'draft', to: 'interview', action: 'submit_for_interview', actor: 'citizen', guard: { interviewRequired: true } },
  { from: 'interview', to: 'at_authority', action: 'confirm_identity', actor: 'staff', minimumRole: 'reviewer', enqueue: push },
  { from: 'interview', to: 'rejected', action: 'refuse_identity', actor: 'staff', minimumRole: 'reviewer', requires: ['note'] },
  { from: 'at_authority', to: 'completed', action: 'authority_accepted', actor: 'system' },
  { from: 'at_authority', to: 'rejected', action: 'authority_rejected', actor: 'system', requires: ['note'] },
  { from: 'draft', to: 'withdrawn', action: 'withdraw', actor: 'citizen' },
  { from: 'draft', to: 'expired', action: 'expire', actor: 'system' },
];

export const pensionStructure: ServiceStructure = {
  id: 'pension',
  orderCode: 'R',
  applicantFields: { relation: 'applicantRelation', idType: 'pensionerIdType', idNumber: 'pensionerIdNumber', nameFields: ['pensionerName'] },
  fields: {
    declarationRead: { id: 'declarationRead', type: 'checkbox', required: true },
    applicantRelation: {
      id: 'applicantRelation',
      type: 'radio',
      required: true,
      options: [{ value: 'self' }, { value: 'parent' }, { value: 'spouse' }, { value: 'relative' }],
    },
    // Face verification matches only mainland resident IDs, and pensions are paid against them.
    pensionerIdType: { id: 'pensionerIdType', type: 'radio', required: true, options: [{ value: 'resident_id' }] },
    pensionerIdNumber: { id: 'pensionerIdNumber', type: 'text', required: true, validators: ['idNumber'], idTypeField: 'pensionerIdType', maxLength: 18 },
    pensionerName: { id: 'pensionerName', type: 'text', required: true, validators: ['personName'], maxLength: 30 },
    payingProvince: {
      id: 'payingProvince',
      type: 'select',
      required: true,
      options: PENSION_PROVINCES.map((p) => ({ value: p.code, label: p.name })),
    },
    payingAgency: {
      id: 'payingAgency',
      type: 'select',
      required: true,
      options: PENSION_AGENCIES.map((a) => ({ value: a.code, label: `${a.city} · ${a.agency}`, when: { field: 'payingProvince', value: a.province } })),
    },
    socialSecurityNumber: { id: 'socialSecurityNumber', type: 'text', required: true, validators: ['socialSecurityNumber'], maxLength: 18 },
    pensionAccountName: { id: 'pensionAccountName', type: 'text', required: true, validators: ['personName'], maxLength: 30 },
  },
  steps: [
    { id: 'declaration', kind: 'eligibility', fields: ['declarationRead', 'applicantRelation'], next: { branches: [{ ...isFamily, next: 'pensioner' }], default: 'locality' } },
    { id: 'pensioner', kind: 'form', when: isFamily, fields: ['pensionerIdType', 'pensionerIdNumber', 'pensionerName'], next: 'locality' },
    { id: 'locality', kind: 'form', fields: ['payingProvince', 'payingAgency'], next: 'account' },
    { id: 'account', kind: 'form', fields: ['socialSecurityNumber', 'pensionAccountName'], next: 'face' },
    { id: 'face', kind: 'face', fields: [], next: 'review' },
    { id: 'review', kind: 'review', fields: [] },
  ],
  documents: [],
  fees: [],
  rules: {
    withdrawableStatuses: ['draft'],
    refundable: false,
    guardianUnderAge: 0,
    interviewUnderAge: 0,
    interviewReasons: ['face_failed', 'face_skipped', 'passport_only'],
    district: 'any',
    workflow,
    oncePerApplicantWithinMonths: 12,
  },
};

export const pensionService = localizeService(pensionStructure, pensionTexts['zh-CN']);
