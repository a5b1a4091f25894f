import { applicationMessages } from './application-messages';
import type { ServiceTexts } from './service-text';
import { emergencyTravelTile } from './emergency-travel-tile';

/**
 * Every word of the emergency travel certificate (emergency-travel.ts holds the structure).
 * One map per language; the shared fields of common-fields.ts bring their own default wording.
 */
export const emergencyTravelTexts: ServiceTexts = {
  'zh-CN': {
    title: emergencyTravelTile.title,
    steps: {
      eligibility: {
        title: '申请须知',
        intro:
          '应急旅行证供护照遗失、被盗、损毁或过期而急需出行的短期来访人员申请。' +
          '请准备：近期证件照、遗失或被盗情况说明（如有，警方报案证明）。提交后不可撤回，已缴费用不予退还。',
      },
      'loss-details': { title: '遗失/被盗情况' },
      trip: { title: '行程信息' },
      applicant: { title: '申请人证件' },
      personal: { title: '个人信息' },
      guardian: { title: '监护人信息' },
      contact: { title: '联系方式' },
      photo: { title: '证件照' },
      documents: { title: '上传材料' },
      delivery: { title: '领取与缴费' },
      face: { title: '身份核验', intro: '通过微信人脸核身确认是申请人本人。可以跳过，跳过或未通过的申请需要视频面审。' },
      review: { title: '核对并提交', intro: '应急旅行证申请提交后不可撤回，已缴费用不予退还。' },
    },
    fields: {
      stayType: {
        label: '您在当地的身份',
        options: {
          short_term_visitor: { label: '短期来访', hint: '旅游、商务、探亲、过境等' },
          local_resident: { label: '在当地长期居留', hint: '工作、学习、定居等' },
        },
      },
      visitPurpose: { label: '来访目的', options: { tourism: '旅游', business: '商务', family_visit: '探亲访友', transit: '过境', other: '其他' } },
      emergencyReason: { label: '申请原因', options: { lost: '护照遗失', stolen: '护照被盗', damaged: '护照损毁', expired: '护照过期且急需回国' } },
      entryDate: { label: '本次入境日期' },
      departureDate: { label: '计划离境日期' },
      destinationCountry: { label: '前往国家或地区', hint: '回国请选择中国' },
      flightNumber: { label: '航班号（如已订）' },
      stayAddress: { label: '当地住址（酒店等）' },
      oldPassportNumber: { label: '原护照号码', hint: '如记得请填写，有助于加快核实' },
      confirmNoWithdrawal: { label: '我已知悉：提交后不可撤回，已缴费用不予退还' },
    },
    documents: {
      loss_statement: { label: '遗失/被盗情况说明' },
      police_report: { label: '警方报案证明' },
      passport_data_page: { label: '原护照资料页' },
      entry_proof: { label: '入境记录或签证页' },
    },
    fees: { emergency_travel: '应急旅行证费' },
    // The refusal sentence is shared with the form's tests through the engine's messages.
    refusals: { 'eligibility.stayType': applicationMessages.localResidentRefused },
    messages: { withdrawRefused: '应急旅行证申请提交后不可撤回' },
  },
  /** 繁體中文: every word of the service, shared fields included (those have no zh-CN entry: common-fields.ts words them). */
  'zh-Hant': {
    title: emergencyTravelTile.titles['zh-Hant'],
    steps: {
      eligibility: {
        title: '申請須知',
        intro: '應急旅行證供護照遺失、被盜、損毀或過期而急需出行的短期來訪人員申請。請準備：近期證件照、遺失或被盜情況說明（如有，警方報案證明）。提交後不可撤回，已繳費用不予退還。',
      },
      'loss-details': { title: '遺失/被盜情況' },
      trip: { title: '行程資訊' },
      applicant: { title: '申請人證件' },
      personal: { title: '個人資訊' },
      guardian: { title: '監護人資訊' },
      contact: { title: '聯絡方式' },
      photo: { title: '證件照' },
      documents: { title: '上傳材料' },
      delivery: { title: '領取與繳費' },
      face: { title: '身份核驗', intro: '透過微信人臉核身確認是申請人本人。可以跳過，跳過或未通過的申請需要視訊面審。' },
      review: { title: '核對並提交', intro: '應急旅行證申請提交後不可撤回，已繳費用不予退還。' },
    },
    fields: {
      stayType: {
        label: '您在當地的身份',
        options: {
          short_term_visitor: { label: '短期來訪', hint: '旅遊、商務、探親、過境等' },
          local_resident: { label: '在當地長期居留', hint: '工作、學習、定居等' },
        },
      },
      visitPurpose: {
        label: '來訪目的',
        options: { tourism: '旅遊', business: '商務', family_visit: '探親訪友', transit: '過境', other: '其他' },
      },
      emergencyReason: { label: '申請原因', options: { lost: '護照遺失', stolen: '護照被盜', damaged: '護照損毀', expired: '護照過期且急需回國' } },
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
      lossDate: { label: '遺失/被盜日期' },
      lossPlace: { label: '遺失/被盜地點' },
      lossCircumstances: { label: '經過', hint: '簡要說明時間、地點和經過' },
      policeReported: { label: '是否已向當地警方報案', options: { yes: '已報案', no: '未報案' } },
      entryDate: { label: '本次入境日期' },
      departureDate: { label: '計劃離境日期' },
      destinationCountry: { label: '前往國家或地區', hint: '回國請選擇中國' },
      flightNumber: { label: '航班號（如已訂）' },
      stayAddress: { label: '當地住址（酒店等）' },
      surnameZh: { label: '中文姓' },
      givenNameZh: { label: '中文名' },
      surnamePinyin: { label: '姓（拼音）' },
      givenNamePinyin: { label: '名（拼音）' },
      sex: { label: '性別', options: { M: '男', F: '女' } },
      birthDate: { label: '出生日期' },
      birthPlace: { label: '出生地', hint: '國內出生填省（自治區、直轄市），國外出生填國家' },
      oldPassportNumber: { label: '原護照號碼', hint: '如記得請填寫，有助於加快核實' },
      guardianName: { label: '監護人姓名' },
      guardianRelation: { label: '與申請人關係', options: { father: '父親', mother: '母親', other: '其他法定監護人' } },
      guardianIdType: { label: '監護人證件類型', options: { resident_id: '居民身份證', passport: '中國護照' } },
      guardianIdNumber: { label: '監護人證件號碼' },
      guardianPhone: { label: '監護人聯絡電話' },
      phone: { label: '聯絡電話', hint: '可填寫境外號碼，以+和國家代碼開頭' },
      email: { label: '電子郵件' },
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
      confirmNoWithdrawal: { label: '我已知悉：提交後不可撤回，已繳費用不予退還' },
    },
    documents: {
      id_photo: { label: '證件照', hint: '近6個月白色或淺色背景正面免冠彩色照片，深色上衣，露出雙耳；JPG，3:4' },
      loss_statement: { label: '遺失/被盜情況說明' },
      police_report: { label: '警方報案證明' },
      passport_data_page: { label: '原護照資料頁' },
      entry_proof: { label: '入境記錄或簽證頁' },
      guardian_id: { label: '監護人身份證件' },
      guardianship_proof: { label: '監護關係證明（如出生證明）' },
      guardian_consent: { label: '監護人同意申辦的書面意見' },
    },
    fees: { emergency_travel: '應急旅行證費' },
    refusals: { 'eligibility.stayType': '應急旅行證僅受理短期來訪（旅遊、商務等）人員。常住當地的申請人請申辦護照或旅行證。' },
    messages: { withdrawRefused: '應急旅行證申請提交後不可撤回' },
  },
  /** English: every word of the service, shared fields included. */
  en: {
    title: emergencyTravelTile.titles.en,
    steps: {
      eligibility: {
        title: 'Before you start',
        intro: 'The Emergency Travel Document is for short-term visitors who must travel urgently after their passport was lost, stolen, damaged or expired. Please have ready: a recent ID photo and a statement of loss or theft (with a police report, if any). An application cannot be withdrawn after submission, and fees paid are not refunded.',
      },
      'loss-details': { title: 'Loss or theft' },
      trip: { title: 'Your trip' },
      applicant: { title: 'Applicant\'s ID' },
      personal: { title: 'Personal details' },
      guardian: { title: 'Guardian' },
      contact: { title: 'Contact' },
      photo: { title: 'ID photo' },
      documents: { title: 'Upload documents' },
      delivery: { title: 'Collection and payment' },
      face: {
        title: 'Identity check',
        intro: 'Confirms with WeChat face verification that you are the applicant. You may skip it; an application that skips it or does not pass needs a video interview.',
      },
      review: {
        title: 'Check and submit',
        intro: 'An Emergency Travel Document application cannot be withdrawn after submission, and fees paid are not refunded.',
      },
    },
    fields: {
      stayType: {
        label: 'Your status here',
        options: {
          short_term_visitor: { label: 'Short-term visitor', hint: 'Tourism, business, family visit, transit…' },
          local_resident: { label: 'Long-term resident here', hint: 'Work, study, settled…' },
        },
      },
      visitPurpose: {
        label: 'Purpose of visit',
        options: {
          tourism: 'Tourism',
          business: 'Business',
          family_visit: 'Visiting family or friends',
          transit: 'Transit',
          other: 'Other',
        },
      },
      emergencyReason: {
        label: 'Reason',
        options: {
          lost: 'Passport lost',
          stolen: 'Passport stolen',
          damaged: 'Passport damaged',
          expired: 'Passport expired and I must return to China urgently',
        },
      },
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
        options: {
          resident_id: 'Resident ID card',
          passport: 'Chinese passport',
          none: 'None (e.g. a child born abroad)',
        },
      },
      applicantIdNumber: { label: 'Applicant\'s ID number' },
      lossDate: { label: 'Date of loss or theft' },
      lossPlace: { label: 'Place of loss or theft' },
      lossCircumstances: { label: 'What happened', hint: 'Briefly say when, where and how' },
      policeReported: { label: 'Reported to the local police?', options: { yes: 'Reported', no: 'Not reported' } },
      entryDate: { label: 'Date of this entry' },
      departureDate: { label: 'Planned departure date' },
      destinationCountry: { label: 'Destination country or region', hint: 'Returning home: choose China' },
      flightNumber: { label: 'Flight number (if booked)' },
      stayAddress: { label: 'Local address (hotel etc.)' },
      surnameZh: { label: 'Surname in Chinese' },
      givenNameZh: { label: 'Given name in Chinese' },
      surnamePinyin: { label: 'Surname (pinyin)' },
      givenNamePinyin: { label: 'Given name (pinyin)' },
      sex: { label: 'Sex', options: { M: 'Male', F: 'Female' } },
      birthDate: { label: 'Date of birth' },
      birthPlace: {
        label: 'Place of birth',
        hint: 'Born in China: the province (autonomous region, municipality); born abroad: the country',
      },
      oldPassportNumber: { label: 'Previous passport number', hint: 'If you remember it, it speeds up the check' },
      guardianName: { label: 'Guardian\'s name' },
      guardianRelation: {
        label: 'Relationship to the applicant',
        options: { father: 'Father', mother: 'Mother', other: 'Other legal guardian' },
      },
      guardianIdType: {
        label: 'Guardian\'s ID type',
        options: { resident_id: 'Resident ID card', passport: 'Chinese passport' },
      },
      guardianIdNumber: { label: 'Guardian\'s ID number' },
      guardianPhone: { label: 'Guardian\'s phone' },
      phone: { label: 'Phone', hint: 'An overseas number is fine: start with + and the country code' },
      email: { label: 'Email' },
      addressInChina: { label: 'Address in China', hint: 'Household registration or last address' },
      domesticContactName: { label: 'Contact person in China' },
      domesticContactPhone: { label: 'Contact person\'s phone in China' },
      collection: {
        label: 'How to receive the document',
        options: {
          mission: {
            label: 'Collect at the embassy or consulate',
            hint: 'The embassy or consulate calls you when it is ready',
          },
          mail: { label: 'Mail to an address', hint: 'Postage paid on delivery; usually sent within 48 hours' },
        },
      },
      mailRecipient: { label: 'Recipient' },
      mailPhone: { label: 'Recipient\'s phone' },
      mailAddress: { label: 'Mailing address' },
      paymentMethod: {
        label: 'How to pay',
        options: { online: 'Online (WeChat Pay)', at_mission: 'At the embassy or consulate' },
      },
      confirmNoWithdrawal: {
        label: 'I understand: the application cannot be withdrawn after submission, and fees paid are not refunded',
      },
    },
    documents: {
      id_photo: {
        label: 'ID photo',
        hint: 'Colour photo from the last 6 months, facing the camera, bareheaded, white or light background, dark top, both ears visible; JPG, 3:4',
      },
      loss_statement: { label: 'Statement of loss or theft' },
      police_report: { label: 'Police report' },
      passport_data_page: { label: 'Data page of the previous passport' },
      entry_proof: { label: 'Entry record or visa page' },
      guardian_id: { label: 'Guardian\'s ID document' },
      guardianship_proof: { label: 'Proof of guardianship (e.g. birth certificate)' },
      guardian_consent: { label: 'Guardian\'s written consent to the application' },
    },
    fees: { emergency_travel: 'Emergency Travel Document fee' },
    refusals: {
      'eligibility.stayType': 'The Emergency Travel Document is only for short-term visitors (tourism, business etc.). Residents here should apply for a passport or travel document.',
    },
    messages: { withdrawRefused: 'An Emergency Travel Document application cannot be withdrawn after submission' },
  },
};
