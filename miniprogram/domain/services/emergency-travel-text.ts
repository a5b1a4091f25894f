import { applicationMessages } from './application-messages';
import type { ServiceTexts } from './service-text';
import { emergencyTravelTile } from './emergency-travel-tile';

/**
 * Every word of the emergency travel certificate (emergency-travel.ts holds the structure).
 * One map per language; the shared fields of common-fields.ts are worded in common-fields-text.ts.
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
  /** 繁體中文: every word of the service but the shared fields' (common-fields-text.ts). */
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
      entryDate: { label: '本次入境日期' },
      departureDate: { label: '計劃離境日期' },
      destinationCountry: { label: '前往國家或地區', hint: '回國請選擇中國' },
      flightNumber: { label: '航班號（如已訂）' },
      stayAddress: { label: '當地住址（酒店等）' },
      oldPassportNumber: { label: '原護照號碼', hint: '如記得請填寫，有助於加快核實' },
      confirmNoWithdrawal: { label: '我已知悉：提交後不可撤回，已繳費用不予退還' },
    },
    documents: {
      loss_statement: { label: '遺失/被盜情況說明' },
      police_report: { label: '警方報案證明' },
      passport_data_page: { label: '原護照資料頁' },
      entry_proof: { label: '入境記錄或簽證頁' },
    },
    fees: { emergency_travel: '應急旅行證費' },
    refusals: { 'eligibility.stayType': '應急旅行證僅受理短期來訪（旅遊、商務等）人員。常住當地的申請人請申辦護照或旅行證。' },
    messages: { withdrawRefused: '應急旅行證申請提交後不可撤回' },
  },
  /** English: every word of the service but the shared fields'. */
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
      entryDate: { label: 'Date of this entry' },
      departureDate: { label: 'Planned departure date' },
      destinationCountry: { label: 'Destination country or region', hint: 'Returning home: choose China' },
      flightNumber: { label: 'Flight number (if booked)' },
      stayAddress: { label: 'Local address (hotel etc.)' },
      oldPassportNumber: { label: 'Previous passport number', hint: 'If you remember it, it speeds up the check' },
      confirmNoWithdrawal: {
        label: 'I understand: the application cannot be withdrawn after submission, and fees paid are not refunded',
      },
    },
    documents: {
      loss_statement: { label: 'Statement of loss or theft' },
      police_report: { label: 'Police report' },
      passport_data_page: { label: 'Data page of the previous passport' },
      entry_proof: { label: 'Entry record or visa page' },
    },
    fees: { emergency_travel: 'Emergency Travel Document fee' },
    refusals: {
      'eligibility.stayType': 'The Emergency Travel Document is only for short-term visitors (tourism, business etc.). Residents here should apply for a passport or travel document.',
    },
    messages: { withdrawRefused: 'An Emergency Travel Document application cannot be withdrawn after submission' },
  },
};
