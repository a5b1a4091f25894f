import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import {
  BOOKING_LEAD_MINUTES,
  type CallTicket,
  type CitizenInterview,
} from '../../miniprogram/domain/interview';
import { BOOKING_HORIZON_DAYS, CALL_TICKET_MINUTES } from '../../contracts/interviews';
import { findOwnedApplication } from '../applications/application-view';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { isUniqueViolation } from '../db/errors';
import { errorResponses } from '../http/schemas';
import { hashToken, newToken } from '../security/tokens';
import { type InterviewContext, UUID } from './interview-context';
import { interviewErrors } from './interview-errors';
import { callTicketSchema, citizenInterviewSchema, idParams } from './interview-schemas';
import { interviewHeld } from '../workflow/interview-labels';
import { activeBooking, bookingChangeable, citizenInterview, missionZone, openCallOf, releaseStaleBookings } from './interview-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';

import { enqueueReminder } from './reminder-job';

type BookingRow = NonNullable<Awaited<ReturnType<typeof activeBooking>>>;

/** A booking the citizen may still move or cancel: not once staff opened its call, not within the lead time. */
async function assertChangeable(tx: Kysely<Database>, booking: BookingRow, now: number): Promise<void> {
  const openCall = !!(await openCallOf(tx, booking.id));
  if (openCall) throw interviewErrors.callInProgress();
  if (!bookingChangeable(booking, false, now)) throw interviewErrors.tooLate();
}

/** The citizen's 预约面审: see free slots, book / move / cancel, and get the ticket that opens the call page. */
export const citizenInterviewRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireCitizen(ctx.sessions));
  const interviewResponse = { 200: citizenInterviewSchema, ...errorResponses };

  app.get(
    '/api/applications/:id/interview',
    {
      schema: {
        tags: ['applications'],
        summary: `My order's video interview: booking, open call, free slots (now + ${BOOKING_LEAD_MINUTES} min … ${BOOKING_HORIZON_DAYS} days), past bookings`,
        params: idParams,
        response: interviewResponse,
      },
    },
    async (request): Promise<CitizenInterview> => citizenInterview(db, await findOwnedApplication(db, request.params.id, citizenId(request))),
  );

  app.post(
    '/api/applications/:id/interview/booking',
    {
      schema: {
        tags: ['applications'],
        summary: 'Book a slot, or move my booking to another one (one transaction; 409 SLOT_TAKEN when someone was faster)',
        params: idParams,
        body: z.object({ slotId: z.string().max(64) }),
        response: interviewResponse,
      },
    },
    async (request): Promise<CitizenInterview> => {
      const userId = citizenId(request);
      const { slotId } = request.body;
      const order = await db.transaction().execute(async (tx) => {
        // The order row lock serializes one citizen's own requests; the slot row lock, citizens racing for one slot.
        const locked = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        if (locked.status !== 'interview') throw interviewErrors.notRequired();
        if (await interviewHeld(tx, locked.id)) throw interviewErrors.alreadyHeld();
        if (!UUID.test(slotId)) throw interviewErrors.slotUnavailable();
        const slot = await tx.selectFrom('interview_slots').selectAll().where('id', '=', slotId).forUpdate().executeTakeFirst();
        const now = Date.now();
        const startsAt = slot ? new Date(slot.starts_at).getTime() : 0;
        if (
          !slot ||
          slot.mission_id !== locked.mission_id ||
          slot.cancelled_at ||
          startsAt <= now + BOOKING_LEAD_MINUTES * 60_000 ||
          startsAt > now + BOOKING_HORIZON_DAYS * 86_400_000
        ) {
          throw interviewErrors.slotUnavailable();
        }
        const current = await activeBooking(tx, locked.id, { forUpdate: true });
        if (current?.slot_id === slot.id) return locked; // booked already: the same answer again
        if (current) {
          await assertChangeable(tx, current, now);
          await tx.updateTable('interview_bookings').set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date() }).where('id', '=', current.id).execute();
        }
        await releaseStaleBookings(tx, { slotId: slot.id });
        const taken = await tx
          .selectFrom('interview_bookings')
          .select('id')
          .where('slot_id', '=', slot.id)
          .where('status', '<>', 'cancelled')
          .executeTakeFirst();
        if (taken) throw interviewErrors.slotTaken();
        let booking: { id: string };
        try {
          booking = await tx
            .insertInto('interview_bookings')
            .values({ application_id: locked.id, slot_id: slot.id, user_id: userId, status: 'booked', updated_at: new Date() })
            .returning('id')
            .executeTakeFirstOrThrow();
        } catch (error) {
          // The partial unique index on (slot_id) where booked: another booking got in first.
          if (isUniqueViolation(error)) throw interviewErrors.slotTaken();
          throw error;
        }
        const mission = await missionZone(tx, locked.mission_id);
        await writeOrderNote(tx, locked, { key: 'interviewBooked', params: { when: messageWhen(slot.starts_at, mission) } });
        await enqueueReminder(tx, { bookingId: booking.id, missionId: locked.mission_id, startsAt: new Date(slot.starts_at) });
        return locked;
      });
      return citizenInterview(db, order);
    },
  );

  app.post(
    '/api/applications/:id/interview/booking/cancel',
    {
      schema: { tags: ['applications'], summary: `Cancel my booking (not within ${BOOKING_LEAD_MINUTES} minutes of its start)`, params: idParams, response: interviewResponse },
    },
    async (request): Promise<CitizenInterview> => {
      const userId = citizenId(request);
      const order = await db.transaction().execute(async (tx) => {
        const locked = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        if (locked.status !== 'interview') throw interviewErrors.notRequired();
        const current = await activeBooking(tx, locked.id, { forUpdate: true });
        if (!current) throw interviewErrors.noBooking();
        await assertChangeable(tx, current, Date.now());
        await tx.updateTable('interview_bookings').set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date() }).where('id', '=', current.id).execute();
        const mission = await missionZone(tx, locked.mission_id);
        await writeOrderNote(tx, locked, { key: 'interviewCancelledByCitizen', params: { when: messageWhen(current.starts_at, mission) } });
        return locked;
      });
      return citizenInterview(db, order);
    },
  );

  app.post(
    '/api/applications/:id/interview/call-ticket',
    {
      schema: {
        tags: ['applications'],
        summary: `Open the call page: a one-use ticket (${CALL_TICKET_MINUTES} minutes) for the call staff started`,
        params: idParams,
        response: { 200: callTicketSchema, ...errorResponses },
      },
    },
    async (request): Promise<CallTicket> => {
      const userId = citizenId(request);
      const order = await findOwnedApplication(db, request.params.id, userId);
      const booking = order.status === 'interview' ? await activeBooking(db, order.id) : null;
      const call = booking ? await openCallOf(db, booking.id) : undefined;
      if (!call) throw interviewErrors.callNotOpen();
      const ticket = newToken();
      const expiresAt = new Date(Date.now() + CALL_TICKET_MINUTES * 60_000);
      // Only the hash is kept: the ticket travels in a URL (web-view), so it must be useless once used.
      await db.insertInto('interview_call_tickets').values({ hash: hashToken(ticket), call_id: call.id, user_id: userId, expires_at: expiresAt }).execute();
      return { path: `/interview/call?ticket=${ticket}`, expiresAt: expiresAt.toISOString() };
    },
  );
};
