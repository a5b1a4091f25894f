import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  APPOINTMENT_CAPACITY_MAX,
  APPOINTMENT_CUTOFF_HOURS_MAX,
  type InPersonKind,
  appointmentMessages,
} from '../../miniprogram/domain/appointments';
import {
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_KINDS,
  APPOINTMENT_MINUTES_CHOICES,
  APPOINTMENT_STATUS_LABELS,
  type AppointmentTypeView,
  type ConsoleAppointmentDay,
  type ConsoleAppointmentView,
  IN_PERSON_KINDS,
} from '../../contracts/appointments';
import { SLOT_BATCH_MAX_DAYS, interviewMessages } from '../../miniprogram/domain/interview';
import type { CreateSlotsResult } from '../../contracts/interviews';
import { recordAudit } from '../audit/audit-log';
import type { ApplicationsContext } from '../applications/application-context';
import type { Database } from '../db/schema';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import { dateLabel, dateRangeProblem, parseDate, parseTime, plannedSlots, startOfDay, timeZoneLabel, zonedDate, zonedLabel } from '../workflow/slot-times';
import { appointmentErrors } from './appointment-errors';
import { staffOf, UUID } from './appointment-request';
import { appointmentTypeSchema, consoleAppointmentSchema, consoleDaySchema, consoleSlotSchema } from './appointment-schemas';
import { ensureMissionTypes, typeView } from './appointment-types';
import { bookingQuery, type BookingRow, type MissionPlace, missionPlace, slotView } from './appointment-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';


/** Console: appointment types and slots per type, the day's appointments, check-in (scanned code or search), no-shows. */

const DAY_MS = 86_400_000;
const dateString = z.string().max(10);

/** A mission date's bounds as instants. */
function dayBounds(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDay(date, timeZone), to: startOfDay(new Date(parseDate(date)! + DAY_MS).toISOString().slice(0, 10), timeZone) };
}

type ConsoleBookingRow = BookingRow & { order_no: string | null; applicant_name: string | null };

function consoleBookingQuery(db: Kysely<Database>, missionId: string) {
  return bookingQuery(db)
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .select(['a.order_no', 'a.applicant_name'])
    .where('s.mission_id', '=', missionId);
}

const appointmentView = (row: ConsoleBookingRow, timeZone: string): ConsoleAppointmentView => ({
  id: row.id,
  kind: row.kind,
  kindLabel: APPOINTMENT_KIND_LABELS[row.kind],
  status: row.status,
  statusLabel: APPOINTMENT_STATUS_LABELS[row.status],
  applicationId: row.application_id,
  orderNo: row.order_no,
  applicantName: row.applicant_name,
  startsAt: new Date(row.starts_at).toISOString(),
  local: zonedLabel(new Date(row.starts_at), timeZone),
  checkedInAt: row.checked_in_at ? new Date(row.checked_in_at).toISOString() : null,
});

export const consoleAppointmentRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));

  app.get(
    '/api/console/appointment-types',
    { schema: { tags: ['console'], summary: "My mission's appointment types and their settings", response: { 200: z.object({ types: z.array(appointmentTypeSchema) }), ...errorResponses } } },
    async (request): Promise<{ types: AppointmentTypeView[] }> => ({ types: (await ensureMissionTypes(db, staffOf(request).missionId)).map(typeView) }),
  );

  app.put(
    '/api/console/appointment-types/:kind',
    {
      preHandler: requireStaff(db, ctx.staffSessions, 'supervisor'),
      schema: {
        tags: ['console'],
        summary: 'Set a type: minutes per slot, people per slot, change cut-off (hours), offered or not (supervisor). New slots use them',
        params: z.object({ kind: z.string().max(32) }),
        body: z.object({ minutes: z.number().int(), capacity: z.number().int(), cutoffHours: z.number().int(), active: z.boolean() }),
        response: { 200: appointmentTypeSchema, ...errorResponses },
      },
    },
    async (request): Promise<AppointmentTypeView> => {
      const staff = staffOf(request);
      const kind = request.params.kind;
      if (!(APPOINTMENT_KINDS as readonly string[]).includes(kind)) throw appointmentErrors.typeNotFound();
      const body = request.body;
      const fields: Record<string, string> = {};
      if (!(APPOINTMENT_MINUTES_CHOICES as readonly number[]).includes(body.minutes)) fields.minutes = appointmentMessages.invalidMinutes;
      // A video call is one person: its capacity stays 1.
      const maxCapacity = kind === 'video_interview' ? 1 : APPOINTMENT_CAPACITY_MAX;
      if (body.capacity < 1 || body.capacity > maxCapacity) fields.capacity = appointmentMessages.invalidCapacity;
      if (body.cutoffHours < 0 || body.cutoffHours > APPOINTMENT_CUTOFF_HOURS_MAX) fields.cutoffHours = appointmentMessages.invalidCutoff;
      if (Object.keys(fields).length > 0) throw validationFailed(fields);
      await ensureMissionTypes(db, staff.missionId);
      const row = await db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('appointment_types')
          .set({ minutes: body.minutes, capacity: body.capacity, cutoff_hours: body.cutoffHours, active: body.active, updated_at: new Date() })
          .where('mission_id', '=', staff.missionId)
          .where('kind', '=', kind as InPersonKind)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'appointment.type.update', subject: kind, detail: body });
        return updated;
      });
      return typeView(row);
    },
  );

  app.post(
    '/api/console/appointment-slots',
    {
      schema: {
        tags: ['console'],
        summary: "Create slots of a type at the mission's wall-clock times (its minutes and capacity); the same start again is skipped",
        body: z.object({
          kind: z.string().max(32),
          fromDate: dateString,
          toDate: dateString,
          weekdays: z.array(z.number().int()).max(7),
          startTime: z.string().max(5),
          endTime: z.string().max(5),
        }),
        response: { 200: z.object({ created: z.number(), skipped: z.number() }), ...errorResponses },
      },
    },
    async (request): Promise<CreateSlotsResult> => {
      const staff = staffOf(request);
      const body = request.body;
      if (!(IN_PERSON_KINDS as readonly string[]).includes(body.kind)) throw appointmentErrors.typeNotFound();
      const types = await ensureMissionTypes(db, staff.missionId);
      const type = types.find((t) => t.kind === body.kind)!;
      const fields: Record<string, string> = {};
      const range = dateRangeProblem(body.fromDate, body.toDate, SLOT_BATCH_MAX_DAYS);
      if (range) fields[range === 'from' ? 'fromDate' : 'toDate'] = interviewMessages.slotsInvalidRange;
      if (body.weekdays.length === 0 || body.weekdays.some((d) => d < 0 || d > 6)) fields.weekdays = interviewMessages.slotsNoWeekday;
      const start = parseTime(body.startTime);
      const end = parseTime(body.endTime);
      if (start === null) fields.startTime = interviewMessages.slotsInvalidTimes;
      else if (end === null || end - start < type.minutes) fields.endTime = interviewMessages.slotsInvalidTimes;
      if (Object.keys(fields).length > 0) throw validationFailed(fields);

      const mission = await missionPlace(db, staff.missionId);
      const { slots, gaps } = plannedSlots({ ...body, minutes: type.minutes }, mission.timeZone);
      const future = slots.filter((slot) => slot.startsAt.getTime() > Date.now());
      let created = 0;
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < future.length; i += 500) {
          const rows = await tx
            .insertInto('appointment_slots')
            .values(
              future.slice(i, i + 500).map((slot) => ({
                type_id: type.id,
                mission_id: staff.missionId,
                starts_at: slot.startsAt,
                ends_at: slot.endsAt,
                capacity: type.capacity,
                created_by: staff.staffId,
              })),
            )
            .onConflict((oc) => oc.columns(['type_id', 'starts_at']).where('cancelled_at', 'is', null).doNothing())
            .returning('id')
            .execute();
          created += rows.length;
        }
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'appointment.slots.create', detail: { ...body, created } });
      });
      return { created, skipped: slots.length + gaps - created };
    },
  );

  app.post(
    '/api/console/appointment-slots/:id/cancel',
    {
      schema: {
        tags: ['console'],
        summary: 'Cancel a slot; its bookings are cancelled with the note and each citizen is told (消息中心)',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ note: z.string().trim().max(500).optional() }),
        response: { 200: consoleSlotSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const note = request.body.note ?? '';
      if (!UUID.test(request.params.id)) throw appointmentErrors.slotNotFound();
      const mission = await missionPlace(db, staff.missionId);
      const slot = await db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('appointment_slots').selectAll().where('id', '=', request.params.id).forUpdate().executeTakeFirst();
        if (!row || row.mission_id !== staff.missionId) throw appointmentErrors.slotNotFound();
        if (row.cancelled_at) return row;
        const cancelled = await tx
          .updateTable('appointment_bookings')
          .set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date(), note: note || null })
          .where('slot_id', '=', row.id)
          .where('status', '=', 'booked')
          .returning(['application_id', 'kind'])
          .execute();
        for (const booking of cancelled) {
          const order = await tx.selectFrom('applications').select(['id', 'user_id', 'status']).where('id', '=', booking.application_id).executeTakeFirstOrThrow();
          await writeOrderNote(tx, order, { key: 'appointmentCancelledByMission', params: { kind: booking.kind, when: messageWhen(row.starts_at, mission), note } });
        }
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'appointment.slot.cancel', subject: row.id, detail: { bookings: cancelled.length, ...(note ? { note } : {}) } });
        return tx
          .updateTable('appointment_slots')
          .set({ cancelled_at: new Date(), cancel_note: note || null, booked: 0 })
          .where('id', '=', row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      const kind = (await db.selectFrom('appointment_types').select('kind').where('id', '=', slot.type_id).executeTakeFirstOrThrow()).kind as InPersonKind;
      return { ...slotView(slot, mission.timeZone), kind, cancelled: !!slot.cancelled_at, booked: slot.booked };
    },
  );

  app.get(
    '/api/console/appointments',
    {
      schema: {
        tags: ['console'],
        summary: "A mission date's in-person appointments and slots; `q` finds bookings by order number or applicant name",
        querystring: z.object({ date: dateString, q: z.string().trim().max(64).optional() }),
        response: { 200: consoleDaySchema, ...errorResponses },
      },
    },
    async (request): Promise<ConsoleAppointmentDay> => {
      const staff = staffOf(request);
      const { date, q } = request.query;
      if (parseDate(date) === null) throw validationFailed({ date: interviewMessages.slotsInvalidRange });
      const mission = await missionPlace(db, staff.missionId);
      const { from, to } = dayBounds(date, mission.timeZone);
      let bookings = consoleBookingQuery(db, staff.missionId).where('s.starts_at', '>=', from).where('s.starts_at', '<', to).where('b.status', '<>', 'cancelled');
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        bookings = bookings.where((eb) => eb.or([eb('a.order_no', 'ilike', like), eb('a.applicant_name', 'ilike', like), eb('b.code', '=', q.toUpperCase())]));
      }
      const rows = await bookings.orderBy('s.starts_at').orderBy('a.order_no').limit(2000).execute();
      const slots = await db
        .selectFrom('appointment_slots as s')
        .innerJoin('appointment_types as t', 't.id', 's.type_id')
        .selectAll('s')
        .select('t.kind')
        .where('s.mission_id', '=', staff.missionId)
        .where('s.starts_at', '>=', from)
        .where('s.starts_at', '<', to)
        .where('t.kind', 'in', [...IN_PERSON_KINDS])
        .orderBy('s.starts_at')
        .orderBy('t.kind')
        .execute();
      return {
        date,
        dateLabel: dateLabel(date),
        timeZoneLabel: timeZoneLabel(mission.cityZh, mission.timeZone),
        appointments: rows.map((row) => appointmentView(row, mission.timeZone)),
        slots: slots.map((slot) => ({ ...slotView(slot, mission.timeZone), kind: slot.kind as InPersonKind, cancelled: !!slot.cancelled_at, booked: slot.booked })),
      };
    },
  );

  /** Check-in of a booking found by `where`: today at the mission only; checked in already: the same answer. */
  async function checkIn(staff: SignedInStaff, where: { code: string } | { id: string }): Promise<ConsoleAppointmentView> {
    const mission = await missionPlace(db, staff.missionId);
    const row = await db.transaction().execute(async (tx) => {
      let query = consoleBookingQuery(tx, staff.missionId).forUpdate('b');
      query = 'code' in where ? query.where('b.code', '=', where.code) : query.where('b.id', '=', where.id);
      const booking = await query.executeTakeFirst();
      if (!booking) throw 'code' in where ? appointmentErrors.codeUnknown() : appointmentErrors.bookingNotFound();
      if (booking.status === 'checked_in') return booking;
      if (booking.status !== 'booked') throw appointmentErrors.notChangeable();
      if (zonedDate(new Date(booking.starts_at), mission.timeZone) !== zonedDate(new Date(), mission.timeZone)) throw appointmentErrors.notToday();
      const now = new Date();
      await tx
        .updateTable('appointment_bookings')
        .set({ status: 'checked_in', checked_in_at: now, checked_in_by: staff.staffId, ended_at: now, updated_at: now })
        .where('id', '=', booking.id)
        .execute();
      const order = await tx.selectFrom('applications').select(['id', 'user_id', 'status']).where('id', '=', booking.application_id).executeTakeFirstOrThrow();
      await writeOrderNote(tx, order, { key: 'appointmentCheckedIn', params: { kind: booking.kind } });
      await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'appointment.check_in', subject: booking.id, detail: { applicationId: booking.application_id, kind: booking.kind } });
      return { ...booking, status: 'checked_in' as const, checked_in_at: now };
    });
    return appointmentView(row, mission.timeZone);
  }

  const bookingResponse = { 200: consoleAppointmentSchema, ...errorResponses };

  app.post(
    '/api/console/appointments/check-in',
    {
      schema: {
        tags: ['console'],
        summary: "Check in by the booking's code (the QR code the citizen shows, read by a scanner or typed); today's bookings only",
        body: z.object({ code: z.string().trim().max(64) }),
        response: bookingResponse,
      },
    },
    async (request) => {
      const code = request.body.code.toUpperCase();
      if (!/^[A-Z0-9]{12}$/.test(code)) throw appointmentErrors.codeUnknown();
      return checkIn(staffOf(request), { code });
    },
  );

  const bookingParams = z.object({ id: z.string().max(64) });

  app.post(
    '/api/console/appointment-bookings/:id/check-in',
    { schema: { tags: ['console'], summary: 'Check in a booking found by search (today only)', params: bookingParams, response: bookingResponse } },
    async (request) => {
      if (!UUID.test(request.params.id)) throw appointmentErrors.bookingNotFound();
      return checkIn(staffOf(request), { id: request.params.id });
    },
  );

  app.post(
    '/api/console/appointment-bookings/:id/no-show',
    {
      schema: {
        tags: ['console'],
        summary: 'Mark a booking whose time has come as not attended; the citizen is told and books again',
        params: bookingParams,
        body: z.object({ note: z.string().trim().max(500).optional() }),
        response: bookingResponse,
      },
    },
    async (request) => {
      const staff = staffOf(request);
      if (!UUID.test(request.params.id)) throw appointmentErrors.bookingNotFound();
      const mission: MissionPlace = await missionPlace(db, staff.missionId);
      const row = await db.transaction().execute(async (tx) => {
        const booking = await consoleBookingQuery(tx, staff.missionId).where('b.id', '=', request.params.id).forUpdate('b').executeTakeFirst();
        if (!booking) throw appointmentErrors.bookingNotFound();
        if (booking.status === 'no_show') return booking;
        if (booking.status !== 'booked') throw appointmentErrors.notChangeable();
        if (new Date(booking.starts_at).getTime() > Date.now()) throw appointmentErrors.tooEarly();
        const note = request.body.note || null;
        // The seat stays used: the slot has passed.
        await tx.updateTable('appointment_bookings').set({ status: 'no_show', ended_at: new Date(), updated_at: new Date(), note }).where('id', '=', booking.id).execute();
        const order = await tx.selectFrom('applications').select(['id', 'user_id', 'status']).where('id', '=', booking.application_id).executeTakeFirstOrThrow();
        await writeOrderNote(tx, order, { key: 'appointmentNoShow', params: { kind: booking.kind, when: messageWhen(booking.starts_at, mission) } });
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'appointment.no_show', subject: booking.id, detail: { applicationId: booking.application_id } });
        return { ...booking, status: 'no_show' as const, note };
      });
      return appointmentView(row, mission.timeZone);
    },
  );
};
