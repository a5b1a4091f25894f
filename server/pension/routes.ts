import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { createPensionAuthorityClient, type PensionAuthorityClient } from './authority-client';
import { pensionCitizenRoutes } from './citizen-routes';
import { pensionConsoleRoutes } from './console-routes';
import { PENSION_POLL_JOB, pensionPushJob } from './pension-push';
import { PENSION_REMINDER_SWEEP_JOB, pensionReminderSweepJob } from './pension-reminders';
import { PENSION_PUSH_JOB } from '../../miniprogram/domain/services/pension';

export type PensionOptions = ApplicationsOptions & {
  /** Tests may inject a client; by default the real one, against config.pension.authorityUrl. */
  pensionAuthority?: PensionAuthorityClient;
  /** The clock of the countdown and re-certification (tests inject one). */
  now?: () => Date;
};

/**
 * 养老金资格认证 (docs/pension.md): what the pension service needs beyond its definition —
 * the push to the pension authority and its result (jobs), the deadline reminders
 * (recurring job), the citizen's countdown/history/re-certification and the console view.
 * Needs the job runner (server/jobs/jobs-plugin.ts).
 */
export const pensionRoutes: FastifyPluginAsyncZod<PensionOptions> = async (app, options) => {
  const ctx = buildApplicationsContext(options);
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const push = pensionPushJob({
    db: ctx.db,
    pii: ctx.pii,
    client: options.pensionAuthority ?? createPensionAuthorityClient(config.pension),
    pollSeconds: config.pension.pollSeconds,
  });
  app.jobRunner.register(PENSION_PUSH_JOB, push);
  app.jobRunner.register(PENSION_POLL_JOB, push);
  app.jobRunner.register(PENSION_REMINDER_SWEEP_JOB, pensionReminderSweepJob(ctx.db, config.wechat.templates.orderStatus));
  if (config.pension.reminderSweepMinutes > 0) {
    app.jobRunner.addRecurring({ kind: PENSION_REMINDER_SWEEP_JOB, everyMs: config.pension.reminderSweepMinutes * 60_000 });
  }
  await app.register(pensionCitizenRoutes, { ctx, now });
  await app.register(pensionConsoleRoutes, { ctx });
};
