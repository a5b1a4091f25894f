/**
 * Every sentence the citizen reads that the domain layer produces, in one place so
 * another language can follow. The server returns these same strings in error bodies.
 */
export const messages = {
  required: '此项为必填项',
  nameRequired: '请填写姓名',
  nameTooLong: '姓名过长',
  nameInvalid: '姓名只能包含汉字、字母、空格、间隔号或连字符',
  idNumberRequired: '请填写证件号码',
  residentIdLength: '居民身份证号码应为18位',
  residentIdFormat: '居民身份证号码前17位应为数字，最后一位为数字或X',
  residentIdArea: '居民身份证号码的地区码不正确',
  residentIdBirthDate: '居民身份证号码中的出生日期不正确',
  residentIdChecksum: '居民身份证号码校验位不正确，请核对后重新输入',
  passportFormat: '护照号码格式不正确（应为G或E开头，共9位，如E12345678）',
  idTypeInvalid: '请选择证件类型',
  contactRequired: '请至少填写手机号码或电子邮箱之一',
  phoneInvalid: '手机号码格式不正确（中国大陆手机号11位；境外号码请以+和国家代码开头）',
  emailInvalid: '电子邮箱格式不正确',
  passportIssueDateInvalid: '请填写护照的签发日期（年-月-日）',
  passportIssueDateFuture: '签发日期不能晚于今天',
  passportExpiryDateInvalid: '请填写护照的有效期至（年-月-日）',
  passportExpiryBeforeIssue: '有效期至应晚于签发日期，请核对护照资料页',
  passportValidityTooLong: '中国护照有效期最长为10年，请核对签发日期和有效期至',
} as const;

export type MessageKey = keyof typeof messages;
