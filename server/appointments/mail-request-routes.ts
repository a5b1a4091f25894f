import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentMessages } from '../../miniprogram/domain/appointments';
import { APPOINTMENT_KIND_LABELS, type ConsoleMailException } from '../../contracts/appointments';
import { recordAudit } from '../audit/audit-log';
import type { ApplicationsContext } from '../applications/application-context';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { appointmentErrors } from './appointment-errors';
import { staffOf, UUID } from './appointment-request';
import { consoleMailRequestSchema } from './appointment-schemas';
import { liveBooking, mailRequestView, releaseSeat } from './appointment-view';
import { writeOrderNote } from '../workflow/citizen-messages';

/** Console: the citizens' requests to do an appointment by two-way mail (双向邮寄), accepted or refused with a note. */


export const mailRequestRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));

  const listQuery = (missionId: string) =>
    db
      .selectFrom('appointment_mail_requests as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .selectAll('r')
      .select(['a.order_no', 'a.applicant_name'])
      .where('r.mission_id', '=', missionId);
  type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;
  const view = (row: ListRow): ConsoleMailException => ({
    ...mailRequestView(row),
    kind: row.kind,
    kindLabel: APPOINTMENT_KIND_LABELS[row.kind],
    applicationId: row.application_id,
    orderNo: row.order_no,
    applicantName: row.applicant_name,
  });

  app.get(
    '/api/console/appointment-mail-requests',
    {
      schema: {
        tags: ['console'],
        summary: "My mission's requests to do an appointment by mail (default: pending, oldest first)",
        querystring: z.object({ status: z.enum(['pending', 'accepted', 'refused']).default('pending') }),
        response: { 200: z.object({ requests: z.array(consoleMailRequestSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listQuery(staffOf(request).missionId).where('r.status', '=', request.query.status).orderBy('r.requested_at').limit(500).execute();
      return { requests: rows.map(view) };
    },
  );

  app.post(
    '/api/console/appointment-mail-requests/:id/decision',
    {
      schema: {
        tags: ['console'],
        summary: 'Accept (the appointment is then not needed; a booking is cancelled) or refuse (a note is required) a mail request',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ accept: z.boolean(), note: z.string().trim().max(500).optional() }),
        response: { 200: consoleMailRequestSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const { accept } = request.body;
      const note = request.body.note ?? '';
      if (!accept && !note) throw validationFailed({ note: appointmentMessages.decisionNoteRequired });
      if (!UUID.test(request.params.id)) throw appointmentErrors.requestNotFound();
      await db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('appointment_mail_requests').selectAll().where('id', '=', request.params.id).forUpdate().executeTakeFirst();
        if (!row || row.mission_id !== staff.missionId) throw appointmentErrors.requestNotFound();
        if (row.status !== 'pending') throw appointmentErrors.mailDecided();
        await tx
          .updateTable('appointment_mail_requests')
          .set({ status: accept ? 'accepted' : 'refused', note: note || null, decided_at: new Date(), decided_by: staff.staffId })
          .where('id', '=', row.id)
          .execute();
        const order = await tx.selectFrom('applications').select(['id', 'user_id', 'status']).where('id', '=', row.application_id).executeTakeFirstOrThrow();
        if (accept) {
          // Done by mail: a booked place goes back to others.
          const booking = await liveBooking(tx, row.application_id, row.kind, { forUpdate: true });
          if (booking) {
            await tx.updateTable('appointment_bookings').set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date() }).where('id', '=', booking.id).execute();
            await releaseSeat(tx, booking.slot_id);
          }
        }
        await writeOrderNote(tx, order, { key: accept ? 'appointmentMailAccepted' : 'appointmentMailRefused', params: { kind: row.kind, note } });
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: accept ? 'appointment.mail.accept' : 'appointment.mail.refuse',
          subject: row.id,
          detail: { applicationId: row.application_id, kind: row.kind, ...(note ? { note } : {}) },
        });
      });
      return view(await listQuery(staff.missionId).where('r.id', '=', request.params.id).executeTakeFirstOrThrow());
    },
  );
};
