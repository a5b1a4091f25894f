import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApplicationsOptions } from '../applications/application-context';
import { recordAudit } from '../audit/audit-log';
import { createSubscribeMessageClient, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { reviewCitizenRoutes } from './citizen-routes';
import { isApplicationRefusal, reviewConsoleRoutes } from './console-routes';
import { statusMessageJob } from './subscription-jobs';
import { workstationRoutes } from './workstation-routes';
import { dashboardRoutes } from './dashboard-routes';
import { STATUS_TEMPLATE_JOB } from '../workflow/transitions';

export type ReviewOptions = ApplicationsOptions & { subscribeMessages?: SubscribeMessageClient };

/**
 * The review workflow: console queue/actions/audit/jobs, the citizen's timeline,
 * supplements, 消息中心 and subscriptions, and the job that sends a subscription message for
 * every status change (enqueued by server/workflow/transitions.ts).
 */
export const reviewRoutes: FastifyPluginAsyncZod<ReviewOptions> = async (app, options) => {
  const { config, db } = options;
  const client = options.subscribeMessages ?? createSubscribeMessageClient(config.wechat);
  app.jobRunner.register(
    STATUS_TEMPLATE_JOB,
    statusMessageJob(db, client, { templateId: config.wechat.templates.orderStatus, miniprogramState: config.isProduction ? 'formal' : 'developer' }),
  );
  await app.register(reviewConsoleRoutes, options);
  await app.register(workstationRoutes, options);
  await app.register(dashboardRoutes, options);
  await app.register(reviewCitizenRoutes, options);
};

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
