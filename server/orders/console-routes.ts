import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type {
  AuditEntryView,
  ConsoleApplication,
  ConsoleDocument,
  ConsoleHistoryEntry,
  ConsoleStepGroup,
  JobView,
  QueueItem,
  QueuePage,
} from '../../miniprogram/domain/order-api-types';
import { APPLICATION_STATUSES, type ApplicationStatus, statusLabel } from '../../miniprogram/domain/services/application-status';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { type InterviewReason, interviewReasonLabels, pathThrough, visibleFields } from '../../miniprogram/domain/services/engine';
import { actionLabel, allowedActions, ORDER_ACTION_LABELS } from '../../miniprogram/domain/services/order-state-machine';
import { applicationServiceIds, applicationServices, findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { ApiError, notFound, unauthenticated } from '../http/api-error';
import { cursorParts, pageCursor, readCursor } from '../http/page-cursor';
import { errorResponses } from '../http/schemas';
import { interviewHint, interviewTookPlace } from '../workflow/interview-labels';
import { serverMessages } from '../messages';
import type { SessionStore } from '../security/session-store';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import { missionApplication } from '../applications/application-view';
import { answerText, feeLabels } from './answer-display';
import { staffNextStepMessages } from '../workflow/review-messages';
import { staffNextStep } from './staff-next-step';
import { OTHER_ITEM_LABEL, supplementItemLabel, supplementItems } from '../workflow/supplements';
import { addStaffNote, type ApplicationRow, applyTransition } from '../workflow/transitions';
import { assertMayDecide } from './claims';

const statusIds = APPLICATION_STATUSES.map((s) => s.id) as [ApplicationStatus, ...ApplicationStatus[]];
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Queue position: [cross-district 0/1, queue_at as PostgreSQL text, id]. */
const queueCursor = pageCursor(z.tuple([cursorParts.flag, cursorParts.timestamp, cursorParts.uuid]));

export interface QueueFilter {
  missionId: string;
  /** One status, or 'active' (every order in progress; default). */
  status?: ApplicationStatus | 'active';
  service?: string;
  district?: 'in' | 'cross' | 'all';
  /** Only orders queued at least this many days ago. */
  waitingDays?: number;
  /** Order number (exact or prefix) or masked identity (last four, or the masked form). */
  q?: string;
  cursor?: string;
  limit?: number;
}

/**
 * The review queue: in-district first, then the longest waiting; keyset pagination over
 * (cross_district, queue_at, id) so every page costs the same, however deep.
 */
/**
 * Where an order stands in the queue: the first time it reached 待审核, or — still unpaid
 * (待支付, listed under 全部进行中 too) — its submission. Written exactly as in the
 * partial indexes of migration 0014, so the planner uses them.
 */
const QUEUE_KEY = sql<Date>`coalesce(queue_at, submitted_at)`;

export async function queuePage(db: Kysely<Database>, filter: QueueFilter): Promise<QueuePage> {
  const limit = Math.min(100, Math.max(1, filter.limit ?? 20));
  let query = db
    .selectFrom('applications')
    .leftJoin('staff as holder', 'holder.id', 'applications.claimed_by')
    .select([
      'applications.id',
      'order_no',
      'service',
      'status',
      'applicant_name',
      'applicant_id_masked',
      'cross_district',
      sql<string>`coalesce(queue_at, submitted_at)::text`.as('queue_key_text'),
      QUEUE_KEY.as('queue_key'),
      'submitted_at',
      'interview_reasons',
      'version',
      'claimed_by',
      'holder.display_name as claimed_by_name',
      // 需面审 only while the interview is still ahead: not once it was passed.
      sql<boolean>`exists (select 1 from application_history h where h.application_id = applications.id and h.action = 'interview_passed')`.as(
        'interview_passed',
      ),
    ])
    .where('applications.mission_id', '=', filter.missionId)
    .where(QUEUE_KEY, 'is not', null);
  const status = filter.status ?? 'active';
  query = status === 'active' ? query.where('active', '=', true) : query.where('status', '=', status);
  if (filter.service) query = query.where('service', '=', filter.service);
  if (filter.district === 'in') query = query.where('cross_district', '=', false);
  if (filter.district === 'cross') query = query.where('cross_district', '=', true);
  if (filter.waitingDays && filter.waitingDays > 0) query = query.where(QUEUE_KEY, '<=', new Date(Date.now() - filter.waitingDays * 86_400_000));
  const q = filter.q?.trim().toUpperCase();
  if (q) {
    if (/^[A-Z]{2,8}-/.test(q)) {
      query = query.where('order_no', 'like', `${q.replace(/[%_\\]/g, '')}%`);
    } else {
      const tail = q.replace(/\s/g, '').slice(-4);
      query = query.where('applicant_id_tail', '=', tail);
      if (q.includes('*')) query = query.where('applicant_id_masked', '=', q);
    }
  }
  if (filter.cursor) {
    const [crossDistrict, queuedAt, id] = readCursor(queueCursor, filter.cursor);
    query = query.where(sql<boolean>`(cross_district, coalesce(queue_at, submitted_at), applications.id) > (${crossDistrict === 1}, ${queuedAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.orderBy('cross_district').orderBy(QUEUE_KEY).orderBy('applications.id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const now = Date.now();
  return {
    items: page.map(
      (row): QueueItem => ({
        id: row.id,
        orderNo: row.order_no ?? '',
        service: row.service,
        serviceTitle: findApplicationService(row.service)?.title ?? row.service,
        status: row.status as ApplicationStatus,
        statusLabel: statusLabel(row.status, findApplicationService(row.service)),
        applicantName: row.applicant_name,
        applicantIdMasked: row.applicant_id_masked,
        inDistrict: !row.cross_district,
        queuedAt: iso(row.queue_key)!,
        submittedAt: iso(row.submitted_at),
        waitingDays: Math.floor((now - new Date(row.queue_key).getTime()) / 86_400_000),
        interviewRequired: row.interview_reasons.length > 0 && INTERVIEW_AHEAD.has(row.status) && !row.interview_passed,
        claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
        version: row.version,
      }),
    ),
    nextCursor: rows.length > limit && last ? queueCursor.encode([last.cross_district ? 1 : 0, last.queue_key_text, last.id]) : null,
  };
}

/** Statuses in which an interview the order needs is still ahead (待视频面审 shows as its own status). */
const INTERVIEW_AHEAD = new Set(['submitted', 'first_review', 'supplement_requested', 'second_review']);

export interface ConsoleDeps {
  db: Kysely<Database>;
  decryptAnswers(row: ApplicationRow): Answers;
}

/** The console's view of one application (staff of its mission have been checked). */
export async function consoleApplication(deps: ConsoleDeps, row: ApplicationRow, staff: SignedInStaff): Promise<ConsoleApplication> {
  const service = findApplicationService(row.service);
  if (!service) throw notFound(serverMessages.applicationNotFound);
  const answers = deps.decryptAnswers(row);
  const steps: ConsoleStepGroup[] = [];
  for (const step of pathThrough(service, answers)) {
    const fields = visibleFields(service, step.id, answers)
      .map((field) => ({ id: field.id, label: field.label, value: answerText(field, answers[field.id]) }))
      .filter((field) => field.value !== '');
    if (fields.length > 0) steps.push({ stepId: step.id, title: step.title, fields });
  }
  const files = await deps.db.selectFrom('application_files').selectAll().where('application_id', '=', row.id).orderBy('created_at').execute();
  const documents = files.map((file): ConsoleDocument => {
    const supplement = file.doc_id.startsWith('supplement.');
    const item = supplement ? file.doc_id.slice('supplement.'.length) : file.doc_id;
    const label = supplement
      ? `补充材料：${item === 'other' ? OTHER_ITEM_LABEL : supplementItemLabel(service, item)}`
      : (service.documents.find((d) => d.id === file.doc_id)?.label ?? file.doc_id);
    return {
      docId: file.doc_id,
      label,
      kind: file.kind,
      url: `/api/console/applications/${row.id}/documents/${encodeURIComponent(file.doc_id)}`,
      ok: file.check_ok,
      findings: (file.findings ?? []).map(({ code, message, severity }) => ({ code, message, severity })),
      uploadedAt: iso(file.created_at)!,
      supplement,
    };
  });
  const historyRows = await deps.db
    .selectFrom('application_history')
    .leftJoin('staff', (join) => join.on(sql`staff.id::text`, '=', sql.ref('application_history.actor_id')).on('application_history.actor_kind', '=', 'staff'))
    .select([
      'application_history.at',
      'application_history.action',
      'application_history.from_status',
      'application_history.to_status',
      'application_history.actor_kind',
      'application_history.note',
      'application_history.data',
      'staff.display_name',
    ])
    .where('application_history.application_id', '=', row.id)
    .orderBy('application_history.id')
    .execute();
  const history = historyRows.map(
    (h): ConsoleHistoryEntry => ({
      at: iso(h.at)!,
      action: h.action,
      actionLabel: h.action === 'note' ? '留言' : actionLabel(h.action, service),
      from: h.from_status,
      to: h.to_status,
      fromLabel: statusLabel(h.from_status, service),
      toLabel: statusLabel(h.to_status, service),
      actorKind: h.actor_kind,
      actorName: h.actor_kind === 'staff' ? (h.display_name ?? null) : h.actor_kind === 'citizen' ? '申请人' : '系统',
      note: h.note,
      data: h.data ?? {},
    }),
  );
  const faceLabels = { passed: '人脸核验通过', failed: '人脸核验未通过', skipped: '已跳过人脸核验' } as const;
  const interview = await interviewHint(deps.db, row);
  const interviewDone = row.status === 'interview' && (await interviewTookPlace(deps.db, row.id));
  const interviewReasons = (row.interview_reasons as InterviewReason[]).map((id) => ({ id, label: interviewReasonLabels[id] ?? id }));
  const supplementLabels = row.supplement_items.map((id) => ({ id, label: supplementItemLabel(service, id) }));
  const holder = row.claimed_by
    ? await deps.db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', row.claimed_by).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    orderNo: row.order_no,
    service: service.id,
    serviceTitle: service.title,
    missionId: row.mission_id,
    status: row.status as ApplicationStatus,
    statusLabel: statusLabel(row.status, service),
    version: row.version,
    applicantName: row.applicant_name,
    applicantIdMasked: row.applicant_id_masked,
    inDistrict: !row.cross_district,
    queuedAt: iso(row.queue_at),
    submittedAt: iso(row.submitted_at),
    steps,
    documents,
    face: { status: row.face_status, label: row.face_status ? faceLabels[row.face_status] : '未进行人脸核验' },
    interviewReasons,
    fees: feeLabels(service, row.fee_codes),
    supplement: { items: supplementLabels, note: row.supplement_note },
    supplementChoices: supplementItems(service).map(({ id, label }) => ({ id, label })),
    trackingNo: row.tracking_no,
    refundDue: row.refund_due,
    history,
    allowedActions: allowedActions(row.status, 'staff', staff.role, service).map((action) =>
      // No interview held yet: passing it means recording an in-person interview, with a note.
      action.action === 'interview_passed' && !interviewDone
        ? { ...action, label: staffNextStepMessages.inPersonLabel, requires: ['note'] as const, inPerson: true }
        : action,
    ),
    nextStep: {
      text: staffNextStep({
        status: row.status,
        role: staff.role,
        interviewReasons: interviewReasons.map((r) => r.label),
        supplementItems: supplementLabels.map((i) => i.label),
        interviewAt: interview.interviewAt ?? null,
        interviewHeld: interview.interviewHeld ?? false,
        mailOldPassport: row.mail_old_passport,
        collection: row.collection,
        refundDue: row.refund_due,
      }),
    },
    claimedBy: holder ? { id: holder.id, name: holder.display_name } : null,
  };
}

/**
 * 面审通过 only after an interview: a video call that ended since the order entered
 * 待视频面审, or an in-person interview staff record with a note. Else 409.
 */
async function assertInterviewHeld(db: Kysely<Database>, row: ApplicationRow, body: { inPerson?: boolean; note?: string }): Promise<void> {
  if (await interviewTookPlace(db, row.id)) return;
  if (body.inPerson && body.note?.trim()) return;
  throw new ApiError(409, 'INTERVIEW_NOT_HELD', staffNextStepMessages.interviewNotHeld);
}


const anyObject = z.record(z.string(), z.unknown());
const queueItemSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  service: z.string(),
  serviceTitle: z.string(),
  status: z.enum(statusIds),
  statusLabel: z.string(),
  applicantName: z.string().nullable(),
  applicantIdMasked: z.string().nullable(),
  inDistrict: z.boolean(),
  queuedAt: z.string(),
  submittedAt: z.string().nullable(),
  waitingDays: z.number(),
  interviewRequired: z.boolean(),
  claimedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  version: z.number(),
});

export type ConsoleReviewOptions = AppDeps & { staffSessions: SessionStore };

export const reviewConsoleRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (app, options) => {
  const { db, pii } = options;
  const deps: ConsoleDeps = { db, decryptAnswers: (row) => JSON.parse(pii.decrypt(row.answers_enc)) as Answers };
  const staffOf = (request: { staff?: SignedInStaff }) => {
    if (!request.staff) throw unauthenticated();
    return request.staff;
  };

  await app.register(async (scope) => {
    const reviewers = scope.withTypeProvider<ZodTypeProvider>();
    reviewers.addHook('preHandler', requireStaff(db, options.staffSessions));

    reviewers.get(
      '/api/console/queue',
      {
        schema: {
          tags: ['console'],
          summary: "The mission's review queue (in-district first, longest waiting first; keyset pages)",
          querystring: z.object({
            status: z.union([z.enum(statusIds), z.literal('active')]).optional(),
            service: z.enum(applicationServiceIds()).optional(),
            district: z.enum(['in', 'cross', 'all']).optional(),
            waitingDays: z.coerce.number().int().min(0).max(3650).optional(),
            q: z.string().max(64).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
          }),
          response: { 200: z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => queuePage(db, { ...request.query, missionId: staffOf(request).missionId }),
    );

    reviewers.get(
      '/api/console/applications/:id',
      {
        schema: {
          tags: ['console'],
          summary: 'One application: every field, documents, findings, face result, history, allowed actions (audited)',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: anyObject, ...errorResponses },
        },
      },
      async (request) => {
        const staff = staffOf(request);
        const row = await missionApplication(db, request.params.id, staff);
        const view = await consoleApplication(deps, row, staff);
        await recordAudit(db, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'application.view',
          subject: row.id,
          detail: { orderNo: row.order_no, status: row.status },
        });
        return view as unknown as Record<string, unknown>;
      },
    );

    reviewers.post(
      '/api/console/applications/:id/actions/:action',
      {
        schema: {
          tags: ['console'],
          summary: 'Move the order through the state machine (optimistic locking on version)',
          params: z.object({ id: z.string().max(64), action: z.string().max(40) }),
          body: z.object({
            version: z.number().int().min(0),
            note: z.string().max(1000).optional(),
            items: z.array(z.string().max(64)).max(20).optional(),
            trackingNo: z.string().max(64).optional(),
            /** interview_passed without a held video interview: staff interviewed in person (note required). */
            inPerson: z.boolean().optional(),
          }),
          response: { 200: anyObject, ...errorResponses },
        },
      },
      async (request) => {
        const staff = staffOf(request);
        const { id, action } = request.params;
        const known = action in ORDER_ACTION_LABELS || applicationServices().some((service) => service.rules.workflow?.some((t) => t.action === action));
        if (!known) throw notFound();
        const row = await db.transaction().execute(async (tx) => {
          const current = await missionApplication(tx, id, staff);
          await assertMayDecide(tx, current, staff);
          if (action === 'interview_passed' && current.status === 'interview') await assertInterviewHeld(tx, current, request.body);
          const result = await applyTransition(tx, {
            applicationId: id,
            action,
            actor: { kind: 'staff', id: staff.staffId, role: staff.role, missionId: staff.missionId },
            note: request.body.note,
            data: { items: request.body.items, trackingNo: request.body.trackingNo, ...(request.body.inPerson ? { inPerson: true } : {}) },
            expectedVersion: request.body.version,
          });
          // Decided: the order goes back to the queue for whoever takes its next step.
          await tx.updateTable('applications').set({ claimed_by: null, claimed_at: null }).where('id', '=', id).execute();
          return { ...result.application, claimed_by: null, claimed_at: null };
        });
        return (await consoleApplication(deps, row, staff)) as unknown as Record<string, unknown>;
      },
    );

    reviewers.post(
      '/api/console/applications/:id/notes',
      {
        schema: {
          tags: ['console'],
          summary: "A note to the citizen (消息中心) without a status change",
          params: z.object({ id: z.string().max(64) }),
          body: z.object({ note: z.string().trim().min(1).max(1000) }),
          response: { 200: anyObject, ...errorResponses },
        },
      },
      async (request) => {
        const staff = staffOf(request);
        const row = await db.transaction().execute(async (tx) => {
          const current = await missionApplication(tx, request.params.id, staff);
          await addStaffNote(tx, current, { kind: 'staff', id: staff.staffId, role: staff.role, missionId: staff.missionId }, request.body.note);
          await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'application.note', subject: current.id });
          return current;
        });
        return (await consoleApplication(deps, row, staff)) as unknown as Record<string, unknown>;
      },
    );

    reviewers.get(
      '/api/console/jobs',
      {
        schema: {
          tags: ['console'],
          summary: "Background jobs of the mission (subscription messages): attempts, next run, last error",
          querystring: z.object({ status: z.enum(['pending', 'running', 'done', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
          response: { 200: z.object({ jobs: z.array(anyObject) }), ...errorResponses },
        },
      },
      async (request) => {
        const staff = staffOf(request);
        let query = db.selectFrom('jobs').selectAll().where('mission_id', '=', staff.missionId);
        if (request.query.status) query = query.where('status', '=', request.query.status);
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(request.query.limit ?? 50).execute();
        const jobs = rows.map(
          (job): JobView => ({
            id: String(job.id),
            kind: job.kind,
            status: job.status,
            attempts: job.attempts,
            maxAttempts: job.max_attempts,
            runAt: iso(job.run_at)!,
            lastError: job.last_error,
            createdAt: iso(job.created_at)!,
            finishedAt: iso(job.finished_at),
            // Ids and statuses only: no personal data in the payload view.
            payload: { applicationId: job.payload.applicationId, orderNo: job.payload.orderNo, status: job.payload.status },
          }),
        );
        return { jobs: jobs as unknown as Array<Record<string, unknown>> };
      },
    );
  });

  await app.register(async (scope) => {
    const supervisors = scope.withTypeProvider<ZodTypeProvider>();
    supervisors.addHook('preHandler', requireStaff(db, options.staffSessions, 'supervisor'));
    supervisors.get(
      '/api/console/audit-log',
      {
        schema: {
          tags: ['console'],
          summary: "The mission's audit log, newest first (supervisors)",
          querystring: z.object({
            action: z.string().max(64).optional(),
            subject: z.string().max(64).optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
          response: { 200: z.object({ entries: z.array(anyObject), nextBefore: z.number().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const staff = staffOf(request);
        const limit = request.query.limit ?? 50;
        let query = db
          .selectFrom('audit_log')
          .leftJoin('staff', (join) => join.on(sql`staff.id::text`, '=', sql.ref('audit_log.actor_id')).on('audit_log.actor_kind', '=', 'staff'))
          .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_kind', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject', 'audit_log.detail', 'staff.display_name'])
          .where('audit_log.mission_id', '=', staff.missionId);
        if (request.query.action) query = query.where('audit_log.action', '=', request.query.action);
        if (request.query.subject) query = query.where('audit_log.subject', '=', request.query.subject);
        if (request.query.before) query = query.where('audit_log.id', '<', String(request.query.before));
        const rows = await query.orderBy('audit_log.id', 'desc').limit(limit + 1).execute();
        const entries = rows.slice(0, limit).map(
          (row): AuditEntryView => ({
            id: String(row.id),
            at: iso(row.at)!,
            actorKind: row.actor_kind,
            actorId: row.actor_id,
            actorName: row.display_name ?? null,
            action: row.action,
            subject: row.subject,
            detail: row.detail ?? {},
          }),
        );
        const last = entries[entries.length - 1];
        return { entries: entries as unknown as Array<Record<string, unknown>>, nextBefore: rows.length > limit && last ? Number(last.id) : null };
      },
    );
  });
};

/** Refused attempts (403, or 404 on an application) on the review routes, written to the audit log. */
export function isApplicationRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.statusCode === 403 || (error.statusCode === 404 && error.message === serverMessages.applicationNotFound));
}
