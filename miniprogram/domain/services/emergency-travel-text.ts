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
};
