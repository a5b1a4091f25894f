import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import {
  type PensionPushRow,
  pensionAuditSchema,
  pensionOverviewSchema,
  pensionPushRowSchema,
} from '../../contracts/pension';
import { interviewReasonLabels, type InterviewReason } from '../../miniprogram/domain/services/engine';
import { PENSION_PUSH_JOB, pensionService } from '../../miniprogram/domain/services/pension';
import { recordAudit } from '../audit/audit-log';
import type { ApplicationsContext } from '../applications/application-context';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { enqueueJob } from '../jobs/job-queue';
import { staffOf } from '../interviews/interview-context';
import { requireStaff } from '../staff/authenticate';
import { PENSION_POLL_JOB } from './pension-push';
import { pensionMessages } from './pension-messages';
import { applicationIdParams } from './schemas';

/**
 * The mission's pension view: certifications waiting for a video interview, pushes waiting
 * at the authority or failing (with the last error and attempts), recent results, a retry
 * for a push the queue gave up on, and each certification's audit trail.
 */
type PushState = keyof typeof pensionMessages.pushStates;

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** The latest push/poll job per application: its status decides waiting / retrying / failed. */
async function latestJobs(db: Kysely<Database>, applicationIds: string[]): Promise<Map<string, { status: string; attempts: number }>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await sql<{ application_id: string; status: string; attempts: number }>`
    select distinct on (payload->>'applicationId') payload->>'applicationId' as application_id, status, attempts
    from jobs
    where kind in (${PENSION_PUSH_JOB}, ${PENSION_POLL_JOB}) and payload->>'applicationId' in (${sql.join(applicationIds)})
    order by payload->>'applicationId', id desc`.execute(db);
  return new Map(rows.rows.map((r) => [r.application_id, r]));
}

async function pushRows(db: Kysely<Database>, missionId: string, states: string[], limit: number): Promise<PensionPushRow[]> {
  const rows = await db
    .selectFrom('pension_certifications')
    .innerJoin('applications', 'applications.id', 'pension_certifications.application_id')
    .select([
      'pension_certifications.application_id',
      'applications.order_no',
      'pension_certifications.person_name',
      'pension_certifications.person_id_masked',
      'pension_certifications.push_state',
      'pension_certifications.push_attempts',
      'pension_certifications.last_push_error',
      'pension_certifications.last_push_at',
      'pension_certifications.authority_ref',
      'pension_certifications.reject_reason',
      sql<string>`to_char(pension_certifications.expected_result_by, 'YYYY-MM-DD')`.as('expected_result_by'),
    ])
    .where('pension_certifications.mission_id', '=', missionId)
    .where('pension_certifications.push_state', 'in', states as never)
    .orderBy('pension_certifications.created_at', 'desc')
    .limit(limit)
    .execute();
  const jobs = await latestJobs(db, rows.map((r) => r.application_id));
  return rows.map((row) => {
    const job = jobs.get(row.application_id);
    let state: PushState;
    if (row.push_state === 'accepted' || row.push_state === 'rejected' || row.push_state === 'sent') state = row.push_state;
    else if (!job || job.status === 'failed') state = job ? 'failed' : 'waiting';
    else state = row.last_push_error ? 'retrying' : 'waiting';
    // A sent certification whose polling gave up is "failed" too: retry asks again.
    if (row.push_state === 'sent' && job?.status === 'failed') state = 'failed';
    return {
      applicationId: row.application_id,
      orderNo: row.order_no,
      personName: row.person_name,
      personIdMasked: row.person_id_masked,
      state,
      stateLabel: pensionMessages.pushStates[state],
      attempts: row.push_attempts,
      lastError: row.last_push_error,
      lastPushAt: iso(row.last_push_at),
      expectedResultBy: row.expected_result_by,
      authorityRef: row.authority_ref,
      reason: row.reject_reason,
      canRetry: state === 'failed',
    };
  });
}

export const pensionConsoleRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));

  const overview = async (missionId: string) => {
    const interviews = await db
      .selectFrom('applications')
      .select(['id', 'order_no', 'applicant_name', 'applicant_id_masked', 'submitted_at', 'interview_reasons', 'version'])
      .where('mission_id', '=', missionId)
      .where('service', '=', pensionService.id)
      .where('status', '=', 'interview')
      .orderBy('submitted_at')
      .limit(200)
      .execute();
    return {
      interviews: interviews.map((row) => ({
        applicationId: row.id,
        orderNo: row.order_no,
        personName: row.applicant_name ?? '',
        personIdMasked: row.applicant_id_masked ?? '',
        submittedAt: iso(row.submitted_at),
        reasons: (row.interview_reasons as InterviewReason[]).map((id) => interviewReasonLabels[id] ?? id),
        version: row.version,
      })),
      pushes: await pushRows(db, missionId, ['queued', 'sent'], 200),
      decided: await pushRows(db, missionId, ['accepted', 'rejected'], 20),
    };
  };

  app.get(
    '/api/console/pension',
    {
      schema: {
        tags: ['console'],
        summary: "The mission's pension certifications: pending interviews, pushes waiting or failed, recent results",
        response: { 200: pensionOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      await recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'pension.list', subject: null, detail: {} });
      return overview(staff.missionId);
    },
  );

  app.post(
    '/api/console/pension/:applicationId/retry',
    {
      schema: {
        tags: ['console'],
        summary: 'Push a certification again after the queue gave up (same idempotency key)',
        params: applicationIdParams,
        body: z.object({}).optional(),
        response: { 200: pensionPushRowSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const { applicationId } = request.params;
      const certification = await db
        .selectFrom('pension_certifications')
        .select(['application_id', 'mission_id'])
        .where('application_id', '=', applicationId)
        .where('mission_id', '=', staff.missionId)
        .executeTakeFirst();
      if (!certification) throw notFound(pensionMessages.notFound);
      const current = (await pushRows(db, staff.missionId, ['queued', 'sent'], 1000)).find((r) => r.applicationId === applicationId);
      if (!current?.canRetry) throw new ApiError(409, 'NOT_RETRYABLE', pensionMessages.notRetryable);
      await db.transaction().execute(async (tx) => {
        await enqueueJob(tx, { kind: PENSION_PUSH_JOB, missionId: staff.missionId, payload: { applicationId }, maxAttempts: 20, backoffMs: 60_000 });
        // The old error stays in the failed job's record (the audit trail); the push starts afresh.
        await tx.updateTable('pension_certifications').set({ last_push_error: null, updated_at: new Date() }).where('application_id', '=', applicationId).execute();
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'pension.retry', subject: applicationId, detail: { attempts: current.attempts } });
      });
      const after = (await pushRows(db, staff.missionId, ['queued', 'sent'], 1000)).find((r) => r.applicationId === applicationId);
      return after ?? current;
    },
  );

  app.get(
    '/api/console/pension/:applicationId/audit',
    {
      schema: {
        tags: ['console'],
        summary: "One certification's audit trail: status changes, pushes, retries, staff views",
        params: applicationIdParams,
        response: {
          200: pensionAuditSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const { applicationId } = request.params;
      const order = await db
        .selectFrom('applications')
        .select('id')
        .where('id', '=', applicationId)
        .where('mission_id', '=', staff.missionId)
        .where('service', '=', pensionService.id)
        .where('order_no', 'is not', null)
        .executeTakeFirst();
      if (!order) throw notFound(pensionMessages.notFound);
      await recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'pension.audit_view', subject: applicationId, detail: {} });
      const entries = await db
        .selectFrom('audit_log')
        .leftJoin('staff', (join) => join.on(sql`staff.id::text`, '=', sql.ref('audit_log.actor_id')))
        .select(['audit_log.at', 'audit_log.actor_kind', 'audit_log.action', 'audit_log.detail', 'staff.display_name'])
        .where('audit_log.subject', '=', applicationId)
        .orderBy('audit_log.at')
        .orderBy('audit_log.id')
        .execute();
      const jobs = await sql<{ kind: string; status: string; attempts: number; last_error: string | null; created_at: Date; finished_at: Date | null }>`
        select kind, status, attempts, last_error, created_at, finished_at from jobs
        where kind in (${PENSION_PUSH_JOB}, ${PENSION_POLL_JOB}) and payload->>'applicationId' = ${applicationId}
        order by id`.execute(db);
      return {
        entries: entries.map((e) => ({
          at: iso(e.at)!,
          actorKind: e.actor_kind,
          actorName: e.display_name ?? null,
          action: e.action,
          detail: (e.detail ?? {}) as Record<string, unknown>,
        })),
        jobs: jobs.rows.map((j) => ({ kind: j.kind, status: j.status, attempts: j.attempts, lastError: j.last_error, createdAt: iso(j.created_at)!, finishedAt: iso(j.finished_at) })),
      };
    },
  );
};
