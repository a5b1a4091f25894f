import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app-deps';
import type { SessionStore } from '../security/session-store';
import { createSubscribeMessageClient, type SubscribeMessageClient } from '../wechat/subscribe-message';
import { ALERT_FAN_OUT_JOB, alertFanOutJob, alertPublishedHook, SAFETY_ALERT_MESSAGE_JOB } from './alert-fan-out';
import { safetyAlertMessageJob } from './alert-subscription-job';
import { registrationCitizenRoutes } from './citizen-routes';
import { registrationConsoleRoutes } from './console-routes';
import { REGISTRATION_SWEEP_JOB, sweepRegistrations } from './registration-sweep';

export type RegistrationOptions = AppDeps & { sessions: SessionStore; staffSessions: SessionStore; subscribeMessages?: SubscribeMessageClient };

/** Overseas citizen registration (海外中国公民登记): the citizen's and the console's routes. */
export const registrationRoutes: FastifyPluginAsyncZod<RegistrationOptions> = async (app, options) => {
  await app.register(registrationCitizenRoutes, options);
  await app.register(registrationConsoleRoutes, options);
};

/** What the info module calls when staff publish a travel alert: reach the registrants there. */
export function registrationAlertHook(deps: AppDeps) {
  return alertPublishedHook(deps.config.wechat.templates.safetyAlert);
}

/** Hands the module's jobs to the runner: scheduled fan-outs, 安全提醒 messages, the recurring sweep. */
export function installRegistrationJobs(app: FastifyInstance, options: RegistrationOptions): void {
  const { config, db } = options;
  const templateId = config.wechat.templates.safetyAlert;
  const client = options.subscribeMessages ?? createSubscribeMessageClient(config.wechat);
  app.jobRunner.register(ALERT_FAN_OUT_JOB, alertFanOutJob(db, templateId));
  app.jobRunner.register(SAFETY_ALERT_MESSAGE_JOB, safetyAlertMessageJob(db, client, { templateId, miniprogramState: config.isProduction ? 'formal' : 'developer' }));
  app.jobRunner.register(REGISTRATION_SWEEP_JOB, async () => {
    const counts = await sweepRegistrations(db);
    return { note: `ended ${counts.ended}, prompted ${counts.prompted}, deleted ${counts.deleted}` };
  });
  if (config.registration.sweepMinutes > 0) app.jobRunner.addRecurring({ kind: REGISTRATION_SWEEP_JOB, everyMs: config.registration.sweepMinutes * 60_000 });
}
