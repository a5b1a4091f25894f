/**
 * The video interview's staff contract (server/interviews ↔ console/src/api/interview-api.ts
 * and the call page console/src/interview-call): 面审排期, the application view's 视频面审
 * panel, the call and its signalling. Staff-only (the citizen's call page is built with the
 * console, not the mini-program), so it lives here and not in miniprogram/domain/interview.ts,
 * which the interview subpackage ships; what both sides use (slot views, bookings, the
 * citizen's page, the messages) stays there.
 */
import type {
  InterviewBookingStatus,
  InterviewBookingView,
  InterviewCallStatus,
  InterviewCallView,
  InterviewSlotStatus,
  InterviewSlotView,
  SLOT_MINUTES_CHOICES,
} from '../miniprogram/domain/interview';
import type { ApplicationStatus } from '../miniprogram/domain/services/application-status';

/** How far ahead the citizen sees free slots. */
export const BOOKING_HORIZON_DAYS = 30;

/** A call ticket (the web-view URL) is valid this long, once. */
export const CALL_TICKET_MINUTES = 10;

/** Longest long-poll for signals. */
export const SIGNAL_WAIT_MAX_MS = 25_000;

/** Largest signal payload (an SDP offer is a few KB). */
export const SIGNAL_MAX_BYTES = 64 * 1024;

export type CallSide = 'staff' | 'citizen';

/**
 * Signals between the two sides of a call:
 *   ready     — the citizen's page has camera + microphone and waits for the offer;
 *   offer / answer — SDP ({ type, sdp }); the console offers;
 *   candidate — one ICE candidate (RTCIceCandidateInit), trickled;
 *   hangup    — that side left.
 */
export type SignalKind = 'ready' | 'offer' | 'answer' | 'candidate' | 'hangup';

export const SIGNAL_KINDS: readonly SignalKind[] = ['ready', 'offer', 'answer', 'candidate', 'hangup'];

/** POST /api/interview-calls/join { ticket } — what the call page gets for its ticket. */
export interface CallJoin {
  callId: string;
  side: CallSide;
  /** Bearer token for the signal routes, valid while the call is open. */
  token: string;
  iceServers: IceServer[];
  orderNo: string | null;
  missionName: string;
  /** For 重新进入 after a reload: the mini-program's call page takes the order id. */
  applicationId: string;
}

/** POST /api/console/applications/:id/interview/calls — staff start (or rejoin) the call. */
export interface CallStart {
  callId: string;
  side: 'staff';
  iceServers: IceServer[];
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface Signal {
  seq: number;
  from: CallSide;
  kind: SignalKind;
  data: unknown;
}

/** POST /api/interview-calls/:callId/signals { kind, data } — body. */
export interface SignalPost {
  kind: SignalKind;
  data?: unknown;
}

/** GET /api/interview-calls/:callId/signals?after=<seq>&waitMs=<ms> — the OTHER side's signals after `after`. */
export interface SignalPage {
  signals: Signal[];
  status: InterviewCallStatus;
}

export interface InterviewScreenshotView {
  id: string;
  takenAt: string;
  /** Staff display name. */
  takenBy: string;
  /** GET it with the staff cookie (audited). */
  url: string;
}

/** GET /api/console/applications/:id/interview — the application view's 视频面审 panel. */
export interface ConsoleInterview {
  applicationId: string;
  status: ApplicationStatus;
  timeZone: string;
  timeZoneLabel: string;
  booking: InterviewBookingView | null;
  past: InterviewBookingView[];
  call: InterviewCallView | null;
  calls: InterviewCallView[];
  screenshots: InterviewScreenshotView[];
  /** Staff may start the call now: the order is in 待视频面审 and a slot is booked. */
  canStartCall: boolean;
  /** The interview took place (a call ended since the order entered 待视频面审): pass or refuse it. */
  held: boolean;
}

export interface ConsoleSlotView extends InterviewSlotView {
  status: InterviewSlotStatus;
  booking: { id: string; applicationId: string; orderNo: string | null; applicantName: string | null; status: InterviewBookingStatus } | null;
}

/** GET /api/console/interview-slots?from=YYYY-MM-DD&to=YYYY-MM-DD (mission dates, at most SLOT_BATCH_MAX_DAYS). */
export interface ConsoleSchedule {
  timeZone: string;
  timeZoneLabel: string;
  days: Array<{ date: string; dateLabel: string; slots: ConsoleSlotView[] }>;
}

/** POST /api/console/interview-slots — creates slots at the mission's wall-clock times. */
export interface CreateSlotsRequest {
  /** Mission dates 'YYYY-MM-DD', inclusive, at most SLOT_BATCH_MAX_DAYS apart. */
  fromDate: string;
  toDate: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** 'HH:MM' at the mission; the last slot ends by endTime. */
  startTime: string;
  endTime: string;
  minutes: (typeof SLOT_MINUTES_CHOICES)[number];
}

export interface CreateSlotsResult {
  created: number;
  /** Already there (same start), or in the past. */
  skipped: number;
}

export const BOOKING_STATUS_LABELS: Readonly<Record<InterviewBookingStatus, string>> = {
  booked: '已预约',
  cancelled: '已取消',
  held: '已面审',
  missed: '未参加',
};
