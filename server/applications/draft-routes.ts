import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findStep, isOnPath, nextStep, pathThrough, stepCompletion, validateStep } from '../../miniprogram/domain/services/engine';
import { applicationMessages } from '../../miniprogram/domain/services/application-messages';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { recordAudit } from '../audit/audit-log';
import { citizenId } from '../citizen-auth/authenticate';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission } from '../missions/mission-repository';
import type { ApplicationsContext } from './application-context';
import { applicationDetailSchema, applicationListSchema, applicationParams, latestDraftSchema } from './application-schemas';
import {
  engineContext,
  findOwnedApplication,
  listFiles,
  loadDetail,
  readAnswers,
  requireDraft,
  sealAnswers,
  serviceInReaderLanguage,
  serviceOf,
  toSummary,
} from './application-view';
import { loadIdentity, resolveApplicant } from './applicant';
import { expireDueDrafts } from './draft-expiry';
import { applyTransition } from '../workflow/transitions';
import { interviewHints } from '../workflow/interview-labels';

const answerValue = z.union([z.string().max(2000), z.boolean()]);

/** Drafts: create, list, read (resume), save a step, withdraw. */
export const draftRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  const draftExpiry = () => new Date(Date.now() + ctx.draftDays * 24 * 60 * 60 * 1000);

  app.post(
    '/api/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Start a draft application for a service at a mission',
        body: z.object({ service: z.string().max(32), missionId: z.string().min(1).max(64) }),
        response: { 201: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const userId = citizenId(request);
      const service = findApplicationService(request.body.service);
      if (!service) throw validationFailed({ service: serverMessages.applicationServiceUnknown });
      const mission = await findMission(ctx.db, request.body.missionId);
      if (!mission) throw validationFailed({ missionId: serverMessages.missionNotFound });
      // Applying needs a verified account (an applicant may still be someone else).
      if (!(await loadIdentity(ctx.db, userId))) throw new ApiError(403, 'IDENTITY_REQUIRED', serverMessages.identityRequired);
      const row = await ctx.db
        .insertInto('applications')
        .values({
          user_id: userId,
          mission_id: mission.id,
          service: service.id,
          answers_enc: sealAnswers(ctx.pii, {}),
          current_step: service.steps[0].id,
          expires_at: draftExpiry(),
          updated_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      reply.status(201);
      return loadDetail(ctx, row);
    },
  );

  app.get(
    '/api/applications',
    { schema: { tags: ['applications'], summary: 'My applications, newest first', response: { 200: applicationListSchema, ...errorResponses } } },
    async (request) => {
      const userId = citizenId(request);
      await expireDueDrafts(ctx.db, { userId });
      const rows = await ctx.db
        .selectFrom('applications')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      const interviews = await interviewHints(ctx.db, rows);
      return { applications: rows.map((row) => toSummary(row, interviews.get(row.id))) };
    },
  );

  app.get(
    '/api/applications/latest-draft',
    {
      schema: {
        tags: ['applications'],
        summary: "My newest draft of a service, whole, to resume it in one request (null when there is none)",
        querystring: z.object({ service: z.string().max(32) }),
        response: { 200: latestDraftSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const service = findApplicationService(request.query.service);
      if (!service) throw validationFailed({ service: serverMessages.applicationServiceUnknown });
      await expireDueDrafts(ctx.db, { userId });
      const row = await ctx.db
        .selectFrom('applications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('service', '=', service.id)
        .where('status', '=', 'draft')
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return { draft: row ? await loadDetail(ctx, row) : null };
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'One application with answers, path and where to resume',
        params: applicationParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => loadDetail(ctx, await findOwnedApplication(ctx.db, request.params.id, citizenId(request))),
  );

  app.put(
    '/api/applications/:id/steps/:stepId',
    {
      schema: {
        tags: ['applications'],
        summary: "Save one step's answers (validated with the service definition)",
        params: z.object({ id: z.string().max(64), stepId: z.string().max(64) }),
        body: z.object({ answers: z.record(z.string().max(64), answerValue).default({}) }),
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const { id, stepId } = request.params;
      const row = await ctx.db.transaction().execute(async (tx) => {
        // Row lock: two devices saving different steps at once must not lose either.
        const current = await findOwnedApplication(tx, id, userId, { forUpdate: true });
        requireDraft(current);
        // In the reader's language: only the words of the refusals differ (nothing here stores them).
        const service = serviceInReaderLanguage(current) ?? serviceOf(current);
        const step = findStep(service, stepId);
        if (!step) throw notFound(serverMessages.applicationStepNotFound);

        const stored = readAnswers(ctx.pii, current);
        const merged = { ...stored };
        for (const fieldId of step.fields) {
          if (Object.prototype.hasOwnProperty.call(request.body.answers, fieldId)) merged[fieldId] = request.body.answers[fieldId];
          else delete merged[fieldId];
        }
        if (!isOnPath(service, stepId, merged)) throw new ApiError(409, 'STEP_NOT_ON_PATH', serverMessages.applicationStepNotOnPath);

        const files = await listFiles(tx, current.id);
        const applicant = await resolveApplicant(tx, ctx.pii, service, merged, userId);
        const engine = engineContext(current, files, applicant);
        // No skipping ahead: every step before this one on the path must be complete.
        for (const earlier of pathThrough(service, merged)) {
          if (earlier.id === stepId) break;
          if (!stepCompletion(service, earlier.id, merged, engine).ok) {
            throw new ApiError(409, 'STEP_SKIPPED', serverMessages.applicationStepSkipped.replace('{step}', earlier.title));
          }
        }
        const validation = validateStep(service, stepId, merged);
        if (!validation.ok) throw validationFailed(validation.errors);
        const completion = stepCompletion(service, stepId, merged, engine);
        if (!completion.ok) {
          const fields: Record<string, string> = {};
          for (const doc of completion.missingDocuments) fields[`documents.${doc.id}`] = applicationMessages.documentMissing(doc.label);
          if (completion.faceMissing) fields.face = applicationMessages.faceRequired;
          throw new ApiError(400, 'STEP_INCOMPLETE', serverMessages.applicationStepIncomplete, fields);
        }

        const saved = { ...stored };
        for (const fieldId of step.fields) delete saved[fieldId];
        Object.assign(saved, validation.values);
        return tx
          .updateTable('applications')
          .set({
            answers_enc: sealAnswers(ctx.pii, saved),
            current_step: nextStep(service, stepId, saved)?.id ?? stepId,
            updated_at: new Date(),
            expires_at: draftExpiry(),
          })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return loadDetail(ctx, row);
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw an application where the service allows it (never a submitted emergency application)',
        params: applicationParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      // Through the order state machine (history, message, subscription job; WITHDRAW_NOT_ALLOWED 409).
      const row = await ctx.db.transaction().execute(async (tx) => {
        const current = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        const result = await applyTransition(tx, { applicationId: current.id, action: 'withdraw', actor: { kind: 'citizen', id: userId } });
        await recordAudit(tx, {
          actorKind: 'citizen',
          actorId: userId,
          missionId: current.mission_id,
          action: 'application.withdraw',
          subject: current.id,
          detail: { from: current.status, orderNo: current.order_no },
        });
        return result.application;
      });
      // TODO(payment issue): a paid, refundable passport application is refunded here.
      return loadDetail(ctx, row);
    },
  );
};
