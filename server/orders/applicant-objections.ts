import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicantObjectionSchema } from '../../contracts/staff';
import { statusLabel } from '../../miniprogram/domain/services/application-status';
import { serviceInReaderLanguage } from '../applications/application-view';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { isUniqueViolation } from '../db/errors';
import { ApiError, applicationNotFound, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import type { SessionStore } from '../security/session-store';
import { requireStaff } from '../staff/authenticate';
import { applyTransition } from '../workflow/transitions';

/**
 * Someone else's application in my name. Anyone can type another person's ID number into an
 * application "for a relative"; one active application per applicant then blocks the real
 * person. The verified holder of that number sees such applications (never the other
 * account) and objects; the mission's supervisors see the objection and void the
 * application (不予受理, through the state machine) or dismiss the objection.
 */

const blockingSchema = z.object({
  id: z.string(),
  orderNo: z.string().nullable(),
  serviceTitle: z.string(),
  missionNameZh: z.string(),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  objected: z.boolean(),
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export const applicantObjectionRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionStore; staffSessions: SessionStore }> = async (root, deps) => {
  const { db } = deps;

  /** Active applications by other accounts whose applicant is this citizen's verified identity. */
  const blockingApplications = async (userId: string) => {
    const identity = await db.selectFrom('identities').select('id_number_index').where('user_id', '=', userId).executeTakeFirst();
    if (!identity) throw new ApiError(403, 'IDENTITY_REQUIRED', serverMessages.identityRequired);
    return db
      .selectFrom('applications')
      .innerJoin('missions', 'missions.id', 'applications.mission_id')
      .leftJoin('applicant_objections', (join) =>
        join.onRef('applicant_objections.application_id', '=', 'applications.id').on('applicant_objections.user_id', '=', userId),
      )
      .select([
        'applications.id',
        'applications.order_no',
        'applications.service',
        'applications.status',
        'applications.submitted_at',
        'applications.mission_id',
        'missions.name_zh',
        'applicant_objections.id as objection_id',
      ])
      .where('applications.applicant_index', '=', identity.id_number_index)
      .where('applications.user_id', '!=', userId)
      .where('applications.active', '=', true)
      .execute();
  };

  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', requireCitizen(deps.sessions));

    app.get(
      '/api/me/identity/blocking-applications',
      {
        schema: {
          tags: ['profile'],
          summary: 'Active applications other accounts made in my name (my verified ID number)',
          response: { 200: z.object({ applications: z.array(blockingSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await blockingApplications(citizenId(request));
        return {
          applications: rows.map((row) => ({
            id: row.id,
            orderNo: row.order_no,
            serviceTitle: serviceInReaderLanguage(row)?.title ?? row.service,
            missionNameZh: row.name_zh,
            statusLabel: statusLabel(row.status, serviceInReaderLanguage(row)),
            submittedAt: iso(row.submitted_at),
            objected: row.objection_id !== null,
          })),
        };
      },
    );

    app.post(
      '/api/me/identity/blocking-applications/:id/objection',
      {
        schema: {
          tags: ['profile'],
          summary: 'Object to an application made in my name: the mission is told and can void it',
          params: z.object({ id: z.uuid() }),
          body: z.object({ reason: z.string().max(500).optional() }).default({}),
          response: { 201: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = citizenId(request);
        const target = (await blockingApplications(userId)).find((row) => row.id === request.params.id);
        if (!target) throw applicationNotFound();
        try {
          await db.transaction().execute(async (tx) => {
            await tx
              .insertInto('applicant_objections')
              .values({ application_id: target.id, user_id: userId, mission_id: target.mission_id, reason: request.body.reason?.trim() || null })
              .execute();
            await recordAudit(tx, { actorKind: 'citizen', actorId: userId, missionId: target.mission_id, action: 'application.objection', subject: target.id });
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error; // objected before: the same answer
        }
        return reply.status(201).send({ ok: true as const });
      },
    );
  });

  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', requireStaff(db, deps.staffSessions, 'supervisor'));

    app.get(
      '/api/console/applicant-objections',
      {
        schema: {
          tags: ['console'],
          summary: "Open objections by identity holders to applications made in their name, at this mission (supervisors)",
          response: { 200: z.object({ objections: z.array(applicantObjectionSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await db
          .selectFrom('applicant_objections')
          .innerJoin('applications', 'applications.id', 'applicant_objections.application_id')
          .select(['applicant_objections.id', 'applicant_objections.application_id', 'applicant_objections.reason', 'applicant_objections.created_at', 'applications.order_no', 'applications.status'])
          .where('applicant_objections.mission_id', '=', request.staff!.missionId)
          .where('applicant_objections.resolved_at', 'is', null)
          .orderBy('applicant_objections.created_at')
          .limit(200)
          .execute();
        return {
          objections: rows.map((row) => ({
            id: row.id,
            applicationId: row.application_id,
            orderNo: row.order_no,
            statusLabel: statusLabel(row.status),
            reason: row.reason,
            createdAt: iso(row.created_at)!,
          })),
        };
      },
    );

    app.post(
      '/api/console/applicant-objections/:id/resolve',
      {
        schema: {
          tags: ['console'],
          summary: 'Void the application (不予受理, with a note) or dismiss the objection',
          params: z.object({ id: z.uuid() }),
          body: z.object({ outcome: z.enum(['void', 'dismiss']), note: z.string().min(1).max(500) }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        const staff = request.staff!;
        await db.transaction().execute(async (tx) => {
          const objection = await tx
            .selectFrom('applicant_objections')
            .selectAll()
            .where('id', '=', request.params.id)
            .where('mission_id', '=', staff.missionId)
            .where('resolved_at', 'is', null)
            .forUpdate()
            .executeTakeFirst();
          if (!objection) throw notFound();
          if (request.body.outcome === 'void') {
            await applyTransition(tx, {
              applicationId: objection.application_id,
              action: 'reject',
              actor: { kind: 'staff', id: staff.staffId, role: staff.role, missionId: staff.missionId },
              note: request.body.note,
            });
          }
          await tx
            .updateTable('applicant_objections')
            .set({ resolved_at: new Date(), resolved_by: staff.staffId, resolution: request.body.outcome === 'void' ? 'voided' : 'dismissed' })
            .where('id', '=', objection.id)
            .execute();
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: 'application.objection_resolved',
            subject: objection.application_id,
            detail: { outcome: request.body.outcome },
          });
        });
        return { ok: true as const };
      },
    );
  });
};
