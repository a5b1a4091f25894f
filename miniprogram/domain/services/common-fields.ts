import type { Condition, DocumentRequirement, FieldDefinition } from './definition-types';

/**
 * Fields and documents several services ask for (applicant, personal details, guardian,
 * contact, collection), so each definition lists only what is its own.
 */

export const isOther: Condition = { field: 'applicantRelation', in: ['child', 'relative'] };
export const UNDER_GUARDIAN_AGE = 16;
export const underGuardianAge: Condition = { ageUnder: UNDER_GUARDIAN_AGE };

const field = (def: FieldDefinition): FieldDefinition => def;

export const applicantFields = {
  applicantRelation: field({
    id: 'applicantRelation',
    label: '为谁申请',
    type: 'radio',
    required: true,
    options: [
      { value: 'self', label: '本人', hint: '使用您已实名认证的身份' },
      { value: 'child', label: '子女' },
      { value: 'relative', label: '其他亲属', hint: '如父母、配偶（本人无法使用手机时）' },
    ],
  }),
  applicantIdType: field({
    id: 'applicantIdType',
    label: '申请人证件类型',
    type: 'select',
    required: true,
    options: [
      { value: 'resident_id', label: '居民身份证' },
      { value: 'passport', label: '中国护照' },
      { value: 'none', label: '无（如在国外出生的儿童）' },
    ],
  }),
  applicantIdNumber: field({
    id: 'applicantIdNumber',
    label: '申请人证件号码',
    type: 'text',
    required: true,
    when: { field: 'applicantIdType', in: ['resident_id', 'passport'] },
    validators: ['idNumber'],
    idTypeField: 'applicantIdType',
    maxLength: 32,
  }),
};

export const personalFields = {
  surnameZh: field({ id: 'surnameZh', label: '中文姓', type: 'text', required: true, validators: ['personName'], maxLength: 20 }),
  givenNameZh: field({ id: 'givenNameZh', label: '中文名', type: 'text', required: true, validators: ['personName'], maxLength: 20 }),
  surnamePinyin: field({ id: 'surnamePinyin', label: '姓（拼音）', type: 'pinyin', required: true, placeholder: '例：ZHANG' }),
  givenNamePinyin: field({ id: 'givenNamePinyin', label: '名（拼音）', type: 'pinyin', required: true, placeholder: '例：SAN' }),
  sex: field({
    id: 'sex',
    label: '性别',
    type: 'radio',
    required: true,
    options: [
      { value: 'M', label: '男' },
      { value: 'F', label: '女' },
    ],
  }),
  birthDate: field({ id: 'birthDate', label: '出生日期', type: 'date', required: true, validators: ['notFutureDate'] }),
  birthPlace: field({ id: 'birthPlace', label: '出生地', type: 'text', required: true, hint: '国内出生填省（自治区、直辖市），国外出生填国家', maxLength: 50 }),
};

export const guardianFields = {
  guardianName: field({ id: 'guardianName', label: '监护人姓名', type: 'text', required: true, validators: ['personName'] }),
  guardianRelation: field({
    id: 'guardianRelation',
    label: '与申请人关系',
    type: 'radio',
    required: true,
    options: [
      { value: 'father', label: '父亲' },
      { value: 'mother', label: '母亲' },
      { value: 'other', label: '其他法定监护人' },
    ],
  }),
  guardianIdType: field({
    id: 'guardianIdType',
    label: '监护人证件类型',
    type: 'select',
    required: true,
    options: [
      { value: 'resident_id', label: '居民身份证' },
      { value: 'passport', label: '中国护照' },
    ],
  }),
  guardianIdNumber: field({
    id: 'guardianIdNumber',
    label: '监护人证件号码',
    type: 'text',
    required: true,
    validators: ['idNumber'],
    idTypeField: 'guardianIdType',
    maxLength: 32,
  }),
  guardianPhone: field({ id: 'guardianPhone', label: '监护人联系电话', type: 'phone', required: true }),
};

export const contactFields = {
  phone: field({ id: 'phone', label: '联系电话', type: 'phone', required: true, hint: '可填写境外号码，以+和国家代码开头' }),
  email: field({ id: 'email', label: '电子邮箱', type: 'email' }),
  residenceCountry: field({ id: 'residenceCountry', label: '现居住国家', type: 'country', required: true }),
  addressAbroad: field({ id: 'addressAbroad', label: '国外住址', type: 'address', required: true }),
  addressInChina: field({ id: 'addressInChina', label: '国内住址', type: 'address', required: true, hint: '户籍地或最后居住地址' }),
  domesticContactName: field({ id: 'domesticContactName', label: '国内联系人姓名', type: 'text', required: true, validators: ['personName'] }),
  domesticContactPhone: field({ id: 'domesticContactPhone', label: '国内联系人电话', type: 'phone', required: true }),
};

export const collectionFields = {
  collection: field({
    id: 'collection',
    label: '领取方式',
    type: 'radio',
    required: true,
    options: [
      { value: 'mission', label: '到使领馆领取', hint: '制证完成后使领馆会电话通知' },
      { value: 'mail', label: '邮寄到指定地址', hint: '邮费到付，通常48小时内寄出' },
    ],
  }),
  mailRecipient: field({ id: 'mailRecipient', label: '收件人', type: 'text', required: true, when: { field: 'collection', value: 'mail' }, validators: ['personName'] }),
  mailPhone: field({ id: 'mailPhone', label: '收件人电话', type: 'phone', required: true, when: { field: 'collection', value: 'mail' } }),
  mailAddress: field({ id: 'mailAddress', label: '邮寄地址', type: 'address', required: true, when: { field: 'collection', value: 'mail' } }),
  paymentMethod: field({
    id: 'paymentMethod',
    label: '缴费方式',
    type: 'radio',
    required: true,
    options: [
      { value: 'online', label: '在线支付（微信支付）' },
      { value: 'at_mission', label: '到使领馆缴费' },
    ],
  }),
};

export const lossFields = {
  lossDate: field({ id: 'lossDate', label: '遗失/被盗日期', type: 'date', required: true, validators: ['notFutureDate'] }),
  lossPlace: field({ id: 'lossPlace', label: '遗失/被盗地点', type: 'text', required: true }),
  lossCircumstances: field({ id: 'lossCircumstances', label: '经过', type: 'textarea', required: true, hint: '简要说明时间、地点和经过' }),
  policeReported: field({
    id: 'policeReported',
    label: '是否已向当地警方报案',
    type: 'radio',
    required: true,
    options: [
      { value: 'yes', label: '已报案' },
      { value: 'no', label: '未报案' },
    ],
  }),
};

export const idPhotoDocument: DocumentRequirement = {
  id: 'id_photo',
  label: '证件照',
  kind: 'id_photo',
  step: 'photo',
  hint: '近6个月白色或浅色背景正面免冠彩色照片，深色上衣，露出双耳；JPG，3:4',
};

export const guardianDocuments: DocumentRequirement[] = [
  { id: 'guardian_id', label: '监护人身份证件', kind: 'image', step: 'documents', when: underGuardianAge },
  { id: 'guardianship_proof', label: '监护关系证明（如出生证明）', kind: 'image', step: 'documents', when: underGuardianAge },
  { id: 'guardian_consent', label: '监护人同意申办的书面意见', kind: 'image', step: 'documents', when: underGuardianAge },
];
