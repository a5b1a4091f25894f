import type { MessageLocale } from '../message-locale';
import type { ServiceText } from './service-text';

/** The words of the shared fields and documents in one language. */
export type CommonFieldText = Required<Pick<ServiceText, 'fields' | 'documents'>>;

/**
 * Every word of the fields and documents of common-fields.ts, once per language.
 * `localizeService` reads them for each shared field or document a service's own text map
 * does not word itself, so a service's map holds only its own words.
 */
export const commonFieldTexts: Readonly<Record<MessageLocale, CommonFieldText>> = {
  'zh-CN': {
    fields: {
      applicantRelation: {
        label: '为谁申请',
        options: {
          self: { label: '本人', hint: '使用您已实名认证的身份' },
          child: '子女',
          relative: { label: '其他亲属', hint: '如父母、配偶（本人无法使用手机时）' },
        },
      },
      applicantIdType: { label: '申请人证件类型', options: { resident_id: '居民身份证', passport: '中国护照', none: '无（如在国外出生的儿童）' } },
      applicantIdNumber: { label: '申请人证件号码' },
      surnameZh: { label: '中文姓' },
      givenNameZh: { label: '中文名' },
      surnamePinyin: { label: '姓（拼音）', placeholder: '例：ZHANG' },
      givenNamePinyin: { label: '名（拼音）', placeholder: '例：SAN' },
      sex: { label: '性别', options: { M: '男', F: '女' } },
      birthDate: { label: '出生日期' },
      birthPlace: { label: '出生地', hint: '国内出生填省（自治区、直辖市），国外出生填国家' },
      guardianName: { label: '监护人姓名' },
      guardianRelation: { label: '与申请人关系', options: { father: '父亲', mother: '母亲', other: '其他法定监护人' } },
      guardianIdType: { label: '监护人证件类型', options: { resident_id: '居民身份证', passport: '中国护照' } },
      guardianIdNumber: { label: '监护人证件号码' },
      guardianPhone: { label: '监护人联系电话' },
      phone: { label: '联系电话', hint: '可填写境外号码，以+和国家代码开头' },
      email: { label: '电子邮箱' },
      residenceCountry: { label: '现居住国家' },
      addressAbroad: { label: '国外住址' },
      addressInChina: { label: '国内住址', hint: '户籍地或最后居住地址' },
      domesticContactName: { label: '国内联系人姓名' },
      domesticContactPhone: { label: '国内联系人电话' },
      collection: {
        label: '领取方式',
        options: {
          mission: { label: '到使领馆领取', hint: '制证完成后使领馆会电话通知' },
          mail: { label: '邮寄到指定地址', hint: '邮费到付，通常48小时内寄出' },
        },
      },
      mailRecipient: { label: '收件人' },
      mailPhone: { label: '收件人电话' },
      mailAddress: { label: '邮寄地址' },
      paymentMethod: { label: '缴费方式', options: { online: '在线支付（微信支付）', at_mission: '到使领馆缴费' } },
      lossDate: { label: '遗失/被盗日期' },
      lossPlace: { label: '遗失/被盗地点' },
      lossCircumstances: { label: '经过', hint: '简要说明时间、地点和经过' },
      policeReported: { label: '是否已向当地警方报案', options: { yes: '已报案', no: '未报案' } },
    },
    documents: {
      id_photo: { label: '证件照', hint: '近6个月白色或浅色背景正面免冠彩色照片，深色上衣，露出双耳；JPG，3:4' },
      guardian_id: { label: '监护人身份证件' },
      guardianship_proof: { label: '监护关系证明（如出生证明）' },
      guardian_consent: { label: '监护人同意申办的书面意见' },
    },
  },
  'zh-Hant': {
    fields: {
      applicantRelation: {
        label: '為誰申請',
        options: {
          self: { label: '本人', hint: '使用您已實名認證的身份' },
          child: '子女',
          relative: { label: '其他親屬', hint: '如父母、配偶（本人無法使用手機時）' },
        },
      },
      applicantIdType: { label: '申請人證件類型', options: { resident_id: '居民身份證', passport: '中國護照', none: '無（如在國外出生的兒童）' } },
      applicantIdNumber: { label: '申請人證件號碼' },
      surnameZh: { label: '中文姓' },
      givenNameZh: { label: '中文名' },
      surnamePinyin: { label: '姓（拼音）', placeholder: '例：ZHANG' },
      givenNamePinyin: { label: '名（拼音）', placeholder: '例：SAN' },
      sex: { label: '性別', options: { M: '男', F: '女' } },
      birthDate: { label: '出生日期' },
      birthPlace: { label: '出生地', hint: '國內出生填省（自治區、直轄市），國外出生填國家' },
      guardianName: { label: '監護人姓名' },
      guardianRelation: { label: '與申請人關係', options: { father: '父親', mother: '母親', other: '其他法定監護人' } },
      guardianIdType: { label: '監護人證件類型', options: { resident_id: '居民身份證', passport: '中國護照' } },
      guardianIdNumber: { label: '監護人證件號碼' },
      guardianPhone: { label: '監護人聯絡電話' },
      phone: { label: '聯絡電話', hint: '可填寫境外號碼，以+和國家代碼開頭' },
      email: { label: '電子郵件' },
      residenceCountry: { label: '現居住國家' },
      addressAbroad: { label: '國外住址' },
      addressInChina: { label: '國內住址', hint: '戶籍地或最後居住地址' },
      domesticContactName: { label: '國內聯絡人姓名' },
      domesticContactPhone: { label: '國內聯絡人電話' },
      collection: {
        label: '領取方式',
        options: {
          mission: { label: '到使領館領取', hint: '制證完成後使領館會電話通知' },
          mail: { label: '郵寄到指定地址', hint: '郵費到付，通常48小時內寄出' },
        },
      },
      mailRecipient: { label: '收件人' },
      mailPhone: { label: '收件人電話' },
      mailAddress: { label: '郵寄地址' },
      paymentMethod: { label: '繳費方式', options: { online: '線上支付（微信支付）', at_mission: '到使領館繳費' } },
      lossDate: { label: '遺失/被盜日期' },
      lossPlace: { label: '遺失/被盜地點' },
      lossCircumstances: { label: '經過', hint: '簡要說明時間、地點和經過' },
      policeReported: { label: '是否已向當地警方報案', options: { yes: '已報案', no: '未報案' } },
    },
    documents: {
      id_photo: { label: '證件照', hint: '近6個月白色或淺色背景正面免冠彩色照片，深色上衣，露出雙耳；JPG，3:4' },
      guardian_id: { label: '監護人身份證件' },
      guardianship_proof: { label: '監護關係證明（如出生證明）' },
      guardian_consent: { label: '監護人同意申辦的書面意見' },
    },
  },
  en: {
    fields: {
      applicantRelation: {
        label: 'Who is applying',
        options: {
          self: { label: 'Myself', hint: 'Uses your verified identity' },
          child: 'My child',
          relative: { label: 'Another relative', hint: 'e.g. a parent or spouse who cannot use a phone' },
        },
      },
      applicantIdType: {
        label: 'Applicant\'s ID type',
        options: { resident_id: 'Resident ID card', passport: 'Chinese passport', none: 'None (e.g. a child born abroad)' },
      },
      applicantIdNumber: { label: 'Applicant\'s ID number' },
      surnameZh: { label: 'Surname in Chinese' },
      givenNameZh: { label: 'Given name in Chinese' },
      surnamePinyin: { label: 'Surname (pinyin)', placeholder: 'e.g. ZHANG' },
      givenNamePinyin: { label: 'Given name (pinyin)', placeholder: 'e.g. SAN' },
      sex: { label: 'Sex', options: { M: 'Male', F: 'Female' } },
      birthDate: { label: 'Date of birth' },
      birthPlace: {
        label: 'Place of birth',
        hint: 'Born in China: the province (autonomous region, municipality); born abroad: the country',
      },
      guardianName: { label: 'Guardian\'s name' },
      guardianRelation: {
        label: 'Relationship to the applicant',
        options: { father: 'Father', mother: 'Mother', other: 'Other legal guardian' },
      },
      guardianIdType: { label: 'Guardian\'s ID type', options: { resident_id: 'Resident ID card', passport: 'Chinese passport' } },
      guardianIdNumber: { label: 'Guardian\'s ID number' },
      guardianPhone: { label: 'Guardian\'s phone' },
      phone: { label: 'Phone', hint: 'An overseas number is fine: start with + and the country code' },
      email: { label: 'Email' },
      residenceCountry: { label: 'Country of residence' },
      addressAbroad: { label: 'Address abroad' },
      addressInChina: { label: 'Address in China', hint: 'Household registration or last address' },
      domesticContactName: { label: 'Contact person in China' },
      domesticContactPhone: { label: 'Contact person\'s phone in China' },
      collection: {
        label: 'How to receive the document',
        options: {
          mission: { label: 'Collect at the embassy or consulate', hint: 'The embassy or consulate calls you when it is ready' },
          mail: { label: 'Mail to an address', hint: 'Postage paid on delivery; usually sent within 48 hours' },
        },
      },
      mailRecipient: { label: 'Recipient' },
      mailPhone: { label: 'Recipient\'s phone' },
      mailAddress: { label: 'Mailing address' },
      paymentMethod: { label: 'How to pay', options: { online: 'Online (WeChat Pay)', at_mission: 'At the embassy or consulate' } },
      lossDate: { label: 'Date of loss or theft' },
      lossPlace: { label: 'Place of loss or theft' },
      lossCircumstances: { label: 'What happened', hint: 'Briefly say when, where and how' },
      policeReported: { label: 'Reported to the local police?', options: { yes: 'Reported', no: 'Not reported' } },
    },
    documents: {
      id_photo: {
        label: 'ID photo',
        hint: 'Colour photo from the last 6 months, facing the camera, bareheaded, white or light background, dark top, both ears visible; JPG, 3:4',
      },
      guardian_id: { label: 'Guardian\'s ID document' },
      guardianship_proof: { label: 'Proof of guardianship (e.g. birth certificate)' },
      guardian_consent: { label: 'Guardian\'s written consent to the application' },
    },
  },
};
