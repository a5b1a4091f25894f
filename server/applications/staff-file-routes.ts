import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { requireStaff } from '../staff/authenticate';
import { unauthenticated } from '../http/api-error';
import type { ApplicationsContext } from './application-context';
import { applicationNotFound } from '../http/api-error';
import { readStoredFile } from './stored-files';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff read an application's files only at their own mission; every read is audited. */
export const staffFileRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx.db, ctx.staffSessions));

  app.get(
    '/api/console/applications/:id/documents/:docId',
    {
      schema: {
        tags: ['console'],
        summary: "An application's uploaded document (staff of the application's mission)",
        params: z.object({ id: z.string().max(64), docId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff) throw unauthenticated();
      const { id, docId } = request.params;
      const application = UUID.test(id)
        ? await ctx.db.selectFrom('applications').select(['id', 'mission_id', 'status']).where('id', '=', id).executeTakeFirst()
        : undefined;
      // Another mission's application looks exactly like a missing one; drafts are private.
      if (!application || application.mission_id !== staff.missionId || application.status === 'draft') throw applicationNotFound();
      const file = await readStoredFile(ctx, application.id, docId);
      await recordAudit(ctx.db, {
        actorKind: 'staff',
        actorId: staff.staffId,
        missionId: staff.missionId,
        action: 'application.document.read',
        subject: application.id,
        detail: { docId },
      });
      return reply.type(file.mime).header('cache-control', 'private, no-store').send(file.data);
    },
  );
};
