import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { heldPassportMessages as hm, validateHeldPassport } from '../../miniprogram/domain/held-passport';
import { type ApplicationsContext, buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { notFound, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { createSubscribeMessageClient, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { passportExpiryMessageJob } from './expiry-message-job';
import { PASSPORT_EXPIRY_MESSAGE_JOB, PASSPORT_REMINDER_SWEEP_JOB, passportSweepJob } from './expiry-reminders';
import { addHeldPassport, findHeldPassports, recordIssuedPassports, removeHeldPassport, toHeldPassport } from './held-passports';
import { prefillRenewal } from './renewal';

export type PassportOptions = ApplicationsOptions & {
  subscribeMessages?: SubscribeMessageClient;
  /** The clock of expiry advice and renewal reasons (tests inject one). */
  now?: () => Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const heldPassportSchema = z.object({
  id: z.string(),
  holderName: z.string().nullable(),
  numberMasked: z.string().nullable(),
  issueDate: z.string(),
  expiryDate: z.string(),
  datesEstimated: z.boolean(),
  source: z.enum(['application', 'added']),
  advice: z.enum(['expired', 'renew_now', 'renew_soon', 'valid']),
  renewalApplicationId: z.string().nullable(),
});
const listSchema = z.object({ passports: z.array(heldPassportSchema) });
const idParams = z.object({ id: z.string().max(64) });

/**
 * 我的证件 and passport expiry reminders (docs/expiry-reminders.md): the account's passports
 * (from completed orders, or added by the citizen), removing one, opening a renewal filled
 * in from the last application; the recurring reminder sweep and its 证件到期提醒 job.
 * Needs the job runner (server/jobs/jobs-plugin.ts).
 */
export const passportRoutes: FastifyPluginAsyncZod<PassportOptions> = async (app, options) => {
  const ctx = buildApplicationsContext(options);
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const templateId = config.wechat.templates.documentExpiry;
  const client = options.subscribeMessages ?? createSubscribeMessageClient(config.wechat);
  app.jobRunner.register(PASSPORT_REMINDER_SWEEP_JOB, passportSweepJob({ db: ctx.db, pii: ctx.pii, templateId }));
  app.jobRunner.register(PASSPORT_EXPIRY_MESSAGE_JOB, passportExpiryMessageJob(ctx.db, client, { templateId, miniprogramState: config.isProduction ? 'formal' : 'developer' }));
  if (config.passports.reminderSweepMinutes > 0) {
    app.jobRunner.addRecurring({ kind: PASSPORT_REMINDER_SWEEP_JOB, everyMs: config.passports.reminderSweepMinutes * 60_000 });
  }

  await app.register(passportCitizenRoutes, { ctx, now });
};

/** The citizen's side: list, add, remove, open the renewal. */
const passportCitizenRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext; now: () => Date }> = async (citizen, { ctx, now }) => {
    citizen.addHook('preHandler', requireCitizen(ctx.sessions));

    /** The account's passport, or 404 (someone else's looks exactly like a missing one). */
    const ownPassport = async (userId: string, id: string) => {
      const [row] = UUID.test(id) ? await findHeldPassports(ctx.db, userId, id) : [];
      if (!row) throw notFound(hm.passportNotFound);
      return row;
    };

    const list = async (userId: string) => {
      await recordIssuedPassports(ctx.db, ctx.pii, { userId });
      const rows = await findHeldPassports(ctx.db, userId);
      const drafts = rows.map((r) => r.renewal_application_id).filter((id): id is string => id !== null);
      const open = new Set(
        drafts.length
          ? (await ctx.db.selectFrom('applications').select('id').where('id', 'in', drafts).where('status', '=', 'draft').execute()).map((r) => r.id)
          : [],
      );
      const today = now();
      return { passports: rows.map((row) => toHeldPassport(row, open.has(row.renewal_application_id ?? ''), today)) };
    };

    citizen.get(
      '/api/me/passports',
      { schema: { tags: ['passports'], summary: '我的证件: my and my family’s passports, soonest expiry first, with what to do', response: { 200: listSchema, ...errorResponses } } },
      async (request) => list(citizenId(request)),
    );

    citizen.post(
      '/api/me/passports',
      {
        schema: {
          tags: ['passports'],
          summary: 'Add a passport I hold (number, issue and expiry date): it is reminded like the others',
          body: z.object({ number: z.string().max(32), issueDate: z.string().max(32), expiryDate: z.string().max(32) }),
          response: { 201: listSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = citizenId(request);
        const checked = validateHeldPassport(request.body, now());
        if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
        await addHeldPassport(ctx.db, ctx.pii, userId, checked.value);
        reply.status(201);
        return list(userId);
      },
    );

    citizen.post(
      '/api/me/passports/:id/remove',
      { schema: { tags: ['passports'], summary: 'Remove a passport from 我的证件 (no more reminders for it)', params: idParams, response: { 200: listSchema, ...errorResponses } } },
      async (request) => {
        const userId = citizenId(request);
        if (!UUID.test(request.params.id) || !(await removeHeldPassport(ctx.db, userId, request.params.id))) throw notFound(hm.passportNotFound);
        return list(userId);
      },
    );

    citizen.post(
      '/api/me/passports/:id/renewal',
      {
        schema: {
          tags: ['passports'],
          summary: 'Open the renewal draft of this passport, filled in from the last application (never submitted here)',
          params: idParams,
          response: { 200: z.object({ applicationId: z.string(), step: z.string(), copied: z.array(z.string()) }), ...errorResponses },
        },
      },
      async (request) => prefillRenewal(ctx, await ownPassport(citizenId(request), request.params.id), now()),
    );
};
