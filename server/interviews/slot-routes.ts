import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { interviewMessages, SLOT_BATCH_MAX_DAYS, SLOT_MINUTES_CHOICES } from '../../miniprogram/domain/interview';
import type { ConsoleSchedule, ConsoleSlotView, CreateSlotsResult } from '../../contracts/interviews';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { interviewErrors } from './interview-errors';
import { consoleScheduleSchema, consoleSlotSchema, createSlotsResultSchema } from './interview-schemas';
import { endOpenCall, type MissionZone, missionZone, slotView } from './interview-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';

import { type InterviewContext, staffOf, UUID } from './interview-context';
import { dateLabel, dateRangeProblem, datesBetween, parseDate, parseTime, plannedSlots, startOfDay, timeZoneLabel } from '../workflow/slot-times';

/** Console: the mission's interview slots — schedule, batch creation at wall-clock times, cancellation. */

const DAY_MS = 86_400_000;

const rangeProblem = (from: string, to: string) => dateRangeProblem(from, to, SLOT_BATCH_MAX_DAYS);

/** Slots of a mission with their current (not cancelled) booking, as the console shows them. */
async function consoleSlots(db: Kysely<Database>, mission: MissionZone, where: { from: Date; to: Date } | { slotId: string }): Promise<ConsoleSlotView[]> {
  let query = db.selectFrom('interview_slots').selectAll().where('mission_id', '=', mission.id);
  query = 'slotId' in where ? query.where('id', '=', where.slotId) : query.where('starts_at', '>=', where.from).where('starts_at', '<', where.to);
  const slots = await query.orderBy('starts_at').orderBy('cancelled_at', 'desc').limit(10_000).execute();
  const bookings = slots.length
    ? await db
        .selectFrom('interview_bookings as b')
        .innerJoin('applications as a', 'a.id', 'b.application_id')
        .select(['b.id', 'b.slot_id', 'b.status', 'b.booked_at', 'a.id as application_id', 'a.order_no', 'a.applicant_name', 'a.status as order_status'])
        .where('b.slot_id', 'in', slots.map((s) => s.id))
        .where('b.status', '<>', 'cancelled')
        .orderBy('b.booked_at', 'desc')
        .execute()
    : [];
  return slots.map((slot) => {
    // A 'booked' booking whose order has left 待视频面审 no longer holds the slot.
    const booking = bookings.find((b) => b.slot_id === slot.id && (b.status !== 'booked' || b.order_status === 'interview')) ?? null;
    return {
      ...slotView(slot, mission.timeZone),
      status: slot.cancelled_at ? 'cancelled' : booking ? 'booked' : 'open',
      booking: booking
        ? { id: booking.id, applicationId: booking.application_id, orderNo: booking.order_no, applicantName: booking.applicant_name, status: booking.status }
        : null,
    };
  });
}

const dateString = z.string().max(10);
const timeString = z.string().max(5);

export const slotRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));

  app.get(
    '/api/console/interview-slots',
    {
      schema: {
        tags: ['console'],
        summary: `Interview slots of my mission by mission date (from–to inclusive, at most ${SLOT_BATCH_MAX_DAYS} days), with bookings`,
        querystring: z.object({ from: dateString, to: dateString }),
        response: { 200: consoleScheduleSchema, ...errorResponses },
      },
    },
    async (request): Promise<ConsoleSchedule> => {
      const staff = staffOf(request);
      const { from, to } = request.query;
      const problem = rangeProblem(from, to);
      if (problem) throw validationFailed({ [problem]: interviewMessages.slotsInvalidRange });
      const mission = await missionZone(db, staff.missionId);
      const dates = datesBetween(from, to);
      const slots = await consoleSlots(db, mission, {
        from: startOfDay(from, mission.timeZone),
        to: startOfDay(new Date(parseDate(to)! + DAY_MS).toISOString().slice(0, 10), mission.timeZone),
      });
      return {
        timeZone: mission.timeZone,
        timeZoneLabel: timeZoneLabel(mission.cityZh, mission.timeZone),
        // Every date of the range, empty ones too: the console draws a calendar.
        days: dates.map((date) => ({ date, dateLabel: dateLabel(date), slots: slots.filter((s) => s.local.date === date) })),
      };
    },
  );

  app.post(
    '/api/console/interview-slots',
    {
      schema: {
        tags: ['console'],
        summary: "Create slots at the mission's wall-clock times on the chosen weekdays (same start again, past or nonexistent times: skipped)",
        body: z.object({
          fromDate: dateString,
          toDate: dateString,
          weekdays: z.array(z.number().int()).max(7),
          startTime: timeString,
          endTime: timeString,
          minutes: z.number().int(),
        }),
        response: { 200: createSlotsResultSchema, ...errorResponses },
      },
    },
    async (request): Promise<CreateSlotsResult> => {
      const staff = staffOf(request);
      const body = request.body;
      const fields: Record<string, string> = {};
      const range = rangeProblem(body.fromDate, body.toDate);
      if (range) fields[range === 'from' ? 'fromDate' : 'toDate'] = interviewMessages.slotsInvalidRange;
      if (body.weekdays.length === 0 || body.weekdays.some((d) => d < 0 || d > 6)) fields.weekdays = interviewMessages.slotsNoWeekday;
      if (!(SLOT_MINUTES_CHOICES as readonly number[]).includes(body.minutes)) fields.minutes = interviewMessages.slotsInvalidMinutes;
      const start = parseTime(body.startTime);
      const end = parseTime(body.endTime);
      if (start === null) fields.startTime = interviewMessages.slotsInvalidTimes;
      else if (end === null || end <= start || (!fields.minutes && end - start < body.minutes)) fields.endTime = interviewMessages.slotsInvalidTimes;
      if (Object.keys(fields).length > 0) throw validationFailed(fields);

      const mission = await missionZone(db, staff.missionId);
      const { slots, gaps } = plannedSlots(body, mission.timeZone);
      const now = Date.now();
      const future = slots.filter((slot) => slot.startsAt.getTime() > now);
      let created = 0;
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < future.length; i += 500) {
          const rows = await tx
            .insertInto('interview_slots')
            .values(
              future.slice(i, i + 500).map((slot) => ({
                mission_id: mission.id,
                starts_at: slot.startsAt,
                ends_at: slot.endsAt,
                minutes: body.minutes,
                created_by: staff.staffId,
              })),
            )
            // The same start again (a re-run, or an overlapping batch) is skipped, not an error.
            .onConflict((oc) => oc.columns(['mission_id', 'starts_at']).where('cancelled_at', 'is', null).doNothing())
            .returning('id')
            .execute();
          created += rows.length;
        }
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'interview.slots.create',
          detail: { ...body, created, skipped: slots.length + gaps - created },
        });
      });
      return { created, skipped: slots.length + gaps - created };
    },
  );

  app.post(
    '/api/console/interview-slots/:id/cancel',
    {
      schema: {
        tags: ['console'],
        summary: 'Cancel a slot; its booking (if any) is cancelled with the note and the citizen is told (消息中心)',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ note: z.string().trim().max(500).optional() }),
        response: { 200: consoleSlotSchema, ...errorResponses },
      },
    },
    async (request): Promise<ConsoleSlotView> => {
      const staff = staffOf(request);
      const note = request.body.note ?? '';
      if (!UUID.test(request.params.id)) throw interviewErrors.slotNotFound();
      const mission = await missionZone(db, staff.missionId);
      await db.transaction().execute(async (tx) => {
        const slot = await tx.selectFrom('interview_slots').selectAll().where('id', '=', request.params.id).forUpdate().executeTakeFirst();
        if (!slot || slot.mission_id !== staff.missionId) throw interviewErrors.slotNotFound();
        if (slot.cancelled_at) return; // already cancelled: the same answer again
        await tx.updateTable('interview_slots').set({ cancelled_at: new Date(), cancel_note: note || null }).where('id', '=', slot.id).execute();
        const cancelled = await tx
          .updateTable('interview_bookings')
          .set({ status: 'cancelled', ended_at: new Date(), updated_at: new Date(), note: note || null })
          .where('slot_id', '=', slot.id)
          .where('status', '=', 'booked')
          .returning(['id', 'application_id'])
          .executeTakeFirst();
        if (cancelled) {
          await endOpenCall(tx, cancelled.id, staff.staffId);
          const order = await tx.selectFrom('applications').select(['id', 'user_id', 'status']).where('id', '=', cancelled.application_id).executeTakeFirstOrThrow();
          if (order.status === 'interview') {
            await writeOrderNote(tx, order, { key: 'interviewCancelledByMission', params: { when: messageWhen(slot.starts_at, mission), note } });
          }
        }
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'interview.slot.cancel',
          subject: slot.id,
          detail: { startsAt: new Date(slot.starts_at).toISOString(), booking: cancelled?.id ?? null, ...(note ? { note } : {}) },
        });
      });
      const [view] = await consoleSlots(db, mission, { slotId: request.params.id });
      return view!;
    },
  );
};
