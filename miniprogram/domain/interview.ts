/**
 * 视频面审 (video interview): the citizen books a slot in the MISSION's time zone, staff
 * start the call at that time (WebRTC between the console and a call page the
 * mini-program opens in a <web-view>), take screenshots and ask questions, then move the
 * order on with the state machine's `interview_passed` (or `reject`).
 *
 * Shared by the server (server/interviews), the mini-program (packages/interview, as a
 * build copy) and the console. Pure TypeScript: no wx, no server imports.
 *
 * Times: the server stores instants (timestamptz) and sends, with every slot, its wall
 * clock at the mission (`local`), computed on the server — some Android WeChat runtimes
 * have no time-zone data, so phones never convert mission time themselves. A phone may
 * show its own local time from the ISO instant with plain Date.
 */
import { localizedMessages, type Widen } from './message-locale';
import type { ApplicationStatus } from './services/application-status';

/** A citizen may not book a slot that starts sooner than this, nor change or cancel one then. */
export const BOOKING_LEAD_MINUTES = 60;
/** Staff create slots for at most this many days in one request. */
export const SLOT_BATCH_MAX_DAYS = 62;
export const SLOT_MINUTES_CHOICES = [15, 20, 30, 45, 60] as const;
/** Largest screenshot upload. */
export const SCREENSHOT_MAX_BYTES = 2 * 1024 * 1024;

export type InterviewBookingStatus = 'booked' | 'cancelled' | 'held' | 'missed';
export type InterviewSlotStatus = 'open' | 'booked' | 'cancelled';
export type InterviewCallStatus = 'open' | 'ended';

/** Wall clock at the mission, computed by the server. */
export interface ZonedLabel {
  /** '2026-12-07' */
  date: string;
  /** '09:00' */
  time: string;
  /** '12月7日 周一' */
  dateLabel: string;
  /** 'UTC-5', 'UTC+5:30' */
  offset: string;
}

export interface InterviewSlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  local: ZonedLabel;
}

export interface InterviewBookingView {
  id: string;
  slotId: string;
  status: InterviewBookingStatus;
  statusLabel: string;
  startsAt: string;
  endsAt: string;
  local: ZonedLabel;
  bookedAt: string;
  /** The citizen may still change or cancel it (booked, and more than BOOKING_LEAD_MINUTES ahead). */
  canChange: boolean;
  /** Why it ended, when staff cancelled the slot or marked it missed. */
  note: string | null;
}

export interface InterviewCallView {
  id: string;
  status: InterviewCallStatus;
  startedAt: string;
  endedAt: string | null;
}

export interface InterviewDay {
  date: string;
  dateLabel: string;
  slots: InterviewSlotView[];
}

/** GET /api/applications/:id/interview — what the citizen's 预约面审 page shows. */
export interface CitizenInterview {
  applicationId: string;
  orderNo: string | null;
  status: ApplicationStatus;
  /** The order is in 待视频面审: booking and joining are possible. */
  required: boolean;
  /** The city names let the page name the time zone in the reader's language. */
  mission: { id: string; nameZh: string; cityZh: string; cityEn: string; timeZone: string; phone: string };
  /** e.g. '纽约时间（UTC-5）' — every time on the page is in it. */
  timeZoneLabel: string;
  /** Today's offset of the mission's zone, e.g. 'UTC-5' (in timeZoneLabel too). */
  timeZoneOffset: string;
  /** The active booking (status booked), if any. */
  booking: InterviewBookingView | null;
  /** The call staff have started for the booking: the citizen can join now. */
  call: InterviewCallView | null;
  /** Free slots from now + BOOKING_LEAD_MINUTES to BOOKING_HORIZON_DAYS (contracts/interviews.ts) ahead (empty unless required). */
  days: InterviewDay[];
  /** Earlier bookings (cancelled, missed, held), newest first. */
  past: InterviewBookingView[];
  /** The interview took place (a call ended) and staff have not decided yet: no new booking; the sentence to show. */
  heldNotice: string | null;
}

/** POST /api/applications/:id/interview/booking — book, or move the booking to another slot. */
export interface BookSlotRequest {
  slotId: string;
}

/** POST /api/applications/:id/interview/call-ticket — open the call page with this path (prefix the API base URL). */
export interface CallTicket {
  /** '/interview/call?ticket=…' — one use, CALL_TICKET_MINUTES valid. */
  path: string;
  expiresAt: string;
}

export const SLOT_STATUS_LABELS: Readonly<Record<InterviewSlotStatus, string>> = {
  open: '可预约',
  booked: '已预约',
  cancelled: '已取消',
};

const interviewZhCN = {
  notRequired: '该申请当前无需视频面审',
  slotTaken: '该时段已被预约，请选择其他时段',
  slotUnavailable: '该时段不可预约，请选择其他时段',
  tooLate: `面审开始前${BOOKING_LEAD_MINUTES}分钟内不能预约、改约或取消，如有问题请致电使领馆`,
  noBooking: '您尚未预约面审时间',
  callInProgress: '面审已开始，不能再改约或取消',
  callNotOpen: '使领馆尚未发起面审，请在预约时间等待工作人员发起',
  ticketInvalid: '面审链接已失效，请返回小程序重新进入',
  callEnded: '面审已结束',
  cannotStartCall: '申请人尚未预约面审时间，或申请不在待视频面审状态',
  slotsInvalidRange: `日期范围需在${SLOT_BATCH_MAX_DAYS}天以内，且结束日期不早于开始日期`,
  slotsInvalidTimes: '结束时间需晚于开始时间，且至少容纳一个时段',
  slotsNoWeekday: '请至少选择一个星期几',
  slotsInvalidMinutes: `每个时段时长需为 ${SLOT_MINUTES_CHOICES.join('、')} 分钟之一`,
  slotNotFound: '未找到该面审时段',
  bookingNotFound: '未找到该面审预约',
  callNotFound: '未找到该面审通话',
  screenshotNotFound: '未找到该截图',
  screenshotInvalid: '截图不是有效的 PNG 或 JPEG 图片',
  screenshotTooLarge: `截图不能超过 ${SCREENSHOT_MAX_BYTES / 1024 / 1024} MB`,
  bookingNotChangeable: '该预约已结束，不能再标记',
  signalTooLarge: '信令数据过大',
} as const;

const interviewZhHant: Widen<typeof interviewZhCN> = {
  notRequired: '該申請目前無需視訊面審',
  slotTaken: '該時段已被預約，請選擇其他時段',
  slotUnavailable: '該時段不可預約，請選擇其他時段',
  tooLate: `面審開始前${BOOKING_LEAD_MINUTES}分鐘內不能預約、改約或取消，如有問題請致電使領館`,
  noBooking: '您尚未預約面審時間',
  callInProgress: '面審已開始，不能再改約或取消',
  callNotOpen: '使領館尚未發起面審，請在預約時間等待工作人員發起',
  ticketInvalid: '面審連結已失效，請返回小程式重新進入',
  callEnded: '面審已結束',
  cannotStartCall: '申請人尚未預約面審時間，或申請不在待視訊面審狀態',
  slotsInvalidRange: `日期範圍需在${SLOT_BATCH_MAX_DAYS}天以內，且結束日期不早於開始日期`,
  slotsInvalidTimes: '結束時間需晚於開始時間，且至少容納一個時段',
  slotsNoWeekday: '請至少選擇一個星期幾',
  slotsInvalidMinutes: `每個時段時長需為 ${SLOT_MINUTES_CHOICES.join('、')} 分鐘之一`,
  slotNotFound: '未找到該面審時段',
  bookingNotFound: '未找到該面審預約',
  callNotFound: '未找到該面審通話',
  screenshotNotFound: '未找到該截圖',
  screenshotInvalid: '截圖不是有效的 PNG 或 JPEG 圖片',
  screenshotTooLarge: `截圖不能超過 ${SCREENSHOT_MAX_BYTES / 1024 / 1024} MB`,
  bookingNotChangeable: '該預約已結束，不能再標記',
  signalTooLarge: '信令資料過大',
};

const interviewEn: Widen<typeof interviewZhCN> = {
  notRequired: 'This application does not need a video interview now',
  slotTaken: 'This time has just been booked; please choose another',
  slotUnavailable: 'This time cannot be booked; please choose another',
  tooLate: `Within ${BOOKING_LEAD_MINUTES} minutes of the interview it cannot be booked, moved or cancelled; if something is wrong, please call the mission`,
  noBooking: 'You have not booked an interview time yet',
  callInProgress: 'The interview has started; it can no longer be moved or cancelled',
  callNotOpen: 'The mission has not started the interview yet; please wait at your booked time for the officer to start it',
  ticketInvalid: 'This interview link has expired; please go back to the mini-program and join again',
  callEnded: 'The interview has ended',
  cannotStartCall: 'The applicant has not booked an interview time, or the application is not awaiting a video interview',
  slotsInvalidRange: `The date range must be within ${SLOT_BATCH_MAX_DAYS} days, and the end date not before the start date`,
  slotsInvalidTimes: 'The end time must be after the start time and leave room for at least one slot',
  slotsNoWeekday: 'Please choose at least one weekday',
  slotsInvalidMinutes: `Each slot must last one of ${SLOT_MINUTES_CHOICES.join(', ')} minutes`,
  slotNotFound: 'Interview time slot not found',
  bookingNotFound: 'Interview booking not found',
  callNotFound: 'Interview call not found',
  screenshotNotFound: 'Screenshot not found',
  screenshotInvalid: 'The screenshot is not a valid PNG or JPEG image',
  screenshotTooLarge: `The screenshot must not exceed ${SCREENSHOT_MAX_BYTES / 1024 / 1024} MB`,
  bookingNotChangeable: 'This booking has ended; it can no longer be marked',
  signalTooLarge: 'Signalling data too large',
};

/**
 * Texts of the interview flow that both the server and the front ends use, in one place, in
 * the reader's language (domain/message-locale.ts); console routes read 简体.
 */
export const interviewMessages = localizedMessages({ 'zh-CN': interviewZhCN, 'zh-Hant': interviewZhHant, en: interviewEn });
