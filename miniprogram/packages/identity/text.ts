import { t as main } from '../../locale/text';
import { extended, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/**
 * What 实名认证 and 以我名义提交的申请 say, in 简体中文 (the source language: text-en.ts and text-zh-Hant.ts have exactly these keys
 * and placeholders). Kept in the subpackage so the main package does not carry it.
 */
const zhCN = {
  identity: {
    title: '实名认证',
    intro: '请填写与证件一致的信息。证件号码加密保存，仅以部分隐藏的形式显示。',
    name: '姓名',
    namePlaceholder: '与证件一致',
    idType: '证件类型',
    idTypePlaceholder: '请选择证件类型',
    idNumber: '证件号码',
    idNumberPlaceholder: '请输入证件号码',
    phone: '手机号码',
    phonePlaceholder: '中国大陆手机号或+国家代码的境外号码',
    email: '电子邮箱',
    emailPlaceholder: '选填，可代替手机号码',
    submit: '提交认证',
    submitting: '提交中…',
    success: '实名认证成功',
    fixErrors: '请按提示修改后再提交',
    taken: '该证件已被其他微信账号认证。如非本人操作，请联系使领馆。',
    pickerConfirm: '确定',
    pickerCancel: '取消',
    verifiedAs: '已认证：{name}（{idNumber}）',
  },
  /** Applications other accounts submitted with my verified ID number (issue #13). */
  blocking: {
    title: '以我名义提交的申请',
    intro: '以下申请由其他微信账号使用您已认证的证件号码提交。如非您本人委托，请提出异议，使领馆核实后可作废该申请。',
    loading: '加载中…',
    empty: '没有其他账号以您的名义提交的申请',
    identityRequired: '请先完成实名认证，才能查看以您的证件号码提交的申请',
    verify: '去实名认证',
    orderNo: '订单号 {orderNo}',
    submittedAt: '提交于 {date}',
    object: '提出异议',
    objected: '已提出异议，等待使领馆处理',
    dialogTitle: '对该申请提出异议',
    reasonLabel: '异议理由（选填）',
    reasonPlaceholder: '例如：我从未委托他人办理',
    confirm: '提交异议',
    cancel: '取消',
    sent: '异议已提交，使领馆将核实处理',
  },
} as const;

export type IdentityText = Widen<typeof zhCN>;

/** The main package's sentences plus this subpackage's, in the current language. */
export const t = extended(main, { 'zh-CN': zhCN as IdentityText, 'zh-Hant': zhHant, en });

export { fill } from '../../locale/language';
