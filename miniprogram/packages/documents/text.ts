/**
 * What 我的证件 (packages/documents) says; kept in the subpackage so the main package does
 * not carry it. Field messages come from the shared domain/messages.ts (the server returns
 * the same sentences); reminder wording from domain/held-passport.ts.
 */
import { localized, type Widen } from '../../locale/language';
import type { PassportAdvice } from './domain/held-passport';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

const zhCN = {
  title: '我的证件',
  intro: '护照到期前12、9、6个月，我们会在消息中提醒您，并为您预填好换发申请。',
  empty: '还没有证件。通过本小程序办结的护照会自动显示在这里，您也可以添加持有的护照。',
  passport: '护照',
  passportOf: '护照（{name}）',
  self: '本人',
  validUntil: '有效期至 {date}',
  estimated: '按签发日期推算，以护照所印为准',
  numberLabel: '护照号码 {number}',
  advice: {
    expired: '已过期，请尽快换发',
    renew_now: '有效期不足6个月，许多国家拒绝入境，请立即换发',
    renew_soon: '有效期不足1年，建议换发',
    valid: '有效',
  } satisfies Record<PassportAdvice, string>,
  renew: '立即换发',
  continueRenewal: '继续换发申请',
  opening: '正在准备换发申请…',
  remove: '移除',
  removeConfirm: '移除后不再提醒该证件到期，确定移除吗？',
  add: '添加我持有的护照',
  addTitle: '添加护照',
  fields: {
    number: '护照号码',
    issueDate: '签发日期',
    expiryDate: '有效期至',
  },
  placeholders: {
    number: '如 E12345678',
    date: '年-月-日，如 2020-01-31',
  },
  save: '保存',
  cancel: '取消',
  saved: '已添加',
  subscribe: '开启到期提醒（微信服务通知）',
  subscribed: '已开启，到期前会通过微信提醒您',
  loadFailed: '加载失败，请稍后重试',
  retry: '重试',
} as const;

export type DocumentsText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language (text-en.ts, text-zh-Hant.ts: the same keys and placeholders). */
export const text = localized<DocumentsText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
