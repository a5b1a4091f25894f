import type { DocumentsText } from './text';

/** 繁體中文 (keys and placeholders exactly as the 简体中文 source). */
export const zhHant: DocumentsText = {
  title: '我的證件',
  intro: '護照到期前12、9、6個月，我們會在訊息中提醒您，併為您預填好換發申請。',
  empty: '還沒有證件。通過本小程式辦結的護照會自動顯示在這裡，您也可以新增持有的護照。',
  passport: '護照',
  passportOf: '護照（{name}）',
  self: '本人',
  validUntil: '有效期至 {date}',
  estimated: '按簽發日期推算，以護照所印為準',
  numberLabel: '護照號碼 {number}',
  advice: {
    expired: '已過期，請儘快換發',
    renew_now: '有效期不足6個月，許多國家拒絕入境，請立即換發',
    renew_soon: '有效期不足1年，建議換發',
    valid: '有效',
  },
  renew: '立即換發',
  continueRenewal: '繼續換發申請',
  opening: '正在準備換發申請…',
  remove: '移除',
  removeConfirm: '移除後不再提醒該證件到期，確定移除嗎？',
  add: '新增我持有的護照',
  addTitle: '新增護照',
  fields: {
    number: '護照號碼',
    issueDate: '簽發日期',
    expiryDate: '有效期至',
  },
  placeholders: {
    number: '如 E12345678',
    date: '年-月-日，如 2020-01-31',
  },
  save: '儲存',
  cancel: '取消',
  saved: '已新增',
  subscribe: '開啟到期提醒（微信服務通知）',
  subscribed: '已開啟，到期前會透過微信提醒您',
  loadFailed: '載入失敗，請稍後重試',
  retry: '重試',
};
