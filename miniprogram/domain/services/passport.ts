import {
  applicantFields,
  collectionFields,
  contactFields,
  guardianDocuments,
  guardianFields,
  idPhotoDocument,
  isOther,
  lossFields,
  personalFields,
  underGuardianAge,
} from './common-fields';
import type { Condition } from './definition-types';
import { passportTexts } from './passport-text';
import { localizeService, type ServiceStructure } from './service-text';

/**
 * 护照旅行证: first issue, renewal, replacement, travel document. Steps and fields as data;
 * the flow branches on the case, the applicant (self / other) and the applicant's age.
 * Structure only — every word of this service is in passport-text.ts (the shared fields of
 * common-fields.ts are worded in common-fields-text.ts, which a text map may overlay).
 */

const isRenewal: Condition = { field: 'case', value: 'renewal' };
const isReplacement: Condition = { field: 'case', value: 'replacement' };
const lostOrStolen: Condition = { all: [isReplacement, { field: 'replacementReason', in: ['lost', 'stolen'] }] };
const damaged: Condition = { all: [isReplacement, { field: 'replacementReason', value: 'damaged' }] };
/** The applicant still holds the old passport (it must be cancelled). */
const holdsOldPassport: Condition = { any: [isRenewal, damaged] };

type Field = ServiceStructure['fields'][string];
const field = (def: Field): Field => def;

const fields: ServiceStructure['fields'] = {
  case: field({
    id: 'case',
    type: 'radio',
    required: true,
    options: [
      { value: 'first_issue' },
      { value: 'renewal' },
      { value: 'replacement' },
      { value: 'travel_document' },
    ],
  }),
  ...applicantFields,
  renewalReason: field({
    id: 'renewalReason',
    type: 'radio',
    required: true,
    options: [
      { value: 'expired' },
      { value: 'expiring' },
      { value: 'pages_full' },
    ],
  }),
  replacementReason: field({
    id: 'replacementReason',
    type: 'radio',
    required: true,
    options: [
      { value: 'lost' },
      { value: 'stolen' },
      { value: 'damaged' },
    ],
  }),
  ...lossFields,
  ...personalFields,
  currentPassportNumber: field({
    id: 'currentPassportNumber',
    type: 'text',
    // Someone whose passport was lost may not remember the number; staff can look it up.
    required: holdsOldPassport,
    validators: ['passportNumber'],
    maxLength: 16,
  }),
  currentPassportExpiry: field({
    id: 'currentPassportExpiry',
    type: 'date',
    required: holdsOldPassport,
  }),
  fatherName: field({ id: 'fatherName', type: 'text', required: true, validators: ['personName'] }),
  motherName: field({ id: 'motherName', type: 'text', required: true, validators: ['personName'] }),
  maritalStatus: field({
    id: 'maritalStatus',
    type: 'select',
    required: true,
    options: [
      { value: 'single' },
      { value: 'married' },
      { value: 'divorced' },
      { value: 'widowed' },
    ],
  }),
  spouseName: field({
    id: 'spouseName',
    type: 'text',
    required: true,
    when: { field: 'maritalStatus', value: 'married' },
    validators: ['personName'],
  }),
  ...guardianFields,
  ...contactFields,
  occupation: field({
    id: 'occupation',
    type: 'select',
    required: true,
    options: [
      { value: 'employed' },
      { value: 'self_employed' },
      { value: 'student' },
      { value: 'retired' },
      { value: 'unemployed' },
      { value: 'child' },
      { value: 'other' },
    ],
  }),
  employer: field({
    id: 'employer',
    type: 'text',
    required: true,
    when: { field: 'occupation', in: ['employed', 'self_employed', 'student'] },
  }),
  lastExitDate: field({
    id: 'lastExitDate',
    type: 'date',
    // A child born abroad has never left China.
    required: { not: { field: 'case', value: 'first_issue' } },
    validators: ['notFutureDate'],
  }),
  lastExitPort: field({ id: 'lastExitPort', type: 'text' }),
  declarationAgreed: field({
    id: 'declarationAgreed',
    type: 'checkbox',
    required: true,
  }),
  materialsSubmission: field({
    id: 'materialsSubmission',
    type: 'radio',
    required: true,
    options: [
      { value: 'online_only' },
      {
        value: 'mail_old_passport',
        when: holdsOldPassport,
      },
    ],
  }),
  ...collectionFields,
};

export const passportStructure: ServiceStructure = {
  id: 'passport',
  orderCode: 'P',
  birthDateField: 'birthDate',
  applicantFields: { relation: 'applicantRelation', idType: 'applicantIdType', idNumber: 'applicantIdNumber', nameFields: ['surnameZh', 'givenNameZh'] },
  fields,
  steps: [
    {
      id: 'eligibility',
      kind: 'eligibility',
      fields: ['case', 'applicantRelation'],
      next: {
        branches: [
          { field: 'case', value: 'renewal', next: 'renewal-reason' },
          { field: 'case', value: 'replacement', next: 'replacement-reason' },
        ],
        default: 'applicant',
      },
    },
    { id: 'renewal-reason', kind: 'form', fields: ['renewalReason'], next: 'applicant' },
    {
      id: 'replacement-reason',
      kind: 'form',
      fields: ['replacementReason'],
      next: { branches: [{ field: 'replacementReason', in: ['lost', 'stolen'], next: 'loss-details' }], default: 'applicant' },
    },
    {
      id: 'loss-details',
      kind: 'form',
      fields: ['lossDate', 'lossPlace', 'lossCircumstances', 'policeReported'],
      next: 'applicant',
    },
    {
      id: 'applicant',
      kind: 'form',
      when: isOther,
      fields: ['applicantIdType', 'applicantIdNumber'],
      next: 'personal',
    },
    {
      id: 'personal',
      kind: 'form',
      fields: ['surnameZh', 'givenNameZh', 'surnamePinyin', 'givenNamePinyin', 'sex', 'birthDate', 'birthPlace'],
      next: 'current-passport',
    },
    {
      id: 'current-passport',
      kind: 'form',
      when: { any: [isRenewal, isReplacement] },
      fields: ['currentPassportNumber', 'currentPassportExpiry'],
      next: 'family',
    },
    { id: 'family', kind: 'form', fields: ['fatherName', 'motherName', 'maritalStatus', 'spouseName'], next: 'guardian' },
    {
      id: 'guardian',
      kind: 'form',
      when: underGuardianAge,
      fields: ['guardianName', 'guardianRelation', 'guardianIdType', 'guardianIdNumber', 'guardianPhone'],
      next: 'contact',
    },
    {
      id: 'contact',
      kind: 'form',
      fields: ['phone', 'email', 'residenceCountry', 'addressAbroad', 'addressInChina', 'domesticContactName', 'domesticContactPhone'],
      next: 'occupation',
    },
    { id: 'occupation', kind: 'form', fields: ['occupation', 'employer', 'lastExitDate', 'lastExitPort'], next: 'declaration' },
    {
      id: 'declaration',
      kind: 'signature',
      fields: ['declarationAgreed'],
      documents: ['declaration_signature'],
      next: 'photo',
    },
    { id: 'photo', kind: 'photo', fields: [], documents: ['id_photo'], next: 'documents' },
    {
      id: 'documents',
      kind: 'documents',
      fields: [],
      documents: ['passport_data_page', 'endorsement_pages', 'loss_statement', 'police_report', 'identity_proof', 'guardian_id', 'guardianship_proof', 'guardian_consent'],
      next: 'delivery',
    },
    {
      id: 'delivery',
      kind: 'delivery',
      fields: ['materialsSubmission', 'collection', 'mailRecipient', 'mailPhone', 'mailAddress', 'paymentMethod'],
      next: 'face',
    },
    {
      id: 'face',
      kind: 'face',
      fields: [],
      next: 'review',
    },
    { id: 'review', kind: 'review', fields: [] },
  ],
  documents: [
    idPhotoDocument,
    { id: 'passport_data_page', kind: 'image', step: 'documents', when: holdsOldPassport, proves: ['currentPassportNumber', 'currentPassportExpiry'] },
    { id: 'endorsement_pages', kind: 'image', step: 'documents', when: holdsOldPassport, required: false },
    { id: 'loss_statement', kind: 'image', step: 'documents', when: lostOrStolen, proves: ['lossDate', 'lossPlace', 'lossCircumstances'] },
    {
      id: 'police_report',
      kind: 'image',
      step: 'documents',
      when: { all: [lostOrStolen, { field: 'policeReported', value: 'yes' }] },
      required: false,
      proves: ['policeReported'],
    },
    {
      id: 'identity_proof',
      kind: 'image',
      step: 'documents',
      when: { field: 'case', in: ['first_issue', 'travel_document'] },
      proves: ['surnameZh', 'givenNameZh', 'sex', 'birthDate', 'birthPlace'],
    },
    ...guardianDocuments,
    { id: 'declaration_signature', kind: 'signature', step: 'declaration' },
  ],
  fees: [
    // Demo amounts in the spirit of DOMAIN.md's "passport ≈ USD 18"; the travel document
    // alone has express / urgent processing (3 / 2 / 1 working days).
    { code: 'passport', when: { not: { field: 'case', value: 'travel_document' } }, demoAmountsFen: { normal: 13000 } },
    {
      code: 'travel_document',
      when: { field: 'case', value: 'travel_document' },
      demoAmountsFen: { normal: 13000, express: 27500, urgent: 35000 },
    },
  ],
  rules: {
    withdrawableStatuses: ['draft', 'awaiting_payment', 'submitted'],
    refundable: true,
    guardianUnderAge: 16,
    guardianSignsUnderAge: 10,
    interviewUnderAge: 18,
    paymentMethodField: 'paymentMethod',
    district: 'residence',
    // A passport applied for online carries no fingerprints: where the mission asks for
    // them (US missions since 2024-11-18), production waits until they are taken.
    appointments: [
      { kind: 'fingerprints', bookableIn: ['submitted', 'supplement_requested', 'second_review', 'interview', 'approved'], gates: ['start_production'], mailException: true },
      { kind: 'pickup', bookableIn: ['ready_for_pickup'], collection: 'mission' },
    ],
  },
};

export const passportService = localizeService(passportStructure, passportTexts['zh-CN']);
