import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import {
  BOOKING_LEAD_MINUTES,
  type CitizenInterview,
  type InterviewBookingStatus,
  type InterviewBookingView,
  type InterviewCallView,
  type InterviewDay,
  type InterviewSlotView,
} from '../../miniprogram/domain/interview';
import {
  BOOKING_HORIZON_DAYS,
  BOOKING_STATUS_LABELS,
  type ConsoleInterview,
  type InterviewScreenshotView,
} from '../../contracts/interviews';
import type { ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import { orderMessages } from '../../miniprogram/domain/services/order-state-machine';
import type { ApplicationTable, Database, InterviewCallTable } from '../db/schema';
import { interviewHeld } from '../workflow/interview-labels';
import { timeZoneLabel, zonedLabel } from '../workflow/slot-times';

/** Loading an order's interview (bookings, calls, screenshots, free slots) and the views the API returns. */

export type OrderRow = Selectable<ApplicationTable>;
export type CallRow = Selectable<InterviewCallTable>;

const iso = (value: Date | string) => new Date(value).toISOString();
const LEAD_MS = BOOKING_LEAD_MINUTES * 60_000;

export interface MissionZone {
  id: string;
  nameZh: string;
  cityZh: string;
  cityEn: string;
  timeZone: string;
  phone: string;
}

export async function missionZone(db: Kysely<Database>, missionId: string): Promise<MissionZone> {
  const row = await db.selectFrom('missions').select(['id', 'name_zh', 'city_zh', 'city_en', 'timezone', 'phone']).where('id', '=', missionId).executeTakeFirstOrThrow();
  return { id: row.id, nameZh: row.name_zh, cityZh: row.city_zh, cityEn: row.city_en, timeZone: row.timezone, phone: row.phone };
}

export function slotView(slot: { id: string; starts_at: Date | string; ends_at: Date | string; minutes: number }, timeZone: string): InterviewSlotView {
  return { id: slot.id, startsAt: iso(slot.starts_at), endsAt: iso(slot.ends_at), minutes: slot.minutes, local: zonedLabel(new Date(slot.starts_at), timeZone) };
}

export interface BookingRow {
  id: string;
  slot_id: string;
  application_id: string;
  user_id: string;
  status: InterviewBookingStatus;
  booked_at: Date | string;
  note: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
}

function bookingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('interview_bookings as b')
    .innerJoin('interview_slots as s', 's.id', 'b.slot_id')
    .select(['b.id', 'b.slot_id', 'b.application_id', 'b.user_id', 'b.status', 'b.booked_at', 'b.note', 's.starts_at', 's.ends_at']);
}

/** Every booking of an order, newest first. */
export function bookingsOf(db: Kysely<Database>, applicationId: string): Promise<BookingRow[]> {
  return bookingQuery(db).where('b.application_id', '=', applicationId).orderBy('b.booked_at', 'desc').orderBy('b.id', 'desc').execute();
}

/** The order's active booking (status booked), locked when asked (inside a transaction). */
export async function activeBooking(db: Kysely<Database>, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<BookingRow | null> {
  let query = bookingQuery(db).where('b.application_id', '=', applicationId).where('b.status', '=', 'booked');
  if (options.forUpdate) query = query.forUpdate('b');
  return (await query.executeTakeFirst()) ?? null;
}

export function bookingById(db: Kysely<Database>, bookingId: string): Promise<BookingRow | undefined> {
  return bookingQuery(db).where('b.id', '=', bookingId).executeTakeFirst();
}

/** The citizen may still change or cancel: booked, no call yet, more than BOOKING_LEAD_MINUTES ahead. */
export function bookingChangeable(booking: Pick<BookingRow, 'status' | 'starts_at'>, openCall: boolean, now = Date.now()): boolean {
  return booking.status === 'booked' && !openCall && new Date(booking.starts_at).getTime() - now > LEAD_MS;
}

export function bookingView(row: BookingRow, timeZone: string, openCall: boolean, now = Date.now()): InterviewBookingView {
  return {
    id: row.id,
    slotId: row.slot_id,
    status: row.status,
    statusLabel: BOOKING_STATUS_LABELS[row.status],
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    local: zonedLabel(new Date(row.starts_at), timeZone),
    bookedAt: iso(row.booked_at),
    canChange: bookingChangeable(row, openCall, now),
    note: row.note,
  };
}

export function callsOf(db: Kysely<Database>, applicationId: string): Promise<CallRow[]> {
  return db.selectFrom('interview_calls').selectAll().where('application_id', '=', applicationId).orderBy('started_at', 'desc').orderBy('id').execute();
}

export function openCallOf(db: Kysely<Database>, bookingId: string): Promise<CallRow | undefined> {
  return db.selectFrom('interview_calls').selectAll().where('booking_id', '=', bookingId).where('status', '=', 'open').executeTakeFirst();
}

export const callView = (call: CallRow): InterviewCallView => ({
  id: call.id,
  status: call.status,
  startedAt: iso(call.started_at),
  endedAt: call.ended_at ? iso(call.ended_at) : null,
});

/**
 * A booking left 'booked' after its order moved on (passed or rejected while the call was
 * still open, or without a call; withdrawn) no longer holds its slot: released here,
 * lazily, when the order's interview or that slot is next touched — `held` if a call took
 * place for it, else `cancelled` — and its call, if still open, is ended.
 */
export async function releaseStaleBookings(db: Kysely<Database>, where: { applicationId?: string; slotId?: string }): Promise<void> {
  const stale = (eb: ExpressionBuilder<Database, 'interview_bookings'>) => {
    const conditions = [eb('status', '=', 'booked'), eb('application_id', 'in', eb.selectFrom('applications').select('id').where('status', '<>', 'interview'))];
    if (where.applicationId) conditions.push(eb('application_id', '=', where.applicationId));
    if (where.slotId) conditions.push(eb('slot_id', '=', where.slotId));
    return eb.and(conditions);
  };
  await db
    .updateTable('interview_calls')
    .set({ status: 'ended', ended_at: new Date() })
    .where('status', '=', 'open')
    .where('booking_id', 'in', db.selectFrom('interview_bookings').select('id').where(stale))
    .execute();
  await purgeEndedCallSignals(db);
  await db
    .updateTable('interview_bookings')
    .set({
      status: sql<InterviewBookingStatus>`case when exists (select 1 from interview_calls c where c.booking_id = interview_bookings.id) then 'held' else 'cancelled' end`,
      ended_at: new Date(),
      updated_at: new Date(),
    })
    .where(stale)
    .execute();
}

/** Slots a citizen of the mission can book now: not cancelled, not taken, between now + lead and the horizon. */
export async function freeSlotDays(db: Kysely<Database>, mission: MissionZone, now = Date.now()): Promise<InterviewDay[]> {
  const slots = await db
    .selectFrom('interview_slots as s')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.minutes'])
    .where('s.mission_id', '=', mission.id)
    .where('s.cancelled_at', 'is', null)
    .where('s.starts_at', '>', new Date(now + LEAD_MS))
    .where('s.starts_at', '<=', new Date(now + BOOKING_HORIZON_DAYS * 86_400_000))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('interview_bookings as b')
            .innerJoin('applications as a', 'a.id', 'b.application_id')
            .select('b.id')
            .whereRef('b.slot_id', '=', 's.id')
            // Held or missed bookings used the slot; a booked one holds it while its order still waits for the interview.
            .where((eb) => eb.or([eb('b.status', 'in', ['held', 'missed']), eb.and([eb('b.status', '=', 'booked'), eb('a.status', '=', 'interview')])])),
        ),
      ),
    )
    .orderBy('s.starts_at')
    .limit(3000)
    .execute();
  const days: InterviewDay[] = [];
  for (const slot of slots) {
    const view = slotView(slot, mission.timeZone);
    const last = days[days.length - 1];
    if (last && last.date === view.local.date) last.slots.push(view);
    else days.push({ date: view.local.date, dateLabel: view.local.dateLabel, slots: [view] });
  }
  return days;
}

export async function citizenInterview(db: Kysely<Database>, order: OrderRow, now = Date.now()): Promise<CitizenInterview> {
  const mission = await missionZone(db, order.mission_id);
  if (order.status !== 'interview') await releaseStaleBookings(db, { applicationId: order.id });
  const bookings = await bookingsOf(db, order.id);
  const active = bookings.find((b) => b.status === 'booked') ?? null;
  const call = active ? await openCallOf(db, active.id) : undefined;
  const required = order.status === 'interview';
  // A held interview counts: no slots on offer, the citizen waits for the decision.
  const held = required && !active && (await interviewHeld(db, order.id));
  return {
    applicationId: order.id,
    orderNo: order.order_no,
    status: order.status as ApplicationStatus,
    required,
    mission: { id: mission.id, nameZh: mission.nameZh, cityZh: mission.cityZh, cityEn: mission.cityEn, timeZone: mission.timeZone, phone: mission.phone },
    timeZoneLabel: timeZoneLabel(mission.cityZh, mission.timeZone, new Date(now)),
    timeZoneOffset: zonedLabel(new Date(now), mission.timeZone).offset,
    booking: active ? bookingView(active, mission.timeZone, !!call, now) : null,
    call: call ? callView(call) : null,
    days: required && !held ? await freeSlotDays(db, mission, now) : [],
    past: bookings.filter((b) => b !== active).map((b) => bookingView(b, mission.timeZone, false, now)),
    heldNotice: held ? orderMessages.interviewHeld : null,
  };
}

export const screenshotUrl = (applicationId: string, shotId: string) => `/api/console/applications/${applicationId}/interview/screenshots/${shotId}`;

export async function screenshotsOf(db: Kysely<Database>, applicationId: string): Promise<InterviewScreenshotView[]> {
  const rows = await db
    .selectFrom('interview_screenshots as i')
    .innerJoin('staff', 'staff.id', 'i.taken_by')
    .select(['i.id', 'i.taken_at', 'staff.display_name'])
    .where('i.application_id', '=', applicationId)
    .orderBy('i.taken_at')
    .orderBy('i.id')
    .execute();
  return rows.map((row) => ({ id: row.id, takenAt: iso(row.taken_at), takenBy: row.display_name, url: screenshotUrl(applicationId, row.id) }));
}

export async function consoleInterview(db: Kysely<Database>, order: OrderRow, now = Date.now()): Promise<ConsoleInterview> {
  const mission = await missionZone(db, order.mission_id);
  if (order.status !== 'interview') await releaseStaleBookings(db, { applicationId: order.id });
  const bookings = await bookingsOf(db, order.id);
  const active = bookings.find((b) => b.status === 'booked') ?? null;
  const calls = await callsOf(db, order.id);
  const open = calls.find((c) => c.status === 'open' && c.booking_id === active?.id) ?? null;
  return {
    applicationId: order.id,
    status: order.status as ApplicationStatus,
    timeZone: mission.timeZone,
    timeZoneLabel: timeZoneLabel(mission.cityZh, mission.timeZone, new Date(now)),
    booking: active ? bookingView(active, mission.timeZone, !!open, now) : null,
    past: bookings.filter((b) => b !== active).map((b) => bookingView(b, mission.timeZone, false, now)),
    call: open ? callView(open) : null,
    calls: calls.map(callView),
    screenshots: await screenshotsOf(db, order.id),
    canStartCall: order.status === 'interview' && active !== null,
    held: order.status === 'interview' && !active && (await interviewHeld(db, order.id)),
  };
}

/**
 * Signals hold ICE candidates, i.e. the two sides' IP addresses: they are needed only while
 * a call is open, so they are deleted once it ends (whichever way it ended).
 */
export async function purgeEndedCallSignals(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('interview_signals')
    .where('call_id', 'in', db.selectFrom('interview_calls').select('id').where('status', '=', 'ended'))
    .execute();
}

/** Ends the open call of a booking (if any); returns its id, or null when none was open. */
export async function endOpenCall(db: Kysely<Database>, bookingId: string, staffId: string | null): Promise<string | null> {
  const ended = await db
    .updateTable('interview_calls')
    .set({ status: 'ended', ended_at: new Date(), ended_by: staffId })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (ended) await purgeEndedCallSignals(db);
  return ended?.id ?? null;
}
