/**
 * 到馆预约 (in-person appointments, docs/appointments.md): appointment types per mission —
 * the video interview (its slots and calls stay in server/interviews), fingerprint
 * collection and document pickup at the counter — each with its own slots, length,
 * capacity (several people per slot at a counter) and change cut-off. Which orders need an
 * appointment, at which stage, and which staff action waits for it is declared by the
 * service definition (`rules.appointments`), never by a service id.
 *
 * Shared by the server (server/appointments), the mini-program (packages/appointment) and
 * the console; what only staff see (types, slots, labels, the horizon) is in contracts/appointments.ts. Pure TypeScript: no wx, no server imports. Times come with the mission's
 * wall clock (`local`), computed on the server, as for video interviews.
 */
import type { ZonedLabel } from './interview';
import { localizedMessages, type Widen } from './message-locale';

export type AppointmentKind = 'video_interview' | 'fingerprints' | 'pickup';
/** The kinds this module books at the counter (the video interview books in server/interviews). */
export type InPersonKind = Exclude<AppointmentKind, 'video_interview'>;

export type AppointmentStatus = 'booked' | 'cancelled' | 'checked_in' | 'no_show';
export type MailExceptionStatus = 'pending' | 'accepted' | 'refused';

/** Bounds of a type's settings (staff edit them per mission). */
export const APPOINTMENT_CAPACITY_MAX = 50;
export const APPOINTMENT_CUTOFF_HOURS_MAX = 168;
export const MAIL_REASON_MAX = 500;

const zhCN = {
  notNeeded: '该订单无需此项预约',
  notOpen: '当前办理阶段尚不能预约，请留意订单状态',
  slotUnavailable: '该时段不可预约，请选择其他时段',
  slotFull: '该时段已约满，请选择其他时段',
  tooLate: (hours: number) => `距预约时间已不足${hours}小时，不能再改约或取消；如无法到馆，请致电使领馆`,
  noBooking: '您还没有预约',
  alreadyDone: '已办理完毕，无需再预约',
  mailNotOffered: '该事项不能申请邮寄办理',
  mailExists: '您已提交邮寄办理申请，请等待使领馆答复',
  mailDecided: '该申请已处理',
  mailReasonRequired: '请说明无法到馆的原因（如年迈、患病、路途遥远）',
  mailReasonTooLong: `原因请控制在${MAIL_REASON_MAX}字以内`,
  notToday: '只能为当天的预约办理到馆登记',
  tooEarly: '预约时间未到，不能标记未到馆',
  notChangeable: '该预约已到馆、已取消或已标记未到馆',
  codeUnknown: '未找到该预约码，请核对后重试，或按订单号、姓名查找',
  bookingNotFound: '未找到该预约',
  slotNotFound: '未找到该时段',
  requestNotFound: '未找到该邮寄办理申请',
  typeNotFound: '本馆未开通该预约类型',
  invalidCapacity: `每个时段可预约人数应为 1–${APPOINTMENT_CAPACITY_MAX}`,
  invalidCutoff: `改约截止时间应为 0–${APPOINTMENT_CUTOFF_HOURS_MAX} 小时`,
  invalidMinutes: '请选择每个时段的时长',
  decisionNoteRequired: '不同意时请说明理由',
  /** The production gate (server/workflow/appointment-gate.ts). */
  required: (kind: string) => `申请人尚未完成“${kind}”，完成（或同意邮寄办理）后才能继续`,
  reminderHint: (date: string, time: string) => `${date} ${time}到馆办理`,
} as const;

const zhHant: Widen<typeof zhCN> = {
  notNeeded: '該訂單無需此項預約',
  notOpen: '目前辦理階段尚不能預約，請留意訂單狀態',
  slotUnavailable: '該時段不可預約，請選擇其他時段',
  slotFull: '該時段已約滿，請選擇其他時段',
  tooLate: (hours: number) => `距預約時間已不足${hours}小時，不能再改約或取消；如無法到館，請致電使領館`,
  noBooking: '您還沒有預約',
  alreadyDone: '已辦理完畢，無需再預約',
  mailNotOffered: '該事項不能申請郵寄辦理',
  mailExists: '您已提交郵寄辦理申請，請等待使領館答覆',
  mailDecided: '該申請已處理',
  mailReasonRequired: '請說明無法到館的原因（如年邁、患病、路途遙遠）',
  mailReasonTooLong: `原因請控制在${MAIL_REASON_MAX}字以內`,
  notToday: '只能為當天的預約辦理到館登記',
  tooEarly: '預約時間未到，不能標記未到館',
  notChangeable: '該預約已到館、已取消或已標記未到館',
  codeUnknown: '未找到該預約碼，請核對後重試，或按訂單號、姓名查找',
  bookingNotFound: '未找到該預約',
  slotNotFound: '未找到該時段',
  requestNotFound: '未找到該郵寄辦理申請',
  typeNotFound: '本館未開通該預約類型',
  invalidCapacity: `每個時段可預約人數應為 1–${APPOINTMENT_CAPACITY_MAX}`,
  invalidCutoff: `改約截止時間應為 0–${APPOINTMENT_CUTOFF_HOURS_MAX} 小時`,
  invalidMinutes: '請選擇每個時段的時長',
  decisionNoteRequired: '不同意時請說明理由',
  required: (kind: string) => `申請人尚未完成「${kind}」，完成（或同意郵寄辦理）後才能繼續`,
  reminderHint: (date: string, time: string) => `${date} ${time}到館辦理`,
};

const en: Widen<typeof zhCN> = {
  notNeeded: 'This order does not need this appointment',
  notOpen: 'Appointments cannot be booked at this stage yet; please watch the order status',
  slotUnavailable: 'This time cannot be booked; please choose another',
  slotFull: 'This time is fully booked; please choose another',
  tooLate: (hours: number) => `Less than ${hours} hours before the appointment it can no longer be moved or cancelled; if you cannot come, please call the mission`,
  noBooking: 'You have no appointment yet',
  alreadyDone: 'Already done; no appointment is needed',
  mailNotOffered: 'This step cannot be done by mail',
  mailExists: 'You have already asked to do this by mail; please wait for the mission’s answer',
  mailDecided: 'This request has already been decided',
  mailReasonRequired: 'Please say why you cannot come in person (e.g. old age, illness, a long journey)',
  mailReasonTooLong: `Please keep the reason within ${MAIL_REASON_MAX} characters`,
  notToday: 'Only today’s appointments can be checked in',
  tooEarly: 'The appointment has not started yet; it cannot be marked as missed',
  notChangeable: 'This appointment is already checked in, cancelled or marked as missed',
  codeUnknown: 'Appointment code not found; check it and try again, or search by order number or name',
  bookingNotFound: 'Appointment not found',
  slotNotFound: 'Time slot not found',
  requestNotFound: 'Mail request not found',
  typeNotFound: 'This mission does not offer this kind of appointment',
  invalidCapacity: `Places per time slot must be 1–${APPOINTMENT_CAPACITY_MAX}`,
  invalidCutoff: `The change cut-off must be 0–${APPOINTMENT_CUTOFF_HOURS_MAX} hours`,
  invalidMinutes: 'Please choose the length of each time slot',
  decisionNoteRequired: 'Please give a reason when refusing',
  required: (kind: string) => `The applicant has not completed “${kind}” yet; it must be done (or done by mail) first`,
  reminderHint: (date: string, time: string) => `${date} ${time} at the mission`,
};

/**
 * Every sentence of the appointment flow (citizen and staff), in one place, in the reader's
 * language (domain/message-locale.ts): the server's refusals reach the citizen in theirs;
 * staff routes read 简体.
 */
export const appointmentMessages = localizedMessages({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });

/** A map search for the mission's address (Google Maps URLs API: a plain link every map app opens). */
export function mapLink(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

export interface AppointmentSlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  local: ZonedLabel;
  capacity: number;
  /** Places left. */
  free: number;
}

export interface AppointmentDay {
  date: string;
  dateLabel: string;
  slots: AppointmentSlotView[];
}

export interface AppointmentBookingView {
  id: string;
  kind: InPersonKind;
  slotId: string;
  status: AppointmentStatus;
  statusLabel: string;
  startsAt: string;
  endsAt: string;
  local: ZonedLabel;
  /** '12月7日 周一 09:00（纽约时间）' */
  when: string;
  /** What staff scan at the counter (shown as a QR code). */
  code: string;
  /** The citizen may still move or cancel it (booked, before the cut-off). */
  canChange: boolean;
  note: string | null;
}

export interface MailExceptionView {
  id: string;
  status: MailExceptionStatus;
  statusLabel: string;
  reason: string;
  note: string | null;
  requestedAt: string;
}

/** One appointment an order needs (GET /api/applications/:id/appointments). */
export interface CitizenAppointment {
  kind: InPersonKind;
  kindLabel: string;
  /** The order is at a stage where it is booked. */
  open: boolean;
  /** Fingerprints taken / documents collected (checked in), or mail exception accepted. */
  done: boolean;
  minutes: number;
  cutoffHours: number;
  booking: AppointmentBookingView | null;
  days: AppointmentDay[];
  mailExceptionOffered: boolean;
  mailException: MailExceptionView | null;
}

export interface CitizenAppointments {
  applicationId: string;
  orderNo: string | null;
  status: string;
  mission: { id: string; nameZh: string; address: string; phone: string; timeZone: string; mapUrl: string };
  timeZoneLabel: string;
  appointments: CitizenAppointment[];
}
