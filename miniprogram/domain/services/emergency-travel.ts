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
import { emergencyTravelTexts } from './emergency-travel-text';
import { localizeService, type ServiceStructure } from './service-text';

/**
 * 应急旅行证: for short-term visitors who lost their passport or must travel urgently.
 * Local residents are refused and pointed to the passport service. Once submitted the
 * application cannot be withdrawn and fees are not refunded — the citizen confirms it on
 * the review step and the server enforces both. Structure only — every word of this service
 * is in emergency-travel-text.ts.
 */

const lostOrStolen: Condition = { field: 'emergencyReason', in: ['lost', 'stolen'] };

type Field = ServiceStructure['fields'][string];
const field = (def: Field): Field => def;

const fields: ServiceStructure['fields'] = {
  stayType: field({
    id: 'stayType',
    type: 'radio',
    required: true,
    options: [
      { value: 'short_term_visitor' },
      { value: 'local_resident' },
    ],
  }),
  visitPurpose: field({
    id: 'visitPurpose',
    type: 'select',
    required: true,
    when: { field: 'stayType', value: 'short_term_visitor' },
    options: [
      { value: 'tourism' },
      { value: 'business' },
      { value: 'family_visit' },
      { value: 'transit' },
      { value: 'other' },
    ],
  }),
  emergencyReason: field({
    id: 'emergencyReason',
    type: 'radio',
    required: true,
    options: [
      { value: 'lost' },
      { value: 'stolen' },
      { value: 'damaged' },
      { value: 'expired' },
    ],
  }),
  ...applicantFields,
  ...lossFields,
  entryDate: field({ id: 'entryDate', type: 'date', required: true, validators: ['notFutureDate'] }),
  departureDate: field({ id: 'departureDate', type: 'date', required: true, validators: ['notPastDate'] }),
  destinationCountry: field({ id: 'destinationCountry', type: 'country', required: true }),
  flightNumber: field({ id: 'flightNumber', type: 'text', maxLength: 20 }),
  stayAddress: field({ id: 'stayAddress', type: 'address', required: true }),
  ...personalFields,
  oldPassportNumber: field({
    id: 'oldPassportNumber',
    type: 'text',
    required: { field: 'emergencyReason', in: ['damaged', 'expired'] },
    validators: ['passportNumber'],
    maxLength: 16,
  }),
  ...guardianFields,
  phone: contactFields.phone,
  email: contactFields.email,
  addressInChina: contactFields.addressInChina,
  domesticContactName: contactFields.domesticContactName,
  domesticContactPhone: contactFields.domesticContactPhone,
  ...collectionFields,
  confirmNoWithdrawal: field({
    id: 'confirmNoWithdrawal',
    type: 'checkbox',
    required: true,
  }),
};

export const emergencyTravelStructure: ServiceStructure = {
  id: 'emergency_travel',
  orderCode: 'E',
  birthDateField: 'birthDate',
  applicantFields: { relation: 'applicantRelation', idType: 'applicantIdType', idNumber: 'applicantIdNumber', nameFields: ['surnameZh', 'givenNameZh'] },
  fields,
  steps: [
    {
      id: 'eligibility',
      kind: 'eligibility',
      fields: ['stayType', 'visitPurpose', 'emergencyReason', 'applicantRelation'],
      refusals: [
        {
          when: { field: 'stayType', value: 'local_resident' },
          field: 'stayType',
          redirectService: 'passport',
        },
      ],
      next: { branches: [{ ...lostOrStolen, next: 'loss-details' }], default: 'trip' },
    },
    {
      id: 'loss-details',
      kind: 'form',
      fields: ['lossDate', 'lossPlace', 'lossCircumstances', 'policeReported'],
      next: 'trip',
    },
    {
      id: 'trip',
      kind: 'form',
      fields: ['entryDate', 'departureDate', 'destinationCountry', 'flightNumber', 'stayAddress'],
      next: 'applicant',
    },
    { id: 'applicant', kind: 'form', when: isOther, fields: ['applicantIdType', 'applicantIdNumber'], next: 'personal' },
    {
      id: 'personal',
      kind: 'form',
      fields: ['surnameZh', 'givenNameZh', 'surnamePinyin', 'givenNamePinyin', 'sex', 'birthDate', 'birthPlace', 'oldPassportNumber'],
      next: 'guardian',
    },
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
      fields: ['phone', 'email', 'addressInChina', 'domesticContactName', 'domesticContactPhone'],
      next: 'photo',
    },
    { id: 'photo', kind: 'photo', fields: [], documents: ['id_photo'], next: 'documents' },
    {
      id: 'documents',
      kind: 'documents',
      fields: [],
      documents: ['loss_statement', 'police_report', 'passport_data_page', 'entry_proof', 'guardian_id', 'guardianship_proof', 'guardian_consent'],
      next: 'delivery',
    },
    { id: 'delivery', kind: 'delivery', fields: ['collection', 'mailRecipient', 'mailPhone', 'mailAddress', 'paymentMethod'], next: 'face' },
    {
      id: 'face',
      kind: 'face',
      fields: [],
      next: 'review',
    },
    {
      id: 'review',
      kind: 'review',
      fields: ['confirmNoWithdrawal'],
    },
  ],
  documents: [
    idPhotoDocument,
    { id: 'loss_statement', kind: 'image', step: 'documents', when: lostOrStolen, proves: ['lossDate', 'lossPlace', 'lossCircumstances'] },
    {
      id: 'police_report',
      kind: 'image',
      step: 'documents',
      when: { all: [lostOrStolen, { field: 'policeReported', value: 'yes' }] },
      required: false,
      proves: ['policeReported'],
    },
    { id: 'passport_data_page', kind: 'image', step: 'documents', when: { field: 'emergencyReason', in: ['damaged', 'expired'] }, proves: ['oldPassportNumber'] },
    { id: 'entry_proof', kind: 'image', step: 'documents', required: false, proves: ['entryDate'] },
    ...guardianDocuments,
  ],
  fees: [{ code: 'emergency_travel', demoAmountsFen: { normal: 13000 } }],
  rules: {
    // Drafts may be abandoned; a submitted application may not be withdrawn.
    withdrawableStatuses: ['draft'],
    refundable: false,
    confirmationField: 'confirmNoWithdrawal',
    guardianUnderAge: 16,
    interviewUnderAge: 18,
    paymentMethodField: 'paymentMethod',
    // A traveller in trouble is served where they are: never cross-district.
    district: 'any',
  },
};

export const emergencyTravelService = localizeService(emergencyTravelStructure, emergencyTravelTexts['zh-CN']);
