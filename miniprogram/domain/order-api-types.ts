/**
 * Shapes of the review-workflow API (server/orders): the citizen's timeline, supplements,
 * 消息中心 and subscription messages, and the console's queue and application view.
 * Names and hints come from services/order-state-machine.ts.
 */
import type { Mission } from './api-types';
import type { CitizenInterview } from './interview';
import type { ApplicationStatus } from './services/application-status';
import type { ApplicationDetail, DocumentFinding } from './services/application-api-types';
import type { NextStepHint, OrderAction, Requirement } from './services/order-state-machine';

export interface TimelineEntry {
  at: string;
  action: OrderAction | 'note';
  actionLabel: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  toLabel: string;
  /** 'citizen' (you), 'staff' (使领馆), 'system'. Staff names are never shown to citizens. */
  actor: 'citizen' | 'staff' | 'system';
  note: string | null;
  /** request_supplements: item labels; mail: trackingNo. */
  items?: string[];
  trackingNo?: string;
}

/** An order in review: its place in the mission's queue for its service, and a rough decision date. */
export interface QueueEstimate {
  /** 1 = next. */
  position: number;
  /** Mission date 'YYYY-MM-DD' (约, never a promise), or null when recent pace is unknown. */
  estimatedDate: string | null;
  /** The sentence the order detail shows. */
  text: string;
}

export interface Timeline {
  applicationId: string;
  orderNo: string | null;
  status: ApplicationStatus;
  statusLabel: string;
  nextStep: NextStepHint;
  trackingNo: string | null;
  entries: TimelineEntry[];
  /** Null unless the order waits for the mission's review. */
  queue: QueueEstimate | null;
}

export interface SupplementItem {
  id: string;
  label: string;
  kind: 'id_photo' | 'image';
  uploaded: boolean;
  ok: boolean;
  findings: DocumentFinding[];
}

/** GET /api/applications/:id/supplements: the open 补充材料 slot (items empty when none). */
export interface SupplementSlot {
  open: boolean;
  note: string | null;
  items: SupplementItem[];
}

/** The mission's contact as the order detail shows it: where to mail or collect, when, whom to call. */
export type OrderMission = Pick<Mission, 'id' | 'nameZh' | 'addressZh' | 'phone' | 'hoursZh'>;

/**
 * GET /api/applications/:id/order: everything 订单详情 renders, in one response. `supplements`
 * only while 待补充材料, `interview` only while 待视频面审 (null otherwise); `mission` null if
 * the mission is gone from the directory.
 */
export interface OrderView {
  application: ApplicationDetail;
  timeline: Timeline;
  mission: OrderMission | null;
  supplements: SupplementSlot | null;
  interview: CitizenInterview | null;
  /** In-person appointments the order needs (到馆预约: '采集指纹', '到馆领取证件'); empty: none. */
  appointments: string[];
}

export interface CitizenMessage {
  id: string;
  applicationId: string | null;
  /** A safety alert (海外公民登记): opens its 我平安 / 需要帮助 page. */
  alertId: string | null;
  /** A passport expiry reminder (我的证件): opens the ready renewal. */
  passportId: string | null;
  kind: 'status' | 'note';
  title: string;
  body: string;
  status: ApplicationStatus | null;
  createdAt: string;
  read: boolean;
}

export interface MessagePage {
  messages: CitizenMessage[];
  /** Pass as ?cursor= for the next (older) page; null at the end. */
  nextCursor: string | null;
  unread: number;
}

export interface UnreadCount {
  unread: number;
}

export interface SubscriptionTemplates {
  /** Ask for these with wx.requestSubscribeMessage({ tmplIds }) from a tap (e.g. the submit button). */
  orderStatus: string;
  /** 安全提醒: asked for when registering abroad (海外公民登记). */
  safetyAlert: string;
  /** 证件到期提醒: asked for on 我的证件. */
  documentExpiry: string;
}

/** POST /api/subscriptions: the result of wx.requestSubscribeMessage. */
export interface SubscriptionRequest {
  templateIds: string[];
  /** The ids whose result was 'accept'. */
  accepted: string[];
}

export interface SubscriptionQuota {
  quota: Record<string, number>;
}

// ── console ──

export interface QueueItem {
  id: string;
  orderNo: string;
  service: string;
  serviceTitle: string;
  status: ApplicationStatus;
  statusLabel: string;
  applicantName: string | null;
  applicantIdMasked: string | null;
  inDistrict: boolean;
  queuedAt: string;
  submittedAt: string | null;
  /** Whole days since queuedAt. */
  waitingDays: number;
  /** The order needs a video interview that is still ahead (not once passed). */
  interviewRequired: boolean;
  /** The member of staff who took the order (claim), if any. */
  claimedBy: { id: string; name: string } | null;
  version: number;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface ConsoleAllowedAction {
  action: OrderAction;
  label: string;
  to: ApplicationStatus;
  toLabel: string;
  requires: readonly Requirement[];
  /** interview_passed with no video interview held: records an in-person interview (send inPerson: true). */
  inPerson?: boolean;
}

export interface ConsoleField {
  id: string;
  label: string;
  value: string;
}

export interface ConsoleStepGroup {
  stepId: string;
  title: string;
  fields: ConsoleField[];
}

export interface ConsoleDocument {
  docId: string;
  label: string;
  kind: 'id_photo' | 'image' | 'signature';
  url: string;
  ok: boolean;
  findings: DocumentFinding[];
  uploadedAt: string;
  /** A 补充材料 upload (doc id supplement.<item>). */
  supplement: boolean;
}

export interface ConsoleHistoryEntry {
  at: string;
  action: string;
  actionLabel: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  actorKind: 'citizen' | 'staff' | 'system';
  actorName: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface ConsoleApplication {
  id: string;
  orderNo: string | null;
  service: string;
  serviceTitle: string;
  missionId: string;
  status: ApplicationStatus;
  statusLabel: string;
  version: number;
  applicantName: string | null;
  applicantIdMasked: string | null;
  inDistrict: boolean;
  queuedAt: string | null;
  submittedAt: string | null;
  steps: ConsoleStepGroup[];
  documents: ConsoleDocument[];
  face: { status: 'passed' | 'failed' | 'skipped' | null; label: string };
  interviewReasons: Array<{ id: string; label: string }>;
  fees: string[];
  supplement: { items: Array<{ id: string; label: string }>; note: string | null };
  supplementChoices: Array<{ id: string; label: string }>;
  trackingNo: string | null;
  refundDue: boolean;
  history: ConsoleHistoryEntry[];
  allowedActions: ConsoleAllowedAction[];
  /** What the member of staff must do next (not the citizen's hint). */
  nextStep: { text: string };
  claimedBy: { id: string; name: string } | null;
}

export interface ConsoleActionRequest {
  version: number;
  note?: string;
  items?: string[];
  trackingNo?: string;
  inPerson?: boolean;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

export interface JobView {
  id: string;
  kind: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  payload: Record<string, unknown>;
}
