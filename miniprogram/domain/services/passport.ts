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
 * 护照旅行证: first issue, renewal, replacement, travel document. Steps and fields as data;
 * the flow branches on the case, the applicant (self / other) and the applicant's age.
 */

const isRenewal: Condition = { field: 'case', value: 'renewal' };
const isReplacement: Condition = { field: 'case', value: 'replacement' };
const lostOrStolen: Condition = { all: [isReplacement, { field: 'replacementReason', in: ['lost', 'stolen'] }] };
const damaged: Condition = { all: [isReplacement, { field: 'replacementReason', value: 'damaged' }] };
/** The applicant still holds the old passport (it must be cancelled). */
const holdsOldPassport: Condition = { any: [isRenewal, damaged] };

const field = (def: FieldDefinition): FieldDefinition => def;

const fields: Record<string, FieldDefinition> = {
  case: field({
    id: 'case',
    label: '申请类别',
    type: 'radio',
    required: true,
    options: [
      { value: 'first_issue', label: '首次申请护照', hint: '从未持有过中国护照' },
      { value: 'renewal', label: '护照换发', hint: '已过期、有效期不足1年或签证页不足4页' },
      { value: 'replacement', label: '护照补发', hint: '遗失、被盗或损毁' },
      { value: 'travel_document', label: '旅行证', hint: '无法申领护照时的替代证件' },
    ],
  }),
  ...applicantFields,
  renewalReason: field({
    id: 'renewalReason',
    label: '换发原因',
    type: 'radio',
    required: true,
    options: [
      { value: 'expired', label: '护照已过期' },
      { value: 'expiring', label: '有效期不足1年' },
      { value: 'pages_full', label: '空白签证页不足4页' },
    ],
  }),
  replacementReason: field({
    id: 'replacementReason',
    label: '补发原因',
    type: 'radio',
    required: true,
    options: [
      { value: 'lost', label: '遗失' },
      { value: 'stolen', label: '被盗' },
      { value: 'damaged', label: '损毁' },
    ],
  }),
  ...lossFields,
  ...personalFields,
  currentPassportNumber: field({
    id: 'currentPassportNumber',
    label: '现持（原）护照号码',
    type: 'text',
    // Someone whose passport was lost may not remember the number; staff can look it up.
    required: holdsOldPassport,
    validators: ['passportNumber'],
    maxLength: 16,
  }),
  currentPassportExpiry: field({
    id: 'currentPassportExpiry',
    label: '护照有效期至',
    type: 'date',
    required: holdsOldPassport,
  }),
  fatherName: field({ id: 'fatherName', label: '父亲姓名', type: 'text', required: true, validators: ['personName'] }),
  motherName: field({ id: 'motherName', label: '母亲姓名', type: 'text', required: true, validators: ['personName'] }),
  maritalStatus: field({
    id: 'maritalStatus',
    label: '婚姻状况',
    type: 'select',
    required: true,
    options: [
      { value: 'single', label: '未婚' },
      { value: 'married', label: '已婚' },
      { value: 'divorced', label: '离异' },
      { value: 'widowed', label: '丧偶' },
    ],
  }),
  spouseName: field({
    id: 'spouseName',
    label: '配偶姓名',
    type: 'text',
    required: true,
    when: { field: 'maritalStatus', value: 'married' },
    validators: ['personName'],
  }),
  ...guardianFields,
  ...contactFields,
  occupation: field({
    id: 'occupation',
    label: '职业',
    type: 'select',
    required: true,
    options: [
      { value: 'employed', label: '受雇' },
      { value: 'self_employed', label: '自雇/经商' },
      { value: 'student', label: '学生' },
      { value: 'retired', label: '退休' },
      { value: 'unemployed', label: '无业' },
      { value: 'child', label: '学龄前儿童' },
      { value: 'other', label: '其他' },
    ],
  }),
  employer: field({
    id: 'employer',
    label: '工作单位或学校',
    type: 'text',
    required: true,
    when: { field: 'occupation', in: ['employed', 'self_employed', 'student'] },
  }),
  lastExitDate: field({
    id: 'lastExitDate',
    label: '最近一次出境日期',
    type: 'date',
    // A child born abroad has never left China.
    required: { not: { field: 'case', value: 'first_issue' } },
    validators: ['notFutureDate'],
  }),
  lastExitPort: field({ id: 'lastExitPort', label: '出境口岸', type: 'text', hint: '如 北京首都机场' }),
  declarationAgreed: field({
    id: 'declarationAgreed',
    label: '本人已阅读并确认以上声明',
    type: 'checkbox',
    required: true,
  }),
  materialsSubmission: field({
    id: 'materialsSubmission',
    label: '材料递交方式',
    type: 'radio',
    required: true,
    options: [
      { value: 'online_only', label: '仅在线提交', hint: '旧护照（如有）在领取新证时交回' },
      {
        value: 'mail_old_passport',
        label: '在线提交，并邮寄旧护照',
        hint: '订单进入“待制证”后，将旧护照寄至使领馆，注明姓名和订单号',
        when: holdsOldPassport,
      },
    ],
  }),
  ...collectionFields,
};

export const passportService: ServiceDefinition = {
  id: 'passport',
  title: '护照旅行证',
  orderCode: 'P',
  birthDateField: 'birthDate',
  applicantFields: { relation: 'applicantRelation', idType: 'applicantIdType', idNumber: 'applicantIdNumber', nameFields: ['surnameZh', 'givenNameZh'] },
  fields,
  steps: [
    {
      id: 'eligibility',
      title: '申请须知',
      kind: 'eligibility',
      intro:
        '请准备：近期证件照（白色背景、深色上衣）、现持护照资料页照片（换发或损毁补发）、遗失或被盗情况说明（遗失补发）。' +
        '为未满16周岁的子女申请，还需监护人证件、监护关系证明和监护人同意书。填写过程中会自动保存，可随时继续。',
      fields: ['case', 'applicantRelation'],
      next: {
        branches: [
          { field: 'case', value: 'renewal', next: 'renewal-reason' },
          { field: 'case', value: 'replacement', next: 'replacement-reason' },
        ],
        default: 'applicant',
      },
    },
    { id: 'renewal-reason', title: '换发原因', kind: 'form', fields: ['renewalReason'], next: 'applicant' },
    {
      id: 'replacement-reason',
      title: '补发原因',
      kind: 'form',
      fields: ['replacementReason'],
      next: { branches: [{ field: 'replacementReason', in: ['lost', 'stolen'], next: 'loss-details' }], default: 'applicant' },
    },
    {
      id: 'loss-details',
      title: '遗失/被盗情况',
      kind: 'form',
      fields: ['lossDate', 'lossPlace', 'lossCircumstances', 'policeReported'],
      next: 'applicant',
    },
    {
      id: 'applicant',
      title: '申请人证件',
      kind: 'form',
      when: isOther,
      fields: ['applicantIdType', 'applicantIdNumber'],
      next: 'personal',
    },
    {
      id: 'personal',
      title: '个人信息',
      kind: 'form',
      fields: ['surnameZh', 'givenNameZh', 'surnamePinyin', 'givenNamePinyin', 'sex', 'birthDate', 'birthPlace'],
      next: 'current-passport',
    },
    {
      id: 'current-passport',
      title: '现持护照',
      kind: 'form',
      when: { any: [isRenewal, isReplacement] },
      fields: ['currentPassportNumber', 'currentPassportExpiry'],
      next: 'family',
    },
    { id: 'family', title: '家庭成员', kind: 'form', fields: ['fatherName', 'motherName', 'maritalStatus', 'spouseName'], next: 'guardian' },
    {
      id: 'guardian',
      title: '监护人信息',
      kind: 'form',
      when: underGuardianAge,
      intro: '申请人未满16周岁，须由监护人代为申请并提供监护人证件、监护关系证明和同意书。',
      fields: ['guardianName', 'guardianRelation', 'guardianIdType', 'guardianIdNumber', 'guardianPhone'],
      next: 'contact',
    },
    {
      id: 'contact',
      title: '住址与联系方式',
      kind: 'form',
      fields: ['phone', 'email', 'residenceCountry', 'addressAbroad', 'addressInChina', 'domesticContactName', 'domesticContactPhone'],
      next: 'occupation',
    },
    { id: 'occupation', title: '职业与出境记录', kind: 'form', fields: ['occupation', 'employer', 'lastExitDate', 'lastExitPort'], next: 'declaration' },
    {
      id: 'declaration',
      title: '国籍状况声明书',
      kind: 'signature',
      intro: '请阅读声明并在下方手写签名。申请人未满10周岁的，由监护人代为签名。',
      fields: ['declarationAgreed'],
      documents: ['declaration_signature'],
      declaration: {
        title: '国籍状况声明书',
        text:
          '本人郑重声明：\n' +
          '一、本人为中华人民共和国公民，未加入或取得外国国籍；\n' +
          '二、本人如已获得外国永久居留资格或其他长期居留身份，已在申请中如实说明；\n' +
          '三、本人所填写的信息和提交的材料真实、准确、完整。\n' +
          '本人知悉：如声明不实，所申领的证件将被宣布作废，并依法承担相应责任。',
      },
      next: 'photo',
    },
    { id: 'photo', title: '证件照', kind: 'photo', fields: [], documents: ['id_photo'], next: 'documents' },
    {
      id: 'documents',
      title: '上传材料',
      kind: 'documents',
      fields: [],
      documents: ['passport_data_page', 'endorsement_pages', 'loss_statement', 'police_report', 'identity_proof', 'guardian_id', 'guardianship_proof', 'guardian_consent'],
      next: 'delivery',
    },
    {
      id: 'delivery',
      title: '递交与领取',
      kind: 'delivery',
      fields: ['materialsSubmission', 'collection', 'mailRecipient', 'mailPhone', 'mailAddress', 'paymentMethod'],
      next: 'face',
    },
    {
      id: 'face',
      title: '身份核验',
      kind: 'face',
      intro: '通过微信人脸核身确认是申请人本人。可以跳过，跳过或未通过的申请需要预约视频面审。',
      fields: [],
      next: 'review',
    },
    { id: 'review', title: '核对并提交', kind: 'review', fields: [] },
  ],
  documents: [
    idPhotoDocument,
    { id: 'passport_data_page', label: '现持护照资料页', kind: 'image', step: 'documents', when: holdsOldPassport },
    { id: 'endorsement_pages', label: '护照备注页', kind: 'image', step: 'documents', when: holdsOldPassport, required: false, hint: '如有加注，请一并拍照' },
    { id: 'loss_statement', label: '遗失/被盗情况说明', kind: 'image', step: 'documents', when: lostOrStolen },
    {
      id: 'police_report',
      label: '警方报案证明',
      kind: 'image',
      step: 'documents',
      when: { all: [lostOrStolen, { field: 'policeReported', value: 'yes' }] },
      required: false,
    },
    {
      id: 'identity_proof',
      label: '国籍身份证明（居民身份证、户口簿或出生证明）',
      kind: 'image',
      step: 'documents',
      when: { field: 'case', in: ['first_issue', 'travel_document'] },
    },
    ...guardianDocuments,
    { id: 'declaration_signature', label: '国籍状况声明书签名', kind: 'signature', step: 'declaration' },
  ],
  fees: [
    { code: 'passport', label: '护照费', when: { not: { field: 'case', value: 'travel_document' } } },
    { code: 'travel_document', label: '旅行证费', when: { field: 'case', value: 'travel_document' } },
  ],
  rules: {
    withdrawableStatuses: ['draft', 'awaiting_payment', 'submitted'],
    refundable: true,
    guardianUnderAge: 16,
    guardianSignsUnderAge: 10,
    interviewUnderAge: 18,
    paymentMethodField: 'paymentMethod',
    district: 'residence',
  },
};
