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

/** Chinese texts of the interview flow that both the server and the front ends use, in one place. */
export const interviewMessages = {
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
