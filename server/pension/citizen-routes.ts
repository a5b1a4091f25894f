import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { pensionService } from '../../miniprogram/domain/services/pension';
import type { ApplicationsContext } from '../applications/application-context';
import { applicationDetailSchema } from '../applications/application-schemas';
import { loadDetail, sealAnswers } from '../applications/application-view';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { certificationFacts, certificationView, pensionPersons, refusalNotes } from './certification-view';
import { pensionMessages } from './pension-messages';
import { applicationIdParams, certificationViewSchema, pensionPersonSchema } from './schemas';

/**
 * The citizen's side: the people this account certifies with their countdown and history
 * (home page and 我的), one certification's result (expected date, reason, the paper form
 * at the mission), and one-tap re-certification.
 */
export const pensionCitizenRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext; now: () => Date }> = async (app, { ctx, now }) => {
  app.addHook('preHandler', requireCitizen(ctx.sessions));

  /** Someone else's certification looks exactly like a missing one. */
  const ownOrder = async (applicationId: string, userId: string) => {
    const row = await ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', applicationId)
      .where('user_id', '=', userId)
      .where('service', '=', pensionService.id)
      .where('order_no', 'is not', null)
      .executeTakeFirst();
    if (!row) throw notFound(pensionMessages.notFound);
    return row;
  };

  app.get(
    '/api/pension/persons',
    {
      schema: {
        tags: ['pension'],
        summary: 'The people this account certifies: countdown to the next deadline, latest status, history',
        response: { 200: z.object({ persons: z.array(pensionPersonSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ persons: await pensionPersons(ctx.db, ctx.pii, citizenId(request), now()) }),
  );

  app.get(
    '/api/pension/certifications/:applicationId',
    {
      schema: {
        tags: ['pension'],
        summary: 'One certification: status, expected result date, reason, the paper form when refused',
        params: applicationIdParams,
        response: { 200: certificationViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await ownOrder(request.params.applicationId, citizenId(request));
      const facts = await certificationFacts(ctx.db, [row.id]);
      const refusals = await refusalNotes(ctx.db, [row.id]);
      const mission = await ctx.db.selectFrom('missions').select(['name_zh', 'address_zh', 'hours_zh', 'phone']).where('id', '=', row.mission_id).executeTakeFirstOrThrow();
      return certificationView(row, JSON.parse(ctx.pii.decrypt(row.answers_enc)) as Answers, facts.get(row.id), mission, refusals.get(row.id) ?? null);
    },
  );

  app.post(
    '/api/pension/certifications/:applicationId/recertify',
    {
      schema: {
        tags: ['pension'],
        summary: "Re-certify: a new draft with this certification's answers, at the face check",
        params: applicationIdParams,
        body: z.object({}).optional(),
        response: { 201: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const userId = citizenId(request);
      const previous = await ownOrder(request.params.applicationId, userId);
      if (previous.status !== 'completed' && previous.status !== 'rejected') throw new ApiError(409, 'NOT_RECERTIFIABLE', pensionMessages.notRecertifiable);
      const answers = JSON.parse(ctx.pii.decrypt(previous.answers_enc)) as Answers;
      // Everything answered last time is kept; only the face check is done again.
      const row = await ctx.db
        .insertInto('applications')
        .values({
          user_id: userId,
          mission_id: previous.mission_id,
          service: pensionService.id,
          answers_enc: sealAnswers(ctx.pii, answers),
          current_step: 'face',
          expires_at: new Date(now().getTime() + ctx.draftDays * 24 * 60 * 60 * 1000),
          updated_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      reply.status(201);
      return loadDetail(ctx, row);
    },
  );
};
