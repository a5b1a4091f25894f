/**
 * What the interview pages (packages/interview) say, in 简体中文 (the source language:
 * text-en.ts and text-zh-Hant.ts have exactly these keys and placeholders); kept in the
 * subpackage so the main package does not carry it. The server's own messages (slot taken,
 * too late, not open…) come from domain/interview.ts interviewMessages, shared with the
 * server; the few this page says itself are here, in each language.
 */
import { localized, type Widen } from '../../locale/language';
import { BOOKING_LEAD_MINUTES, interviewMessages, SLOT_STATUS_LABELS } from './domain/interview';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

const zhCN = {
  title: '预约视频面审',
  loading: '加载中',
  loadFailed: '面审信息加载失败，请稍后重试',
  retry: '重试',
  back: '返回',
  orderNo: '订单号',
  why: '需要面审的原因',
  zone: '以下时间均为{zone}',
  zoneNote: '您的手机不在该时区，括号中是您手机上的时间。',
  phoneTime: '（您的时间 {time}）',
  minutes: '{minutes}分钟',
  /** A time and how long it lasts: '09:00（30分钟）'. */
  timeAndLength: '{time}（{length}）',
  tips: '面审时请在光线充足、安静的地方，准备好证件原件，由申请人本人出镜。',
  notRequired: interviewMessages.notRequired,
  slotTaken: interviewMessages.slotTaken,

  booking: '当前预约',
  /** By the booking's status (the citizen's words; the console has its own). */
  bookingStatus: { booked: '已预约', cancelled: '已取消', held: '已面审', missed: '未参加' },
  change: '改约',
  cancel: '取消预约',
  keep: '不改约了',
  changeHint: '请在下方选择新的时段，确认后原预约自动取消。',
  locked: interviewMessages.tooLate,
  lockedCall: interviewMessages.callInProgress,
  // The call staff started: the way in.
  callOpen: '使领馆工作人员已发起视频面审，请尽快进入。',
  callWait: '请在预约时间打开本页或订单详情，等待使领馆工作人员发起面审后进入。',
  join: '进入面审',

  slots: '选择面审时段',
  slotsDay: '{count}个时段可预约',
  slotOpen: SLOT_STATUS_LABELS.open,
  leadNote: `可预约${BOOKING_LEAD_MINUTES}分钟之后的时段。`,
  empty: '近期暂无可预约的时段，请致电使领馆预约面审。',
  callMission: '致电使领馆',

  past: '以往预约',

  confirm: '确定',
  think: '再想想',
  bookTitle: '确认预约',
  bookContent: '预约 {when} 的视频面审？',
  changeTitle: '确认改约',
  changeContent: '将面审时间改为 {when}？原预约 {old} 将取消。',
  cancelTitle: '取消预约',
  cancelContent: '确定取消 {when} 的面审预约吗？取消后需重新预约。',
  booked: '预约成功',
  changed: '改约成功',
  cancelled: '已取消预约',

  call: {
    title: '视频面审',
    preparing: '正在进入面审…',
    permissionTitle: '需要摄像头和麦克风',
    permission: '视频面审时，使领馆工作人员需要看到和听到您。请允许“中国领事”使用摄像头和麦克风。',
    denied: '您未允许使用摄像头或麦克风，无法进行视频面审。请在设置中打开“摄像头”和“麦克风”后重试。',
    openSetting: '去设置',
  },
};

export type InterviewText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language. */
export const text = localized<InterviewText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
