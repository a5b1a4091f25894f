import { t as main } from '../../locale/text';
import { extended, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/**
 * What 订单详情 and 补充材料 say, in 简体中文 (the source language: text-en.ts and text-zh-Hant.ts have exactly these keys
 * and placeholders). Kept in the subpackage so the main package does not carry it.
 */
const zhCN = {
  /** packages/orders: 订单详情 and 补充材料. */
  order: {
    /** The cell to 到馆预约 (packages/appointment): '{kinds}' e.g. 采集指纹. */
    appointments: '到馆预约：{kinds}',
    /** The next-step card of an order waiting for its video interview (packages/interview books it). */
    interview: {
      book: '预约面审',
      view: '查看预约',
      join: '进入面审',
      bookedAt: '面审时间：{when}（{zone}）',
      callOpen: '使领馆工作人员已发起视频面审，请尽快进入。',
    },
    title: '订单详情',
    orderNo: '订单号',
    copyHint: '点按复制',
    submittedAt: '提交时间',
    mission: '受理使领馆',
    payment: '缴费',
    trackingNo: '快递单号',
    nextStep: '下一步',
    yourTurn: '需要您处理',
    timeline: '办理进度',
    actor: { citizen: '您', staff: '使领馆', system: '系统' },
    requested: '需补充：',
    staffNote: '使领馆说明：',
    mailTo: '寄至：{address}',
    mailSlip: '纸条内容：{name}，订单号 {orderNo}',
    collectAt: '领取地点：{address}（{hours}）',
    callMission: '致电使领馆',
    confirmReceipt: '确认收到证件',
    receiptConfirmed: '已确认收到',
    loadFailed: '订单加载失败，请稍后重试',
    retry: '重试',
    supplements: {
      title: '补充材料',
      intro: '请按使领馆要求上传以下材料。全部上传后点“重新提交”，申请将按原顺序继续审核。',
      pick: '拍照或从相册选择',
      replace: '重新上传',
      uploaded: '已上传',
      failed: '未通过：',
      advice: '建议：',
      uploading: '上传中…',
      resubmit: '重新提交',
      resubmitting: '提交中…',
      missing: '请先上传所有需要补充的材料',
      closed: '当前没有需要补充的材料',
      backToOrder: '查看订单',
      done: '已重新提交，等待审核',
    },
  },
} as const;

export type OrderText = Widen<typeof zhCN>;

/** The main package's sentences plus this subpackage's, in the current language. */
export const t = extended(main, { 'zh-CN': zhCN as OrderText, 'zh-Hant': zhHant, en });

export { fill } from '../../locale/language';
