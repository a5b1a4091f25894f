/**
 * The review console's routes, one module per seam: the queue (console-queue), one
 * application and its actions (console-application-routes, view in console-view), the
 * mission's jobs and audit log; who may call them in console-access.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleReviewOptions } from './console-access';
import { consoleApplicationRoutes } from './console-application-routes';
import { consoleAuditRoutes } from './console-audit-routes';
import { consoleJobsRoutes } from './console-jobs-routes';
import { consoleQueueRoutes } from './console-queue';

export type { ConsoleReviewOptions } from './console-access';

export const reviewConsoleRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (app, options) => {
  await app.register(consoleQueueRoutes, options);
  await app.register(consoleApplicationRoutes, options);
  await app.register(consoleJobsRoutes, options);
  await app.register(consoleAuditRoutes, options);
};
