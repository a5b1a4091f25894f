import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { citizenAppointmentRoutes } from './citizen-routes';
import { consoleAppointmentRoutes } from './console-routes';
import { mailRequestRoutes } from './mail-request-routes';
import { APPOINTMENT_REMINDER_JOB, appointmentReminderJob } from './reminder-job';

/**
 * 到馆预约 (docs/appointments.md): appointment types and slots, the citizen's bookings and
 * mail requests, the day's appointments, check-in and no-shows in the console. The
 * production gate is a state-machine rule (server/workflow/appointment-gate.ts). Needs the
 * job runner for the day-before reminder.
 */
export const appointmentRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (app, options) => {
  const ctx = buildApplicationsContext(options);
  app.jobRunner.register(APPOINTMENT_REMINDER_JOB, appointmentReminderJob(ctx.db));
  await app.register(citizenAppointmentRoutes, { ctx });
  await app.register(consoleAppointmentRoutes, { ctx });
  await app.register(mailRequestRoutes, { ctx });
};
