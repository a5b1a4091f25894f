import type { Kysely, Selectable } from 'kysely';
import { statusInfo } from '../../miniprogram/domain/services/application-status';
import {
  type ActorKind,
  checkTransition,
  missingRequirements,
  nextStepHint,
  type OrderAction,
  orderMessages,
  type StaffRoleName,
  workflowOf,
} from '../../miniprogram/domain/services/order-state-machine';
import { messageLocale } from '../../miniprogram/domain/message-locale';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { recordAudit } from '../audit/audit-log';
import type { ApplicationTable, Database } from '../db/schema';
import { enqueueJob, enqueueJobOnce } from '../jobs/job-queue';
import { ApiError, applicationNotFound } from '../http/api-error';
import { inRecordLanguage } from '../http/request-locale';
import { serverMessages } from '../messages';
import { assertAppointmentGates } from './appointment-gate';
import { writeMessage } from './citizen-messages';
import { refundOnReject } from './refund-reservation';
import { reviewMessages } from './review-messages';
import { supplementItemLabel, supplementDocId, validSupplementItems } from './supplements';

/**
 * The one place an order's status changes (besides creating the order at submission,
 * which records itself with `recordSubmission`). In the caller's transaction it checks the
 * state machine (miniprogram/domain/services/order-state-machine.ts), updates status +
 * version with a conditional UPDATE (optimistic locking), writes application_history,
 * a message into the citizen's 消息中心 and a subscription-message job (outbox).
 */

export type ApplicationRow = Selectable<ApplicationTable>;

export interface TransitionActor {
  kind: ActorKind;
  /** citizen: the user id (must own the order); staff: the staff id; system: a label, optional. */
  id?: string | null;
  role?: StaffRoleName;
  /** Staff: their mission; another mission's order is a 404. */
  missionId?: string;
}

export interface TransitionInput {
  applicationId: string;
  action: OrderAction | string;
  actor: TransitionActor;
  /** Why: required for reject and request_supplements; shown to the citizen. */
  note?: string | null;
  /** request_supplements: `items` (document ids or 'other'); mail: `trackingNo`; anything else is kept in history. */
  data?: { items?: string[]; trackingNo?: string; [key: string]: unknown };
  /** The version the caller saw; a different current version is a 409 VERSION_CONFLICT. */
  expectedVersion?: number;
}

export interface TransitionResult {
  application: ApplicationRow;
  from: string;
  to: string;
  action: OrderAction;
  version: number;
}

/**
 * What became of the fee when an order was rejected:
 *   requested — a refund is reserved (and will be sent);
 *   due       — money was taken but cannot be refunded automatically (e.g. paid at the
 *               counter): the order is flagged refund_due for staff;
 *   none      — nothing to refund (never paid, or already refunded in full).
 */
export type RefundOutcome = 'requested' | 'due' | 'none';
export interface RefundResult {
  outcome: RefundOutcome;
  note?: string;
}

/** The job kind of a subscription message (WeChat 订阅消息) for a status change; template id from config. */
export const STATUS_TEMPLATE_JOB = 'subscribe_message.status';

/**
 * Enqueues one subscription message about `order` (the job spends quota only if the citizen
 * has some): status changes, draft reminders, interview reminders. `hint` is the text the
 * citizen reads as what happens next (WeChat's thing field keeps 20 characters).
 */
export async function enqueueStatusMessage(
  db: Kysely<Database>,
  order: { id: string; user_id: string; order_no: string | null; service: string; mission_id: string },
  message: { status: string; hint: string; note?: string | null; at?: Date; reminder?: string },
): Promise<void> {
  await enqueueJob(db, {
    kind: STATUS_TEMPLATE_JOB,
    missionId: order.mission_id,
    payload: {
      applicationId: order.id,
      userId: order.user_id,
      orderNo: order.order_no,
      service: order.service,
      status: message.status,
      note: message.note ?? null,
      at: (message.at ?? new Date()).toISOString(),
      hint: message.hint,
      ...(message.reminder ? { reminder: message.reminder } : {}),
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const versionConflict = () => new ApiError(409, 'VERSION_CONFLICT', orderMessages.versionConflict);

export async function applyTransition(db: Kysely<Database>, input: TransitionInput): Promise<TransitionResult> {
  const { actor } = input;
  if (!UUID.test(input.applicationId)) throw applicationNotFound();
  const current = await db.selectFrom('applications').selectAll().where('id', '=', input.applicationId).executeTakeFirst();
  // Not yours (citizen) / not your mission (staff) looks exactly like missing.
  if (
    !current ||
    (actor.kind === 'citizen' && current.user_id !== actor.id) ||
    (actor.kind === 'staff' && (current.mission_id !== actor.missionId || current.status === 'draft'))
  ) {
    throw applicationNotFound();
  }
  // In the caller's language: only its words differ (the refusal a citizen reads).
  const service = findApplicationService(current.service, messageLocale());
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw versionConflict();

  const check = checkTransition(current.status, input.action, actor.kind, actor.role, service);
  if (!check.ok) {
    if (check.reason === 'forbidden') throw new ApiError(403, 'ROLE_REQUIRED', check.message);
    const code = input.action === 'withdraw' ? 'WITHDRAW_NOT_ALLOWED' : 'TRANSITION_NOT_ALLOWED';
    throw new ApiError(409, code, check.message);
  }
  const transition = check.transition;
  // A staff action the service makes wait for an in-person appointment (fingerprints before production).
  await assertAppointmentGates(db, current, service, transition.action);
  const note = input.note?.trim() || null;
  const items = input.data?.items ?? [];
  const trackingNo = typeof input.data?.trackingNo === 'string' ? input.data.trackingNo.trim() : '';
  const missing = missingRequirements(transition, { note, items, trackingNo });
  if (Object.keys(missing).length > 0) throw new ApiError(400, 'VALIDATION_FAILED', serverMessages.validationFailed, missing);

  const now = new Date();
  const set: Partial<Record<keyof ApplicationTable, unknown>> = {
    status: transition.to,
    version: current.version + 1,
    updated_at: now,
    status_changed_at: now,
    active: statusInfo(transition.to)?.active ?? false,
  };
  const historyData: Record<string, unknown> = {};

  switch (transition.action) {
    case 'request_supplements': {
      if (!service || !validSupplementItems(service, items)) {
        throw new ApiError(400, 'VALIDATION_FAILED', serverMessages.validationFailed, { items: reviewMessages.supplementItemsUnknown });
      }
      set.supplement_items = Array.from(new Set(items));
      set.supplement_note = note;
      historyData.items = set.supplement_items;
      break;
    }
    case 'resubmit': {
      const needed = current.supplement_items.map(supplementDocId);
      const uploaded = needed.length
        ? await db.selectFrom('application_files').select(['doc_id', 'check_ok']).where('application_id', '=', current.id).where('doc_id', 'in', needed).execute()
        : [];
      const fine = new Set(uploaded.filter((f) => f.check_ok).map((f) => f.doc_id));
      // Uploaded but refused by the check (only ID photos are kept that way): say so, as at
      // submission, rather than ask for an upload the citizen has just made.
      const failed = new Set(uploaded.filter((f) => !f.check_ok).map((f) => f.doc_id));
      const fields: Record<string, string> = {};
      for (const item of current.supplement_items) {
        const docId = supplementDocId(item);
        if (failed.has(docId)) fields[`supplements.${item}`] = serverMessages.photoFailed;
        else if (!fine.has(docId)) fields[`supplements.${item}`] = reviewMessages.uploadSupplement(service ? supplementItemLabel(service, item) : item);
      }
      if (Object.keys(fields).length > 0) throw new ApiError(400, 'SUPPLEMENTS_MISSING', orderMessages.supplementsMissing, fields);
      historyData.items = current.supplement_items;
      set.supplement_items = [];
      break;
    }
    case 'mail':
      set.tracking_no = trackingNo;
      historyData.trackingNo = trackingNo;
      break;
    case 'withdraw':
      set.withdrawn_at = now;
      set.expires_at = null;
      break;
    default:
      break;
  }
  // The queue place is the first time the order reached 待审核; a resubmission keeps it.
  if (transition.to === 'submitted' && !current.queue_at) set.queue_at = now;

  let updated = await db
    .updateTable('applications')
    .set(set as never)
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .where('status', '=', current.status)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict();

  if (transition.action === 'reject' && service?.rules.refundable) {
    // Refund, in this transaction: reserved and sent right after commit (a WeChat payment),
    // or marked due for staff (a counter payment). Only money actually taken: an unpaid order
    // (到馆缴费 not yet paid) has nothing to refund.
    const refund = await refundOnReject(db, updated, { reason: note ?? '', actor });
    historyData.refund = refund.outcome;
    if (refund.note) historyData.refundNote = refund.note;
    if (refund.outcome === 'due') {
      updated = await db.updateTable('applications').set({ refund_due: true }).where('id', '=', updated.id).returningAll().executeTakeFirstOrThrow();
    }
  }
  for (const [key, value] of Object.entries(input.data ?? {})) if (!(key in historyData) && key !== 'items' && key !== 'trackingNo') historyData[key] = value;

  await recordHistoryAndNotify(db, {
    order: updated,
    actor,
    action: transition.action,
    from: current.status,
    to: transition.to,
    note,
    data: historyData,
  });
  return { application: updated, from: current.status, to: transition.to, action: transition.action, version: updated.version };
}

/**
 * For the payments module: the order's payment is confirmed (WeChat Pay notification or
 * query). 待支付 → 待审核, written as the system actor; 409 when the order is not 待支付.
 */
export function confirmPaymentTransition(db: Kysely<Database>, applicationId: string, data: Record<string, unknown> = {}): Promise<TransitionResult> {
  return applyTransition(db, { applicationId, action: 'payment_confirmed', actor: { kind: 'system', id: 'payments' }, data });
}

interface HistoryInput {
  order: ApplicationRow;
  actor: TransitionActor;
  action: string;
  from: string;
  to: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** History row, the citizen's message and the subscription-message job, in the caller's transaction. */
export async function recordHistoryAndNotify(db: Kysely<Database>, input: HistoryInput): Promise<void> {
  // Written once, read by staff and sent to WeChat: 简体, even inside a citizen's English request.
  if (messageLocale() !== 'zh-CN') return inRecordLanguage(() => recordHistoryAndNotify(db, input));
  const { order, actor } = input;
  await db
    .insertInto('application_history')
    .values({
      application_id: order.id,
      actor_kind: actor.kind,
      actor_id: actor.id ?? null,
      actor_role: actor.role ?? null,
      action: input.action,
      from_status: input.from,
      to_status: input.to,
      note: input.note,
      data: JSON.stringify(input.data),
    })
    .execute();
  if (actor.kind === 'staff' || actor.kind === 'system') {
    await recordAudit(db, {
      actorKind: actor.kind,
      actorId: actor.id ?? null,
      missionId: order.mission_id,
      action: `application.${input.action}`,
      subject: order.id,
      detail: { from: input.from, to: input.to, orderNo: order.order_no, ...(input.note ? { note: input.note } : {}) },
    });
  }
  const service = findApplicationService(order.service);
  // The job the service's workflow starts with this change (e.g. the push to the pension
  // authority), once per order version — committed with the change or not at all.
  const declared = workflowOf(service).find((t) => t.from === input.from && t.to === input.to && t.action === input.action);
  if (declared?.enqueue) {
    await enqueueJobOnce(db, {
      kind: declared.enqueue.job,
      missionId: order.mission_id,
      payload: { applicationId: order.id },
      dedupeKey: `${declared.enqueue.job}:${order.id}:${order.version}`,
      maxAttempts: declared.enqueue.maxAttempts,
      backoffMs: declared.enqueue.backoffMs,
    });
  }
  // An expired draft: its owner was reminded before (server/applications/draft-expiry.ts).
  if (input.action === 'expire') return;

  // Rejected with nothing paid: no "fees will be refunded" promise.
  const refundable = service?.rules.refundable === true && input.data.refund !== 'none';
  const hint = nextStepHint(input.to, {
    orderNo: order.order_no,
    refundable,
    mailOldPassport: order.mail_old_passport,
    collection: order.collection,
    statusHints: service?.statusHints,
  });
  await writeMessage(db, {
    userId: order.user_id,
    applicationId: order.id,
    kind: 'status',
    status: input.to,
    text: {
      key: 'statusChange',
      params: {
        service: order.service,
        orderNo: order.order_no,
        action: input.action,
        to: input.to,
        items: Array.isArray(input.data.items) ? (input.data.items as string[]) : [],
        note: input.note,
        noteByMission: actor.kind === 'staff',
        trackingNo: typeof input.data.trackingNo === 'string' ? input.data.trackingNo : null,
        refundable,
        mailOldPassport: order.mail_old_passport,
        collection: order.collection,
      },
    },
  });
  // The hint as decided here (e.g. nothing to refund).
  await enqueueStatusMessage(db, order, { status: input.to, note: input.note, hint: hint.text });
}

/** A staff note without a status change: history + 消息中心 (no subscription message). */
export async function addStaffNote(db: Kysely<Database>, order: ApplicationRow, actor: TransitionActor, note: string): Promise<void> {
  await db
    .insertInto('application_history')
    .values({
      application_id: order.id,
      actor_kind: 'staff',
      actor_id: actor.id ?? null,
      actor_role: actor.role ?? null,
      action: 'note',
      from_status: order.status,
      to_status: order.status,
      note,
      data: '{}',
    })
    .execute();
  await writeMessage(db, { userId: order.user_id, applicationId: order.id, kind: 'note', status: order.status, text: { key: 'missionNote', params: { orderNo: order.order_no, note } } });
}
