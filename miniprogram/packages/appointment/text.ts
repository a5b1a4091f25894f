import { localized, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/**
 * What the appointment page (packages/appointment) says, in 简体中文 (the source language:
 * text-en.ts and text-zh-Hant.ts have exactly these keys and placeholders); kept in the
 * subpackage so the main package does not carry it. The server's messages (full, too late,
 * not needed…) come from domain/appointments.ts appointmentMessages, shared with the server;
 * the page words its kinds, days and statuses itself from the codes the server sends.
 */
const zhCN = {
  title: '到馆预约',
  loading: '加载中',
  loadFailed: '预约信息加载失败，请稍后重试',
  retry: '重试',
  orderNo: '订单号',
  place: '办理地点',
  zone: '以下时间均为使领馆当地时间（{offset}）',
  copyMap: '复制地图链接',
  mapCopied: '地图链接已复制，可在浏览器或地图应用中打开',
  callMission: '致电使领馆',
  nothing: '该订单目前无需到馆预约',
  /** domain/appointments.ts InPersonKind. */
  kinds: { fingerprints: '采集指纹', pickup: '到馆领取证件' },
  done: '已办理完毕',
  notOpen: '当前办理阶段尚不能预约，审核进展后可预约',
  booked: '已预约：{when}',
  /** A booked time: {day} as utils/format.ts formatDay writes it, {time} the mission's clock. */
  when: '{day} {time}',
  code: '预约码 {code}',
  codeHint: '到馆时请出示此二维码，工作人员扫码登记',
  qrLabel: '预约码二维码',
  change: '改约',
  keep: '不改了',
  cancel: '取消预约',
  cutoff: '可在预约时间 {hours} 小时前改约或取消',
  noChange: '已过改约截止时间，如无法到馆请致电使领馆',
  choose: '选择时段（每个时段 {minutes} 分钟）',
  empty: '暂无可预约时段，请稍后再看或致电使领馆',
  slot: '{time}（剩余 {free} 个名额）',
  bookedToast: '预约成功',
  movedToast: '已改约',
  cancelledToast: '已取消预约',
  mailTitle: '无法到馆？',
  mailIntro: '年迈、患病或路途遥远的申请人可申请以双向邮寄方式办理，请说明原因，使领馆审核后答复。',
  mailPlaceholder: '请说明无法到馆的原因',
  mailSubmit: '申请邮寄办理',
  mailSent: '已提交，请等待使领馆答复',
  mailStatus: '邮寄办理申请：{status}',
  /** domain/appointments.ts MailExceptionStatus. */
  mailStatuses: { pending: '审核中', accepted: '已同意，无需到馆', refused: '未同意' },
  mailNote: '使领馆说明：{note}',
} as const;

export type AppointmentText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language. */
export const text = localized<AppointmentText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
