import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  type CitizenAppointments,
  type InPersonKind,
  MAIL_REASON_MAX,
  appointmentMessages,
} from '../../miniprogram/domain/appointments';
import { APPOINTMENT_HORIZON_DAYS, IN_PERSON_KINDS } from '../../contracts/appointments';
import type { AppointmentRule } from '../../miniprogram/domain/services/definition-types';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { findOwnedApplication } from '../applications/application-view';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { ApplicationsContext } from '../applications/application-context';
import { applicableAppointmentRules, appointmentDone } from '../workflow/appointment-gate';
import { appointmentErrors } from './appointment-errors';
import { UUID } from './appointment-request';
import { citizenAppointmentsSchema } from './appointment-schemas';
import { activeType } from './appointment-types';
import {
  bookingChangeable,
  citizenAppointments,
  liveBooking,
  missionPlace,
  newBookingCode,
  type OrderRow,
  releaseSeat,
} from './appointment-view';
import { enqueueAppointmentReminder } from './reminder-job';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';


const params = z.object({ id: z.string().max(64), kind: z.string().max(32) });

/** The rule of `kind` that applies to the locked order, or 409 APPOINTMENT_NOT_NEEDED. */
async function ruleFor(tx: Kysely<Database>, order: OrderRow, kind: string): Promise<AppointmentRule> {
  if (!(IN_PERSON_KINDS as readonly string[]).includes(kind)) throw appointmentErrors.notNeeded();
  const rule = (await applicableAppointmentRules(tx, order, findApplicationService(order.service))).find((r) => r.kind === kind);
  if (!rule) throw appointmentErrors.notNeeded();
  return rule;
}

/** The citizen's 到馆预约: see what the order needs, book / move / cancel, or ask to do it by two-way mail. */
export const citizenAppointmentRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireCitizen(ctx.sessions));
  const response = { 200: citizenAppointmentsSchema, ...errorResponses };

  app.get(
    '/api/applications/:id/appointments',
    {
      schema: {
        tags: ['applications'],
        summary: `My order's in-person appointments: what it needs, bookings, free slots (next ${APPOINTMENT_HORIZON_DAYS} days), mail requests, the mission's address`,
        params: z.object({ id: z.string().max(64) }),
        response,
      },
    },
    async (request): Promise<CitizenAppointments> => citizenAppointments(db, await findOwnedApplication(db, request.params.id, citizenId(request))),
  );

  app.post(
    '/api/applications/:id/appointments/:kind/booking',
    {
      schema: {
        tags: ['applications'],
        summary: 'Book a slot, or move my booking (until the cut-off); 409 SLOT_FULL when its places are gone',
        params,
        body: z.object({ slotId: z.string().max(64) }),
        response,
      },
    },
    async (request): Promise<CitizenAppointments> => {
      const userId = citizenId(request);
      const { slotId } = request.body;
      const order = await db.transaction().execute(async (tx) => {
        // The order row lock serializes one citizen's own requests (a double tap, two phones).
        const locked = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        const rule = await ruleFor(tx, locked, request.params.kind);
        const kind = rule.kind as InPersonKind;
        if (await appointmentDone(tx, locked.id, kind)) throw appointmentErrors.alreadyDone();
        if (!rule.bookableIn.includes(locked.status)) throw appointmentErrors.notOpen();
        const type = (await activeType(tx, locked.mission_id, kind))!;
        if (!UUID.test(slotId)) throw appointmentErrors.slotUnavailable();
        const slot = await tx.selectFrom('appointment_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
        const now = Date.now();
        const startsAt = slot ? new Date(slot.starts_at).getTime() : 0;
        if (!slot || slot.type_id !== type.id || slot.cancelled_at || startsAt <= now || startsAt > now + APPOINTMENT_HORIZON_DAYS * 86_400_000) {
          throw appointmentErrors.slotUnavailable();
        }
        const current = await liveBooking(tx, locked.id, kind, { forUpdate: true });
        if (current?.slot_id === slot.id) return locked; // booked already: the same answer again
        if (current) {
          if (!bookingChangeable(current, type.cutoff_hours, now)) throw appointmentErrors.tooLate(type.cutoff_hours);
          await tx.updateTable('appointment_bookings').set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date() }).where('id', '=', current.id).execute();
          await releaseSeat(tx, current.slot_id);
        }
        // The seat: one conditional UPDATE, so citizens racing for the last places never overfill
        // the slot (PostgreSQL re-checks `booked < capacity` on the row each waiter finally sees).
        const seat = await tx
          .updateTable('appointment_slots')
          .set((eb) => ({ booked: eb('booked', '+', 1) }))
          .where('id', '=', slot.id)
          .where('cancelled_at', 'is', null)
          .whereRef('booked', '<', 'capacity')
          .returning('id')
          .executeTakeFirst();
        if (!seat) throw appointmentErrors.slotFull();
        let booking: { id: string };
        try {
          booking = await tx
            .insertInto('appointment_bookings')
            .values({ application_id: locked.id, slot_id: slot.id, type_id: type.id, kind, user_id: userId, code: newBookingCode(), updated_at: new Date() })
            .returning('id')
            .executeTakeFirstOrThrow();
        } catch (error) {
          // appointment_bookings_live: another live booking of this order and kind got in first.
          if (isUniqueViolation(error)) throw appointmentErrors.slotUnavailable();
          throw error;
        }
        const mission = await missionPlace(tx, locked.mission_id);
        await writeOrderNote(tx, locked, { key: 'appointmentBooked', params: { kind, when: messageWhen(slot.starts_at, mission), address: mission.address, moved: !!current } });
        await enqueueAppointmentReminder(tx, { id: booking.id, missionId: locked.mission_id, startsAt: new Date(slot.starts_at) });
        return locked;
      });
      return citizenAppointments(db, order);
    },
  );

  app.post(
    '/api/applications/:id/appointments/:kind/booking/cancel',
    { schema: { tags: ['applications'], summary: "Cancel my booking (until the type's cut-off); the place is freed", params, response } },
    async (request): Promise<CitizenAppointments> => {
      const userId = citizenId(request);
      const order = await db.transaction().execute(async (tx) => {
        const locked = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        const rule = await ruleFor(tx, locked, request.params.kind);
        const kind = rule.kind as InPersonKind;
        const current = await liveBooking(tx, locked.id, kind, { forUpdate: true });
        if (!current) throw appointmentErrors.noBooking();
        const type = (await activeType(tx, locked.mission_id, kind))!;
        if (!bookingChangeable(current, type.cutoff_hours)) throw appointmentErrors.tooLate(type.cutoff_hours);
        await tx.updateTable('appointment_bookings').set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date() }).where('id', '=', current.id).execute();
        await releaseSeat(tx, current.slot_id);
        const mission = await missionPlace(tx, locked.mission_id);
        await writeOrderNote(tx, locked, { key: 'appointmentCancelled', params: { kind, when: messageWhen(current.starts_at, mission) } });
        return locked;
      });
      return citizenAppointments(db, order);
    },
  );

  app.post(
    '/api/applications/:id/appointments/:kind/mail-exception',
    {
      schema: {
        tags: ['applications'],
        summary: 'Ask to do it by two-way mail instead (elderly, sick, far away), with a reason staff accept or refuse',
        params,
        body: z.object({ reason: z.string().max(MAIL_REASON_MAX * 4) }),
        response,
      },
    },
    async (request): Promise<CitizenAppointments> => {
      const userId = citizenId(request);
      const reason = request.body.reason.trim();
      if (!reason) throw validationFailed({ reason: appointmentMessages.mailReasonRequired });
      if ([...reason].length > MAIL_REASON_MAX) throw validationFailed({ reason: appointmentMessages.mailReasonTooLong });
      const order = await db.transaction().execute(async (tx) => {
        const locked = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        const rule = await ruleFor(tx, locked, request.params.kind);
        const kind = rule.kind as InPersonKind;
        if (!rule.mailException) throw appointmentErrors.mailNotOffered();
        if (await appointmentDone(tx, locked.id, kind)) throw appointmentErrors.alreadyDone();
        const live = await tx
          .selectFrom('appointment_mail_requests')
          .select('id')
          .where('application_id', '=', locked.id)
          .where('kind', '=', kind)
          .where('status', '<>', 'refused')
          .executeTakeFirst();
        if (live) throw appointmentErrors.mailExists();
        await tx.insertInto('appointment_mail_requests').values({ application_id: locked.id, mission_id: locked.mission_id, kind, user_id: userId, reason }).execute();
        await writeOrderNote(tx, locked, { key: 'appointmentMailRequested', params: { kind } });
        return locked;
      });
      return citizenAppointments(db, order);
    },
  );
};
