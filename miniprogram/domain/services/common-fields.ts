import type { Condition } from './definition-types';
import type { ServiceStructure } from './service-text';

/**
 * Fields and documents several services ask for (applicant, personal details, guardian,
 * contact, collection), so each definition lists only what is its own. Structure only: their
 * words, in every language, are in common-fields-text.ts.
 */

export const isOther: Condition = { field: 'applicantRelation', in: ['child', 'relative'] };
export const UNDER_GUARDIAN_AGE = 16;
export const underGuardianAge: Condition = { ageUnder: UNDER_GUARDIAN_AGE };

type Field = ServiceStructure['fields'][string];
type Document = ServiceStructure['documents'][number];
const field = (def: Field): Field => def;

export const applicantFields = {
  applicantRelation: field({ id: 'applicantRelation', type: 'radio', required: true, options: [{ value: 'self' }, { value: 'child' }, { value: 'relative' }] }),
  applicantIdType: field({ id: 'applicantIdType', type: 'select', required: true, options: [{ value: 'resident_id' }, { value: 'passport' }, { value: 'none' }] }),
  applicantIdNumber: field({
    id: 'applicantIdNumber',
    type: 'text',
    required: true,
    when: { field: 'applicantIdType', in: ['resident_id', 'passport'] },
    validators: ['idNumber'],
    idTypeField: 'applicantIdType',
    maxLength: 32,
  }),
};

export const personalFields = {
  surnameZh: field({ id: 'surnameZh', type: 'text', required: true, validators: ['personName'], maxLength: 20 }),
  givenNameZh: field({ id: 'givenNameZh', type: 'text', required: true, validators: ['personName'], maxLength: 20 }),
  surnamePinyin: field({ id: 'surnamePinyin', type: 'pinyin', required: true }),
  givenNamePinyin: field({ id: 'givenNamePinyin', type: 'pinyin', required: true }),
  sex: field({ id: 'sex', type: 'radio', required: true, options: [{ value: 'M' }, { value: 'F' }] }),
  birthDate: field({ id: 'birthDate', type: 'date', required: true, validators: ['notFutureDate'] }),
  birthPlace: field({ id: 'birthPlace', type: 'text', required: true, maxLength: 50 }),
};

export const guardianFields = {
  guardianName: field({ id: 'guardianName', type: 'text', required: true, validators: ['personName'] }),
  guardianRelation: field({ id: 'guardianRelation', type: 'radio', required: true, options: [{ value: 'father' }, { value: 'mother' }, { value: 'other' }] }),
  guardianIdType: field({ id: 'guardianIdType', type: 'select', required: true, options: [{ value: 'resident_id' }, { value: 'passport' }] }),
  guardianIdNumber: field({ id: 'guardianIdNumber', type: 'text', required: true, validators: ['idNumber'], idTypeField: 'guardianIdType', maxLength: 32 }),
  guardianPhone: field({ id: 'guardianPhone', type: 'phone', required: true }),
};

export const contactFields = {
  phone: field({ id: 'phone', type: 'phone', required: true }),
  email: field({ id: 'email', type: 'email' }),
  residenceCountry: field({ id: 'residenceCountry', type: 'country', required: true }),
  addressAbroad: field({ id: 'addressAbroad', type: 'address', required: true }),
  addressInChina: field({ id: 'addressInChina', type: 'address', required: true }),
  domesticContactName: field({ id: 'domesticContactName', type: 'text', required: true, validators: ['personName'] }),
  domesticContactPhone: field({ id: 'domesticContactPhone', type: 'phone', required: true }),
};

export const collectionFields = {
  collection: field({ id: 'collection', type: 'radio', required: true, options: [{ value: 'mission' }, { value: 'mail' }] }),
  mailRecipient: field({ id: 'mailRecipient', type: 'text', required: true, when: { field: 'collection', value: 'mail' }, validators: ['personName'] }),
  mailPhone: field({ id: 'mailPhone', type: 'phone', required: true, when: { field: 'collection', value: 'mail' } }),
  mailAddress: field({ id: 'mailAddress', type: 'address', required: true, when: { field: 'collection', value: 'mail' } }),
  paymentMethod: field({ id: 'paymentMethod', type: 'radio', required: true, options: [{ value: 'online' }, { value: 'at_mission' }] }),
};

export const lossFields = {
  lossDate: field({ id: 'lossDate', type: 'date', required: true, validators: ['notFutureDate'] }),
  lossPlace: field({ id: 'lossPlace', type: 'text', required: true }),
  lossCircumstances: field({ id: 'lossCircumstances', type: 'textarea', required: true }),
  policeReported: field({ id: 'policeReported', type: 'radio', required: true, options: [{ value: 'yes' }, { value: 'no' }] }),
};

export const idPhotoDocument: Document = { id: 'id_photo', kind: 'id_photo', step: 'photo' };

export const guardianDocuments: Document[] = [
  { id: 'guardian_id', kind: 'image', step: 'documents', when: underGuardianAge, proves: ['guardianName', 'guardianIdNumber'] },
  { id: 'guardianship_proof', kind: 'image', step: 'documents', when: underGuardianAge, proves: ['guardianRelation'] },
  { id: 'guardian_consent', kind: 'image', step: 'documents', when: underGuardianAge },
];
