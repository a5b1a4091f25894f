import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { ApiError, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { missionApplication } from '../applications/application-view';
import { type ConsoleReviewOptions, staffOf } from './console-access';
import { QUEUE_KEY, queueScope } from './console-queue';
import { assertMayDecide, claimOf } from './claims';
import { defaultSupplementReasons, workstationMessages } from '../workflow/review-messages';
import { supplementItems } from '../workflow/supplements';

const statusFilter = z.string().max(40).regex(/^[a-z_]+$/).optional();

/** The reviewer's workstation: claim / assign, 下一份 and j/k neighbours, earlier photos, supplement checklists. */
export const workstationRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const { db } = options;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, options.staffSessions));
  const claimResponse = { 200: z.object({ claimedBy: z.object({ id: z.string(), name: z.string() }).nullable() }), ...errorResponses };

  app.post(
    '/api/console/applications/:id/claim',
    {
      schema: {
        tags: ['console'],
        summary: 'Take the order (or, supervisors: assign it to staffId of the mission); 409 when another reviewer holds it',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ staffId: z.string().uuid().optional() }).optional(),
        response: claimResponse,
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const assignee = request.body?.staffId ?? staff.staffId;
      await db.transaction().execute(async (tx) => {
        const row = await missionApplication(tx, request.params.id, staff);
        if (assignee !== staff.staffId) {
          if (staff.role === 'reviewer') throw new ApiError(403, 'FORBIDDEN', workstationMessages.assignSupervisorsOnly);
          const member = await tx.selectFrom('staff').select('id').where('id', '=', assignee).where('mission_id', '=', staff.missionId).where('disabled_at', 'is', null).executeTakeFirst();
          if (!member) throw validationFailed({ staffId: workstationMessages.assigneeNotFound });
        } else {
          await assertMayDecide(tx, row, staff);
        }
        // Conditional on the holder read above: two reviewers taking the same order, one wins.
        const taken = await tx
          .updateTable('applications')
          .set({ claimed_by: assignee, claimed_at: new Date() })
          .where('id', '=', row.id)
          .where((eb) => (row.claimed_by ? eb('claimed_by', '=', row.claimed_by) : eb('claimed_by', 'is', null)))
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 0) await assertMayDecide(tx, { id: row.id, claimed_by: 'someone-else' }, staff);
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: assignee === staff.staffId ? 'application.claim' : 'application.assign',
          subject: row.id,
          detail: { to: assignee, from: row.claimed_by },
        });
      });
      return { claimedBy: await claimOf(db, request.params.id) };
    },
  );

  app.get(
    '/api/console/colleagues',
    {
      schema: {
        tags: ['console'],
        summary: "Who a supervisor may assign an order to: the mission's enabled staff (supervisors, admins)",
        response: { 200: z.object({ staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['reviewer', 'supervisor', 'admin']) })) }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      if (staff.role === 'reviewer') throw new ApiError(403, 'FORBIDDEN', workstationMessages.supervisorsOnly);
      const rows = await db
        .selectFrom('staff')
        .select(['id', 'display_name', 'role'])
        .where('mission_id', '=', staff.missionId)
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute();
      return { staff: rows.map((row) => ({ id: row.id, name: row.display_name, role: row.role })) };
    },
  );

  app.post(
    '/api/console/applications/:id/release',
    { schema: { tags: ['console'], summary: 'Give the order back to the queue (holder, or supervisors)', params: z.object({ id: z.string().max(64) }), response: claimResponse } },
    async (request) => {
      const staff = staffOf(request);
      const row = await missionApplication(db, request.params.id, staff);
      await assertMayDecide(db, row, staff);
      await db.updateTable('applications').set({ claimed_by: null, claimed_at: null }).where('id', '=', row.id).execute();
      await recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'application.release', subject: row.id });
      return { claimedBy: null };
    },
  );

  app.get(
    '/api/console/queue/neighbour',
    {
      schema: {
        tags: ['console'],
        summary: 'The order before or after this one in queue order (j / k), within a status (default: 全部进行中)',
        querystring: z.object({ id: z.string().uuid(), direction: z.enum(['next', 'previous']), status: statusFilter }),
        response: { 200: z.object({ id: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const current = await missionApplication(db, request.query.id, staff);
      const next = request.query.direction === 'next';
      const key = sql`(${current.cross_district}, ${current.queue_at ?? current.submitted_at}::timestamptz, ${current.id}::uuid)`;
      let query = queueScope(db, staff.missionId, request.query.status)
        .select('id')
        .where(next ? sql<boolean>`(cross_district, coalesce(queue_at, submitted_at), id) > ${key}` : sql<boolean>`(cross_district, coalesce(queue_at, submitted_at), id) < ${key}`);
      query = next ? query.orderBy('cross_district').orderBy(QUEUE_KEY).orderBy('id') : query.orderBy('cross_district', 'desc').orderBy(QUEUE_KEY, 'desc').orderBy('id', 'desc');
      return { id: (await query.limit(1).executeTakeFirst())?.id ?? null };
    },
  );

  app.post(
    '/api/console/queue/take-next',
    {
      schema: {
        tags: ['console'],
        summary: '下一份: claim the first unclaimed order in queue order (default status 待审核) and return it',
        body: z.object({ status: statusFilter }).optional(),
        response: { 200: z.object({ id: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const id = await db.transaction().execute(async (tx) => {
        // SKIP LOCKED: two reviewers pressing 下一份 at once get two different orders.
        const row = await queueScope(tx, staff.missionId, request.body?.status ?? 'submitted')
          .select('id')
          .where('claimed_by', 'is', null)
          .orderBy('cross_district')
          .orderBy(QUEUE_KEY)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return null;
        await tx.updateTable('applications').set({ claimed_by: staff.staffId, claimed_at: new Date() }).where('id', '=', row.id).execute();
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'application.claim', subject: row.id, detail: { next: true } });
        return row.id;
      });
      return { id };
    },
  );

  app.get(
    '/api/console/applications/:id/earlier-photos',
    {
      schema: {
        tags: ['console'],
        summary: "The applicant's ID photos from earlier applications at this mission (newest first), to compare",
        params: z.object({ id: z.string().max(64) }),
        response: {
          200: z.object({ photos: z.array(z.object({ applicationId: z.string(), orderNo: z.string().nullable(), submittedAt: z.string().nullable(), url: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const row = await missionApplication(db, request.params.id, staff);
      if (!row.applicant_index) return { photos: [] };
      const rows = await db
        .selectFrom('applications as a')
        .innerJoin('application_files as f', 'f.application_id', 'a.id')
        .select(['a.id', 'a.order_no', 'a.submitted_at'])
        .where('a.applicant_index', '=', row.applicant_index)
        .where('a.mission_id', '=', staff.missionId)
        .where('a.id', '<>', row.id)
        .where('a.status', '<>', 'draft')
        .where('f.doc_id', '=', 'id_photo')
        .orderBy('a.submitted_at', 'desc')
        .limit(3)
        .execute();
      return {
        photos: rows.map((r) => ({
          applicationId: r.id,
          orderNo: r.order_no,
          submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
          url: `/api/console/applications/${r.id}/documents/id_photo`,
        })),
      };
    },
  );

  const reasonsSchema = z.object({
    items: z.array(z.object({ item: z.string(), label: z.string(), reasons: z.array(z.string()) })),
  });

  app.get(
    '/api/console/supplement-reasons',
    {
      schema: {
        tags: ['console'],
        summary: "The mission's checklist of common supplement reasons per document of a service",
        querystring: z.object({ service: z.string().max(40) }),
        response: { 200: reasonsSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await supplementReasons(db, staffOf(request).missionId, request.query.service) }),
  );

  app.put(
    '/api/console/supplement-reasons/:item',
    {
      schema: {
        tags: ['console'],
        summary: "Replace the mission's reasons for one document (supervisors; audited)",
        params: z.object({ item: z.string().max(64).regex(/^[a-z_]+$/) }),
        body: z.object({ reasons: z.array(z.string().trim().min(1).max(200)).max(20) }),
        response: { 200: z.object({ item: z.string(), reasons: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      if (staff.role === 'reviewer') throw new ApiError(403, 'FORBIDDEN', workstationMessages.supervisorsOnly);
      const { item } = request.params;
      const reasons = [...new Set(request.body.reasons)];
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('supplement_reasons').where('mission_id', '=', staff.missionId).where('item', '=', item).execute();
        if (reasons.length) {
          await tx
            .insertInto('supplement_reasons')
            .values(reasons.map((text, position) => ({ mission_id: staff.missionId, item, text, position })))
            .execute();
        }
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'supplement_reasons.update', subject: item, detail: { reasons } });
      });
      return { item, reasons };
    },
  );
};

/**
 * The checklist for a service: every document the reviewer can ask for, with the mission's
 * own reasons, or the defaults for its kind while the mission has written none.
 */
export async function supplementReasons(db: Kysely<Database>, missionId: string, serviceId: string) {
  const service = findApplicationService(serviceId);
  if (!service) return [];
  const rows = await db.selectFrom('supplement_reasons').select(['item', 'text']).where('mission_id', '=', missionId).orderBy('item').orderBy('position').execute();
  const own = new Map<string, string[]>();
  for (const row of rows) own.set(row.item, [...(own.get(row.item) ?? []), row.text]);
  return supplementItems(service).map(({ id, label, kind }) => ({
    item: id,
    label,
    reasons: own.get(id) ?? [...(defaultSupplementReasons[id === 'other' ? 'other' : kind] ?? [])],
  }));
}
