import type { ServiceStructure, ServiceTexts } from '../../../miniprogram/domain/services/service-text';

/**
 * A service that exists only in this test: a fishing-permit certificate, fee-free, one
 * form step and a review. It is registered by the test itself — no other file knows it.
 */
export const fixtureStructure: ServiceStructure = {
  id: 'fixture_fishing_permit',
  orderCode: 'F',
  applicantFields: { relation: 'applicantRelation', idType: 'unusedIdType', idNumber: 'unusedIdNumber', nameFields: ['holderName'] },
  fields: {
    applicantRelation: { id: 'applicantRelation', type: 'radio', required: true, options: [{ value: 'self' }] },
    holderName: { id: 'holderName', type: 'text', required: true, validators: ['personName'], maxLength: 30 },
    waters: { id: 'waters', type: 'select', required: true, options: [{ value: 'lake' }, { value: 'sea' }] },
  },
  steps: [
    { id: 'holder', kind: 'form', fields: ['applicantRelation', 'holderName', 'waters'], next: 'review' },
    { id: 'review', kind: 'review', fields: [] },
  ],
  documents: [],
  fees: [],
  rules: { withdrawableStatuses: ['draft', 'submitted'], refundable: false, guardianUnderAge: 0, interviewUnderAge: 0, interviewReasons: [], district: 'any' },
};

export const fixtureTexts: ServiceTexts = {
  'zh-CN': {
    title: '钓鱼许可证明',
    steps: { holder: { title: '持证人' }, review: { title: '核对并提交' } },
    fields: {
      applicantRelation: { label: '为谁申请', options: { self: '本人' } },
      holderName: { label: '持证人姓名' },
      waters: { label: '水域', options: { lake: '湖泊', sea: '海洋' } },
    },
  },
  en: {
    title: 'Fishing permit certificate',
    steps: { holder: { title: 'Permit holder' }, review: { title: 'Check and submit' } },
    fields: {
      applicantRelation: { label: 'Who is it for', options: { self: 'Myself' } },
      holderName: { label: "Holder's name" },
      waters: { label: 'Waters', options: { lake: 'Lake', sea: 'Sea' } },
    },
  },
};
