/** The mission's audit log for supervisors, newest first, keyset pages by id. */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type AuditEntryView, auditEntrySchema } from '../../contracts/console-review';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { type ConsoleReviewOptions, staffOf } from './console-access';

export const consoleAuditRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const { db } = options;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, options.staffSessions, 'supervisor'));
  app.get(
    '/api/console/audit-log',
    {
      schema: {
        tags: ['console'],
        summary: "The mission's audit log, newest first (supervisors)",
        querystring: z.object({
          action: z.string().max(64).optional(),
          subject: z.string().max(64).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const limit = request.query.limit ?? 50;
      let query = db
        .selectFrom('audit_log')
        .leftJoin('staff', (join) => join.on(sql`staff.id::text`, '=', sql.ref('audit_log.actor_id')).on('audit_log.actor_kind', '=', 'staff'))
        .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_kind', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject', 'audit_log.detail', 'staff.display_name'])
        .where('audit_log.mission_id', '=', staff.missionId);
      if (request.query.action) query = query.where('audit_log.action', '=', request.query.action);
      if (request.query.subject) query = query.where('audit_log.subject', '=', request.query.subject);
      if (request.query.before) query = query.where('audit_log.id', '<', String(request.query.before));
      const rows = await query.orderBy('audit_log.id', 'desc').limit(limit + 1).execute();
      const entries = rows.slice(0, limit).map(
        (row): AuditEntryView => ({
          id: String(row.id),
          at: new Date(row.at).toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          actorName: row.display_name ?? null,
          action: row.action,
          subject: row.subject,
          detail: row.detail ?? {},
        }),
      );
      const last = entries[entries.length - 1];
      return { entries, nextBefore: rows.length > limit && last ? Number(last.id) : null };
    },
  );
};
