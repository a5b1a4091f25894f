import { localized, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/** What the pay pages (packages/pay) say; kept in the subpackage so the main package does not carry it. */
const zhCN = {
  title: '支付',
  loading: '加载中',
  loadFailed: '订单加载失败，请稍后重试',
  retry: '重试',
  orderNo: '订单号',
  service: '业务',
  amount: '应付金额',
  items: '费用明细',
  covers: '费用说明',
  coversFixed: '金额已在提交申请时确定，不随收费标准调整而变化。',
  coversItem: '{label}（{option}办理）',
  refundable: '如申请不予受理，已缴费用将原路退还。',
  expiresAt: '请在 {time} 前完成支付，逾期订单将自动关闭。',
  pay: '去支付',
  paying: '正在发起支付…',
  cancelled: '您已取消支付，订单仍可支付。',
  failed: '支付未成功，订单仍可支付，请稍后重试。',
  alreadyPaid: '该订单已支付',
  viewResult: '查看支付结果',
  closed: '该订单已超时未支付并关闭，请重新提交申请。',
  notRequired: '该订单无需缴费。',
  atMission: {
    title: '到馆缴费',
    steps: [
      '您选择了到使领馆缴费，申请已进入审核，无需在线支付。',
      '请在到使领馆办理（领取证件或面审）时于窗口缴纳上述费用，可凭订单号办理。',
      '缴费后工作人员将登记收据号，订单中会显示“已支付”。',
    ],
  },
  paidVia: { wechat: '微信支付', counter: '到馆缴费' },
  result: {
    confirming: '支付确认中',
    confirmingNote: '正在等待微信支付的支付结果通知，请勿重复支付。',
    slow: '仍在确认支付结果',
    slowNote: '微信支付的结果通知可能稍有延迟。支付成功后订单将自动进入审核，并在消息中心通知您；请勿重复支付。',
    refresh: '刷新',
    paid: '支付成功',
    paidAt: '支付时间',
    paidVia: '支付方式',
    receiptNo: '收据号',
    status: '订单状态',
    payment: '缴费状态',
    closed: '订单已关闭',
    order: '查看订单',
    orders: '我的订单',
    home: '返回首页',
  },
} as const;

export type PayText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language (text-en.ts, text-zh-Hant.ts: the same keys and placeholders). */
export const text = localized<PayText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
