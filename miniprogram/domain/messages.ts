import { localizedMessages, type Widen } from './message-locale';

/**
 * Every sentence the citizen reads that the domain layer produces, in one place. The
 * server returns these same strings in error bodies — in the caller's language, since
 * `messages` reads the current message locale (domain/message-locale.ts).
 */
const zhCN = {
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

const zhHant: Widen<typeof zhCN> = {
  required: '此項為必填項',
  nameRequired: '請填寫姓名',
  nameTooLong: '姓名過長',
  nameInvalid: '姓名只能包含漢字、字母、空格、間隔號或連字元',
  idNumberRequired: '請填寫證件號碼',
  residentIdLength: '居民身份證號碼應為18位',
  residentIdFormat: '居民身份證號碼前17位應為數字，最後一位為數字或X',
  residentIdArea: '居民身份證號碼的地區碼不正確',
  residentIdBirthDate: '居民身份證號碼中的出生日期不正確',
  residentIdChecksum: '居民身份證號碼校驗位不正確，請核對後重新輸入',
  passportFormat: '護照號碼格式不正確（應為G或E開頭，共9位，如E12345678）',
  idTypeInvalid: '請選擇證件類型',
  contactRequired: '請至少填寫手機號碼或電子郵件之一',
  phoneInvalid: '手機號碼格式不正確（中國大陸手機號11位；境外號碼請以+和國家代碼開頭）',
  emailInvalid: '電子郵件格式不正確',
  passportIssueDateInvalid: '請填寫護照的簽發日期（年-月-日）',
  passportIssueDateFuture: '簽發日期不能晚於今天',
  passportExpiryDateInvalid: '請填寫護照的有效期至（年-月-日）',
  passportExpiryBeforeIssue: '有效期至應晚於簽發日期，請核對護照資料頁',
  passportValidityTooLong: '中國護照有效期最長為10年，請核對簽發日期和有效期至',
};

const en: Widen<typeof zhCN> = {
  required: 'This field is required',
  nameRequired: 'Please enter the name',
  nameTooLong: 'The name is too long',
  nameInvalid: 'A name may contain only Chinese characters, letters, spaces, middle dots or hyphens',
  idNumberRequired: 'Please enter the ID number',
  residentIdLength: 'A resident ID card number has 18 characters',
  residentIdFormat: 'The first 17 characters of a resident ID card number are digits; the last is a digit or X',
  residentIdArea: 'The area code of the resident ID card number is not valid',
  residentIdBirthDate: 'The date of birth in the resident ID card number is not valid',
  residentIdChecksum: 'The check digit of the resident ID card number is wrong. Please check and enter it again',
  passportFormat: 'The passport number is not valid (9 characters starting with G or E, e.g. E12345678)',
  idTypeInvalid: 'Please choose an ID type',
  contactRequired: 'Please enter at least a mobile number or an email address',
  phoneInvalid: 'The mobile number is not valid (mainland China: 11 digits; overseas: start with + and the country code)',
  emailInvalid: 'The email address is not valid',
  passportIssueDateInvalid: 'Please enter the passport\'s date of issue (YYYY-MM-DD)',
  passportIssueDateFuture: 'The date of issue cannot be after today',
  passportExpiryDateInvalid: 'Please enter the date the passport is valid until (YYYY-MM-DD)',
  passportExpiryBeforeIssue: 'The expiry date must be after the date of issue. Please check the passport\'s data page',
  passportValidityTooLong: 'A Chinese passport is valid for at most 10 years. Please check the dates of issue and expiry',
};

export const messages = localizedMessages({ 'zh-CN': zhCN as Widen<typeof zhCN>, 'zh-Hant': zhHant, en });

export type MessageKey = keyof typeof zhCN;
