/** The mission's background jobs as staff see them: attempts, next run, last error — ids and statuses, no personal data. */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type JobView, jobViewSchema } from '../../contracts/console-review';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { type ConsoleReviewOptions, staffOf } from './console-access';

const iso = (value: Date | string) => new Date(value).toISOString();

export const consoleJobsRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const { db } = options;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, options.staffSessions));
  app.get(
    '/api/console/jobs',
    {
      schema: {
        tags: ['console'],
        summary: 'Background jobs of the mission (subscription messages): attempts, next run, last error',
        querystring: z.object({ status: z.enum(['pending', 'running', 'done', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.object({ jobs: z.array(jobViewSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      let query = db.selectFrom('jobs').selectAll().where('mission_id', '=', staff.missionId);
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(request.query.limit ?? 50).execute();
      return {
        jobs: rows.map(
          (job): JobView => ({
            id: String(job.id),
            kind: job.kind,
            status: job.status,
            attempts: job.attempts,
            maxAttempts: job.max_attempts,
            runAt: iso(job.run_at),
            lastError: job.last_error,
            createdAt: iso(job.created_at),
            finishedAt: job.finished_at === null ? null : iso(job.finished_at),
            // The schema keeps these three: nothing else of the payload leaves the server.
            payload: job.payload,
          }),
        ),
      };
    },
  );
};
