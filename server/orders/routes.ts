import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApplicationsOptions } from '../applications/application-context';
import { DRAFT_SWEEP_JOB, draftSweepJob } from '../applications/draft-expiry';
import { recordAudit } from '../audit/audit-log';
import { FILE_SWEEP_EVERY_MS, FILE_SWEEP_JOB, fileSweepJob } from '../files/staged-files';
import { JobRunner } from '../jobs/job-queue';
import { createSubscribeMessageClient, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { reviewCitizenRoutes } from './citizen-routes';
import { isApplicationRefusal } from './console-access';
import { reviewConsoleRoutes } from './console-routes';
import { statusMessageJob } from './subscription-jobs';
import { workstationRoutes } from './workstation-routes';
import { dashboardRoutes } from './dashboard-routes';
import { STATUS_TEMPLATE_JOB } from '../workflow/transitions';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process job runner (tests call jobRunner.runDue()). */
    jobRunner: JobRunner;
  }
}

export type ReviewOptions = ApplicationsOptions & { subscribeMessages?: SubscribeMessageClient };

/**
 * The review workflow: console queue/actions/audit/jobs, the citizen's timeline,
 * supplements, 消息中心 and subscriptions, and the job runner sending subscription messages.
 */
export const reviewRoutes: FastifyPluginAsyncZod<ReviewOptions> = async (app, options) => {
  await app.register(reviewConsoleRoutes, options);
  await app.register(workstationRoutes, options);
  await app.register(dashboardRoutes, options);
  await app.register(reviewCitizenRoutes, options);
};

/**
 * The job runner, decorated on the root instance and stopped with it: subscription
 * messages, the recurring draft sweep (reminders, expiry, file deletion); other modules
 * add their kinds with jobRunner.register (payments: refunds after a rejection).
 */
export function installJobRunner(app: FastifyInstance, options: ReviewOptions): JobRunner {
  const { config, db } = options;
  const client = options.subscribeMessages ?? createSubscribeMessageClient(config.wechat);
  const sweepMinutes = config.applications.draftSweepMinutes;
  const runner = new JobRunner(
    db,
    {
      [STATUS_TEMPLATE_JOB]: statusMessageJob(db, client, { templateId: config.wechat.templates.orderStatus, miniprogramState: config.isProduction ? 'formal' : 'developer' }),
      [DRAFT_SWEEP_JOB]: draftSweepJob({
        db,
        files: options.files,
        reminderDays: config.applications.draftReminderDays,
        templateId: config.wechat.templates.orderStatus,
      }),
      // Uploads abandoned by a crash, replaced files not yet deleted (server/files/staged-files.ts).
      [FILE_SWEEP_JOB]: fileSweepJob(options),
    },
    {
      pollMs: config.jobs.pollMs,
      recurring: [...(sweepMinutes > 0 ? [{ kind: DRAFT_SWEEP_JOB, everyMs: sweepMinutes * 60_000 }] : []), { kind: FILE_SWEEP_JOB, everyMs: FILE_SWEEP_EVERY_MS }],
      log: app.log,
    },
  );
  app.decorate('jobRunner', runner);
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());
  return runner;
}

/**
 * Every refused attempt on an application (403, or 404 for someone else's / another
 * mission's order — indistinguishable from a missing one to the caller) goes to the
 * audit log. Installed on the root instance before the routes.
 */
export function installRefusalAudit(app: FastifyInstance, db: ApplicationsOptions['db']): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!isApplicationRefusal(error)) return;
    const url = request.routeOptions.url ?? request.url;
    if (!url.startsWith('/api/applications') && !url.startsWith('/api/console')) return;
    const staff = request.staff;
    const citizen = request.citizen;
    try {
      await recordAudit(db, {
        actorKind: staff ? 'staff' : citizen ? 'citizen' : 'system',
        actorId: staff?.staffId ?? citizen?.ownerId ?? null,
        missionId: staff?.missionId ?? null,
        action: 'access.refused',
        subject: (request.params as { id?: string } | undefined)?.id?.slice(0, 64) ?? null,
        detail: { method: request.method, route: url, status: error.statusCode, code: error.code },
      });
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not audit a refused attempt');
    }
  });
}
