/**
 * 到馆预约's staff contract (server/appointments ↔ console/src/api/appointment-api.ts): the
 * types per mission, the counter's day, slots and mail requests, the labels staff read, and
 * the server's own horizons. Staff-only, so not in miniprogram/domain/appointments.ts, which
 * the appointment subpackage ships.
 */
import type {
  AppointmentKind,
  AppointmentSlotView,
  AppointmentStatus,
  InPersonKind,
  MailExceptionStatus,
  MailExceptionView,
} from '../miniprogram/domain/appointments';
import type { ZonedLabel } from '../miniprogram/domain/interview';

export const APPOINTMENT_KINDS: readonly AppointmentKind[] = ['video_interview', 'fingerprints', 'pickup'];

export const IN_PERSON_KINDS: readonly InPersonKind[] = ['fingerprints', 'pickup'];

/** How far ahead the citizen sees free slots. */
export const APPOINTMENT_HORIZON_DAYS = 60;

/** The day-before reminder goes this long before the start. */
export const APPOINTMENT_REMINDER_HOURS = 24;

export const APPOINTMENT_MINUTES_CHOICES = [10, 15, 20, 30, 45, 60] as const;

export const APPOINTMENT_KIND_LABELS: Readonly<Record<AppointmentKind, string>> = {
  video_interview: '视频面审',
  fingerprints: '采集指纹',
  pickup: '到馆领取证件',
};

export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatus, string>> = {
  booked: '已预约',
  cancelled: '已取消',
  checked_in: '已到馆',
  no_show: '未到馆',
};

export const MAIL_EXCEPTION_LABELS: Readonly<Record<MailExceptionStatus, string>> = {
  pending: '邮寄申请审核中',
  accepted: '已同意以邮寄方式办理',
  refused: '未同意邮寄办理',
};

// --- Console (staff) --------------------------------------------------------------------

export interface AppointmentTypeView {
  id: string;
  kind: AppointmentKind;
  kindLabel: string;
  minutes: number;
  capacity: number;
  cutoffHours: number;
  active: boolean;
}

export interface UpdateAppointmentTypeRequest {
  minutes: number;
  capacity: number;
  cutoffHours: number;
  active: boolean;
}

export interface CreateAppointmentSlotsRequest {
  fromDate: string;
  toDate: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

export interface ConsoleAppointmentView {
  id: string;
  kind: InPersonKind;
  kindLabel: string;
  status: AppointmentStatus;
  statusLabel: string;
  applicationId: string;
  orderNo: string | null;
  applicantName: string | null;
  startsAt: string;
  local: ZonedLabel;
  checkedInAt: string | null;
}

export interface ConsoleAppointmentSlot extends AppointmentSlotView {
  kind: InPersonKind;
  cancelled: boolean;
  booked: number;
}

export interface ConsoleAppointmentDay {
  date: string;
  dateLabel: string;
  timeZoneLabel: string;
  appointments: ConsoleAppointmentView[];
  slots: ConsoleAppointmentSlot[];
}

export interface ConsoleMailException extends MailExceptionView {
  kind: InPersonKind;
  kindLabel: string;
  applicationId: string;
  orderNo: string | null;
  applicantName: string | null;
}
