import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { callConsoleRoutes, callJoinRoutes } from './call-routes';
import { citizenInterviewRoutes } from './citizen-routes';
import type { InterviewContext } from './interview-context';
import { auditInterviewRefusals } from './interview-errors';
import { INTERVIEW_REMINDER_JOB, interviewReminderJob } from './reminder-job';
import { screenshotRoutes } from './screenshot-routes';
import { SignalHub } from './signal-hub';
import { signalRoutes } from './signal-routes';
import { slotRoutes } from './slot-routes';

/**
 * 视频面审 (docs/interviews.md): slots (console), bookings and call tickets (citizen), calls
 * and screenshots (console), the call page's join and the WebRTC signalling (either side).
 * Needs the job runner (server/jobs/jobs-plugin.ts) for the reminder before a booked interview.
 */
export const interviewRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (app, options) => {
  const ctx: InterviewContext = { ...buildApplicationsContext(options), hub: new SignalHub() };
  // Release every waiting long-poll before the server waits for open requests to finish.
  app.addHook('preClose', async () => ctx.hub.close());
  auditInterviewRefusals(app, ctx.db);
  app.jobRunner.register(INTERVIEW_REMINDER_JOB, interviewReminderJob(ctx.db));

  await app.register(slotRoutes, { ctx });
  await app.register(callConsoleRoutes, { ctx });
  await app.register(screenshotRoutes, { ctx });
  await app.register(citizenInterviewRoutes, { ctx });
  await app.register(callJoinRoutes, { ctx });
  await app.register(signalRoutes, { ctx });
};
