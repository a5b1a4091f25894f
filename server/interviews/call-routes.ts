import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CallJoin, CallStart, ConsoleInterview } from '../../contracts/interviews';
import { recordAudit } from '../audit/audit-log';
import { isUniqueViolation } from '../db/errors';
import { errorResponses } from '../http/schemas';
import { missionApplication } from '../applications/application-view';
import { hashToken, newToken } from '../security/tokens';
import { requireStaff } from '../staff/authenticate';
import { type InterviewContext, staffOf, UUID } from './interview-context';
import { interviewErrors } from './interview-errors';
import { callJoinSchema, callStartSchema, consoleInterviewSchema, idParams } from './interview-schemas';
import { activeBooking, bookingById, consoleInterview, endOpenCall, missionZone, openCallOf, purgeEndedCallSignals } from './interview-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';


/**
 * Console: the application view's 视频面审 panel, starting and ending the call, marking a
 * booking missed. Public: the call page exchanging its ticket for a call token.
 */
export const callConsoleRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));
  const interviewResponse = { 200: consoleInterviewSchema, ...errorResponses };

  app.get(
    '/api/console/applications/:id/interview',
    { schema: { tags: ['console'], summary: "The order's video interview: booking, calls, screenshots (audited)", params: idParams, response: interviewResponse } },
    async (request): Promise<ConsoleInterview> => {
      const staff = staffOf(request);
      const order = await missionApplication(db, request.params.id, staff);
      const view = await consoleInterview(db, order);
      await recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'application.interview.view', subject: order.id, detail: { orderNo: order.order_no } });
      return view;
    },
  );

  app.post(
    '/api/console/applications/:id/interview/calls',
    {
      schema: {
        tags: ['console'],
        summary: 'Start the call for the booked interview (or get the one already open: two reviewers, one call)',
        params: idParams,
        response: { 200: callStartSchema, ...errorResponses },
      },
    },
    async (request): Promise<CallStart> => {
      const staff = staffOf(request);
      const callId = await db.transaction().execute(async (tx) => {
        const order = await missionApplication(tx, request.params.id, staff);
        if (order.status !== 'interview') throw interviewErrors.cannotStartCall();
        // The booking row lock makes two reviewers' clicks take turns: the second finds the call.
        const booking = await activeBooking(tx, order.id, { forUpdate: true });
        if (!booking) throw interviewErrors.cannotStartCall();
        const open = await openCallOf(tx, booking.id);
        if (open) return open.id;
        let created: { id: string };
        try {
          created = await tx
            .insertInto('interview_calls')
            .values({ application_id: order.id, booking_id: booking.id, mission_id: order.mission_id, started_by: staff.staffId })
            .returning('id')
            .executeTakeFirstOrThrow();
        } catch (error) {
          if (isUniqueViolation(error)) throw interviewErrors.cannotStartCall();
          throw error;
        }
        await writeOrderNote(tx, order, { key: 'interviewCallStarted', params: {} });
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'application.interview.call.start',
          subject: order.id,
          detail: { callId: created.id, bookingId: booking.id },
        });
        return created.id;
      });
      return { callId, side: 'staff', iceServers: ctx.config.interviews.iceServers };
    },
  );

  app.post(
    '/api/console/interview-calls/:callId/end',
    {
      schema: {
        tags: ['console'],
        summary: 'End the call: the booking becomes 已面审 (held); then move the order on with interview_passed or reject',
        params: z.object({ callId: z.string().max(64) }),
        response: interviewResponse,
      },
    },
    async (request): Promise<ConsoleInterview> => {
      const staff = staffOf(request);
      const { callId } = request.params;
      const call = UUID.test(callId) ? await db.selectFrom('interview_calls').selectAll().where('id', '=', callId).executeTakeFirst() : undefined;
      if (!call || call.mission_id !== staff.missionId) throw interviewErrors.callNotFound();
      const ended = await db.transaction().execute(async (tx) => {
        const done = await tx
          .updateTable('interview_calls')
          .set({ status: 'ended', ended_at: new Date(), ended_by: staff.staffId })
          .where('id', '=', call.id)
          .where('status', '=', 'open')
          .returning('id')
          .executeTakeFirst();
        if (!done) return false; // ended already: the same answer again
        await purgeEndedCallSignals(tx);
        await tx
          .updateTable('interview_bookings')
          .set({ status: 'held', ended_at: new Date(), updated_at: new Date() })
          .where('id', '=', call.booking_id)
          .where('status', '=', 'booked')
          .execute();
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'application.interview.call.end',
          subject: call.application_id,
          detail: { callId: call.id, bookingId: call.booking_id },
        });
        return true;
      });
      if (ended) ctx.hub.notify(call.id);
      return consoleInterview(db, await missionApplication(db, call.application_id, staff));
    },
  );

  app.post(
    '/api/console/interview-bookings/:bookingId/missed',
    {
      schema: {
        tags: ['console'],
        summary: 'The citizen did not come: booking 未参加 (missed), the citizen is told and can book again',
        params: z.object({ bookingId: z.string().max(64) }),
        body: z.object({ note: z.string().trim().max(500).optional() }).optional(),
        response: interviewResponse,
      },
    },
    async (request): Promise<ConsoleInterview> => {
      const staff = staffOf(request);
      const { bookingId } = request.params;
      const note = request.body?.note || null;
      const found = UUID.test(bookingId) ? await bookingById(db, bookingId) : undefined;
      const order = found
        ? await db.selectFrom('applications').selectAll().where('id', '=', found.application_id).executeTakeFirst()
        : undefined;
      if (!found || !order || order.mission_id !== staff.missionId) throw interviewErrors.bookingNotFound();
      const endedCall = await db.transaction().execute(async (tx) => {
        const marked = await tx
          .updateTable('interview_bookings')
          .set({ status: 'missed', ended_at: new Date(), updated_at: new Date(), note })
          .where('id', '=', found.id)
          .where('status', '=', 'booked')
          .returning('id')
          .executeTakeFirst();
        if (!marked) {
          const now = await bookingById(tx, found.id);
          if (now?.status === 'missed') return null; // marked already: the same answer again
          throw interviewErrors.bookingNotChangeable();
        }
        const callId = await endOpenCall(tx, found.id, staff.staffId);
        const mission = await missionZone(tx, order.mission_id);
        await writeOrderNote(tx, order, { key: 'interviewMissed', params: { when: messageWhen(found.starts_at, mission), note: note ?? '' } });
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'application.interview.missed',
          subject: order.id,
          detail: { bookingId: found.id, ...(note ? { note } : {}) },
        });
        return callId;
      });
      if (endedCall) ctx.hub.notify(endedCall);
      return consoleInterview(db, order);
    },
  );
};

/** The call page (H5 in the mini-program's web-view): its URL's ticket, once, for a token of that call. */
export const callJoinRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/interview-calls/join',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Exchange a call ticket (one use) for the call token the signal routes take',
        body: z.object({ ticket: z.string().min(1).max(128) }),
        response: { 200: callJoinSchema, 410: errorResponses[400], ...errorResponses },
      },
    },
    async (request): Promise<CallJoin> => {
      const joined = await db.transaction().execute(async (tx) => {
        // Used and checked in one statement: a second use (or a race of two) finds nothing.
        const ticket = await tx
          .updateTable('interview_call_tickets')
          .set({ used_at: new Date() })
          .where('hash', '=', hashToken(request.body.ticket))
          .where('used_at', 'is', null)
          .where('expires_at', '>', new Date())
          .returning(['call_id', 'user_id'])
          .executeTakeFirst();
        if (!ticket) throw interviewErrors.ticketInvalid();
        const call = await tx
          .selectFrom('interview_calls')
          .innerJoin('applications', 'applications.id', 'interview_calls.application_id')
          .select(['interview_calls.id', 'interview_calls.status', 'interview_calls.mission_id', 'applications.id as application_id', 'applications.order_no', 'applications.user_id'])
          .where('interview_calls.id', '=', ticket.call_id)
          .executeTakeFirstOrThrow();
        if (call.status !== 'open' || call.user_id !== ticket.user_id) throw interviewErrors.ticketInvalid();
        const token = newToken();
        // A new join (the page reloaded with a fresh ticket) replaces the earlier token.
        await tx.updateTable('interview_calls').set({ citizen_token_hash: hashToken(token) }).where('id', '=', call.id).execute();
        return { call, token };
      });
      const mission = await missionZone(db, joined.call.mission_id);
      return {
        callId: joined.call.id,
        side: 'citizen',
        token: joined.token,
        iceServers: ctx.config.interviews.iceServers,
        orderNo: joined.call.order_no,
        missionName: mission.nameZh,
        applicationId: joined.call.application_id,
      };
    },
  );
};
