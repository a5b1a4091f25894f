/**
 * What the registration pages (packages/registration) say, in 简体中文 (the source language:
 * text-en.ts and text-zh-Hant.ts have exactly these keys and placeholders); kept in the
 * subpackage so the main package does not carry it. Field and server messages, the privacy
 * statement and 致登记人 come from the shared domain/registration-messages.ts (copied beside
 * this file), in the same three languages.
 */
import { localized, type Widen } from '../../locale/language';
import { alertAnswerLabels, purposeLabels, relationLabels } from './domain/registration';
import { registrationDeclaration, registrationMessages, registrationPrivacy } from './domain/registration-messages';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

export { registrationDeclaration, registrationMessages, registrationPrivacy };

const zhCN = {
  title: '海外公民登记',
  /** A registered person and how they relate to the account holder. */
  person: '{name}（{relation}）',
  intro: '登记后，遇到自然灾害、安全事件等紧急情况时，使领馆可以及时联系您并发送安全提醒。',
  empty: '您还没有登记',
  add: '新增登记',
  read: '我已阅读，开始登记',
  certificate: '登记凭证',
  update: '更新登记',
  deregister: '注销登记',
  deregisterConfirm: '注销后将不再收到该地区的安全提醒，确定注销吗？',
  /** The modal's buttons (WeChat allows 4 characters). */
  deregisterYes: '注销',
  deregisterNo: '不注销',
  confirm: '信息无误',
  needsConfirmation: '已一年未确认，请核对信息是否仍然准确',
  exportRecords: '导出我的登记信息',
  exported: '已复制到剪贴板，可粘贴保存',
  loadFailed: '加载失败，请稍后重试',
  // The citizen's words for the shared labels (domain/registration.ts, 简体, is what staff read).
  relation: relationLabels,
  purpose: purposeLabels,
  /** By the registration's status. */
  status: { active: '有效', ended: '已结束', deregistered: '已注销' },
  answer: alertAnswerLabels,
  fields: {
    relation: '与您的关系',
    name: '姓名',
    idType: '证件类型',
    idNumber: '证件号码',
    birthDate: '出生日期',
    phone: '联系电话',
    email: '电子邮箱',
    countryCode: '所在国家',
    region: '所在州/省',
    city: '所在城市',
    address: '在外住址',
    purpose: '在外事由',
    arrivalDate: '抵达日期',
    departureDate: '预计离开日期',
    chinaContactName: '国内紧急联系人',
    chinaContactPhone: '国内紧急联系人电话',
    abroadContactName: '境外紧急联系人',
    abroadContactPhone: '境外紧急联系人电话',
    notes: '备注（健康状况、语言等）',
  },
  datePlaceholder: '如 2025-09-01',
  choose: '请选择',
  pickerConfirm: '确定',
  pickerCancel: '取消',
  fixErrors: '请按提示修改后再提交',
  submit: '提交登记',
  saveUpdate: '保存更新',
  submitting: '提交中…',
  created: '登记成功',
  updated: '已更新',
  serverError: '提交失败，请稍后再试',
  // certificate
  /** The QR code's accessible name (screen readers). */
  qrLabel: '登记凭证二维码，编号 {code}',
  certificateHint: '请保存此凭证，到使领馆办事时出示。',
  code: '凭证编号',
  mission: '登记使领馆',
  save: '保存到相册',
  saved: '已保存到相册',
  saveFailed: '保存失败，请稍后再试',
  albumDenied: '需要“保存到相册”权限才能保存凭证，请在设置中允许',
  openSettings: '去设置',
  // alert answers
  alertTitle: '安全提醒',
  alertIntro: '请告诉使领馆您和家人是否平安：',
  safe: '我平安',
  help: '需要帮助',
  answered: '已回复：',
  call12308: '拨打 12308',
};

export type RegistrationText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language. */
export const text = localized<RegistrationText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
