import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCitizen } from '../citizen-auth/authenticate';
import { FILE_SWEEP_EVERY_MS, FILE_SWEEP_JOB, fileSweepJob } from '../files/staged-files';
import { buildApplicationsContext, type ApplicationsOptions } from './application-context';
import { DRAFT_SWEEP_JOB, draftSweepJob } from './draft-expiry';
import { documentRoutes } from './document-routes';
import { draftRoutes } from './draft-routes';
import { faceRoutes } from './face-routes';
import { staffFileRoutes } from './staff-file-routes';
import { submissionRoutes } from './submission-routes';

/**
 * Applications: citizen routes (bearer token), the staff file route (console cookie), and
 * the recurring sweeps of what applications leave behind: drafts (reminders, expiry, file
 * deletion) and staged uploads (abandoned by a crash, replaced files not yet deleted).
 */
export const applicationRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (app, options) => {
  const ctx = buildApplicationsContext(options);
  const { config, db } = options;
  app.jobRunner.register(
    DRAFT_SWEEP_JOB,
    draftSweepJob({ db, files: options.files, reminderDays: config.applications.draftReminderDays, templateId: config.wechat.templates.orderStatus }),
  );
  const sweepMinutes = config.applications.draftSweepMinutes;
  if (sweepMinutes > 0) app.jobRunner.addRecurring({ kind: DRAFT_SWEEP_JOB, everyMs: sweepMinutes * 60_000 });
  // server/files/staged-files.ts
  app.jobRunner.register(FILE_SWEEP_JOB, fileSweepJob(options));
  app.jobRunner.addRecurring({ kind: FILE_SWEEP_JOB, everyMs: FILE_SWEEP_EVERY_MS });
  await app.register(async (citizen) => {
    citizen.addHook('preHandler', requireCitizen(ctx.sessions));
    await citizen.register(draftRoutes, { ctx });
    await citizen.register(documentRoutes, { ctx });
    await citizen.register(faceRoutes, { ctx });
    await citizen.register(submissionRoutes, { ctx });
  });
  await app.register(staffFileRoutes, { ctx });
};
