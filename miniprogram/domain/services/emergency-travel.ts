import { applicationMessages } from './application-messages';
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
import type { Condition, FieldDefinition, ServiceDefinition } from './definition-types';

/**
 * 应急旅行证: for short-term visitors who lost their passport or must travel urgently.
 * Local residents are refused and pointed to the passport service. Once submitted the
 * application cannot be withdrawn and fees are not refunded — the citizen confirms it on
 * the review step and the server enforces both.
 */

const lostOrStolen: Condition = { field: 'emergencyReason', in: ['lost', 'stolen'] };

const field = (def: FieldDefinition): FieldDefinition => def;

const fields: Record<string, FieldDefinition> = {
  stayType: field({
    id: 'stayType',
    label: '您在当地的身份',
    type: 'radio',
    required: true,
    options: [
      { value: 'short_term_visitor', label: '短期来访', hint: '旅游、商务、探亲、过境等' },
      { value: 'local_resident', label: '在当地长期居留', hint: '工作、学习、定居等' },
    ],
  }),
  visitPurpose: field({
    id: 'visitPurpose',
    label: '来访目的',
    type: 'select',
    required: true,
    when: { field: 'stayType', value: 'short_term_visitor' },
    options: [
      { value: 'tourism', label: '旅游' },
      { value: 'business', label: '商务' },
      { value: 'family_visit', label: '探亲访友' },
      { value: 'transit', label: '过境' },
      { value: 'other', label: '其他' },
    ],
  }),
  emergencyReason: field({
    id: 'emergencyReason',
    label: '申请原因',
    type: 'radio',
    required: true,
    options: [
      { value: 'lost', label: '护照遗失' },
      { value: 'stolen', label: '护照被盗' },
      { value: 'damaged', label: '护照损毁' },
      { value: 'expired', label: '护照过期且急需回国' },
    ],
  }),
  ...applicantFields,
  ...lossFields,
  entryDate: field({ id: 'entryDate', label: '本次入境日期', type: 'date', required: true, validators: ['notFutureDate'] }),
  departureDate: field({ id: 'departureDate', label: '计划离境日期', type: 'date', required: true, validators: ['notPastDate'] }),
  destinationCountry: field({ id: 'destinationCountry', label: '前往国家或地区', type: 'country', required: true, hint: '回国请选择中国' }),
  flightNumber: field({ id: 'flightNumber', label: '航班号（如已订）', type: 'text', maxLength: 20 }),
  stayAddress: field({ id: 'stayAddress', label: '当地住址（酒店等）', type: 'address', required: true }),
  ...personalFields,
  oldPassportNumber: field({
    id: 'oldPassportNumber',
    label: '原护照号码',
    type: 'text',
    hint: '如记得请填写，有助于加快核实',
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
    label: '我已知悉：提交后不可撤回，已缴费用不予退还',
    type: 'checkbox',
    required: true,
  }),
};

export const emergencyTravelService: ServiceDefinition = {
  id: 'emergency_travel',
  title: '应急旅行证',
  orderCode: 'E',
  birthDateField: 'birthDate',
  applicantFields: { relation: 'applicantRelation', idType: 'applicantIdType', idNumber: 'applicantIdNumber', nameFields: ['surnameZh', 'givenNameZh'] },
  fields,
  steps: [
    {
      id: 'eligibility',
      title: '申请须知',
      kind: 'eligibility',
      intro:
        '应急旅行证供护照遗失、被盗、损毁或过期而急需出行的短期来访人员申请。' +
        '请准备：近期证件照、遗失或被盗情况说明（如有，警方报案证明）。提交后不可撤回，已缴费用不予退还。',
      fields: ['stayType', 'visitPurpose', 'emergencyReason', 'applicantRelation'],
      refusals: [
        {
          when: { field: 'stayType', value: 'local_resident' },
          field: 'stayType',
          message: applicationMessages.localResidentRefused,
          redirectService: 'passport',
        },
      ],
      next: { branches: [{ ...lostOrStolen, next: 'loss-details' }], default: 'trip' },
    },
    {
      id: 'loss-details',
      title: '遗失/被盗情况',
      kind: 'form',
      fields: ['lossDate', 'lossPlace', 'lossCircumstances', 'policeReported'],
      next: 'trip',
    },
    {
      id: 'trip',
      title: '行程信息',
      kind: 'form',
      fields: ['entryDate', 'departureDate', 'destinationCountry', 'flightNumber', 'stayAddress'],
      next: 'applicant',
    },
    { id: 'applicant', title: '申请人证件', kind: 'form', when: isOther, fields: ['applicantIdType', 'applicantIdNumber'], next: 'personal' },
    {
      id: 'personal',
      title: '个人信息',
      kind: 'form',
      fields: ['surnameZh', 'givenNameZh', 'surnamePinyin', 'givenNamePinyin', 'sex', 'birthDate', 'birthPlace', 'oldPassportNumber'],
      next: 'guardian',
    },
    {
      id: 'guardian',
      title: '监护人信息',
      kind: 'form',
      when: underGuardianAge,
      fields: ['guardianName', 'guardianRelation', 'guardianIdType', 'guardianIdNumber', 'guardianPhone'],
      next: 'contact',
    },
    {
      id: 'contact',
      title: '联系方式',
      kind: 'form',
      fields: ['phone', 'email', 'addressInChina', 'domesticContactName', 'domesticContactPhone'],
      next: 'photo',
    },
    { id: 'photo', title: '证件照', kind: 'photo', fields: [], documents: ['id_photo'], next: 'documents' },
    {
      id: 'documents',
      title: '上传材料',
      kind: 'documents',
      fields: [],
      documents: ['loss_statement', 'police_report', 'passport_data_page', 'entry_proof', 'guardian_id', 'guardianship_proof', 'guardian_consent'],
      next: 'delivery',
    },
    { id: 'delivery', title: '领取与缴费', kind: 'delivery', fields: ['collection', 'mailRecipient', 'mailPhone', 'mailAddress', 'paymentMethod'], next: 'face' },
    {
      id: 'face',
      title: '身份核验',
      kind: 'face',
      intro: '通过微信人脸核身确认是申请人本人。可以跳过，跳过或未通过的申请需要视频面审。',
      fields: [],
      next: 'review',
    },
    {
      id: 'review',
      title: '核对并提交',
      kind: 'review',
      intro: '应急旅行证申请提交后不可撤回，已缴费用不予退还。',
      fields: ['confirmNoWithdrawal'],
    },
  ],
  documents: [
    idPhotoDocument,
    { id: 'loss_statement', label: '遗失/被盗情况说明', kind: 'image', step: 'documents', when: lostOrStolen },
    {
      id: 'police_report',
      label: '警方报案证明',
      kind: 'image',
      step: 'documents',
      when: { all: [lostOrStolen, { field: 'policeReported', value: 'yes' }] },
      required: false,
    },
    { id: 'passport_data_page', label: '原护照资料页', kind: 'image', step: 'documents', when: { field: 'emergencyReason', in: ['damaged', 'expired'] } },
    { id: 'entry_proof', label: '入境记录或签证页', kind: 'image', step: 'documents', required: false },
    ...guardianDocuments,
  ],
  fees: [{ code: 'emergency_travel', label: '应急旅行证费' }],
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
  messages: { withdrawRefused: '应急旅行证申请提交后不可撤回' },
};
