import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  type AppointmentBookingView,
  type AppointmentDay,
  type AppointmentSlotView,
  type CitizenAppointment,
  type CitizenAppointments,
  type InPersonKind,
  type MailExceptionView,
  mapLink,
} from '../../miniprogram/domain/appointments';
import {
  APPOINTMENT_HORIZON_DAYS,
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_STATUS_LABELS,
  MAIL_EXCEPTION_LABELS,
} from '../../contracts/appointments';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { AppointmentBookingTable, AppointmentMailRequestTable, AppointmentSlotTable, ApplicationTable, Database } from '../db/schema';
import { applicableAppointmentRules, appointmentDone } from '../workflow/appointment-gate';
import { timeZoneLabel, whenLabel, zonedLabel } from '../workflow/slot-times';
import { activeType } from './appointment-types';

/** Loading an order's appointments (bookings, free slots, mail requests) and the views the API returns. */

export type OrderRow = Selectable<ApplicationTable>;
export type SlotRow = Selectable<AppointmentSlotTable>;
export type BookingRow = Selectable<AppointmentBookingTable> & { starts_at: Date | string; ends_at: Date | string };
export type MailRequestRow = Selectable<AppointmentMailRequestTable>;

const iso = (value: Date | string) => new Date(value).toISOString();

/** Where the citizen goes: the mission's name, address, phone and zone. */
export interface MissionPlace {
  id: string;
  nameZh: string;
  cityZh: string;
  address: string;
  phone: string;
  timeZone: string;
}

export async function missionPlace(db: Kysely<Database>, missionId: string): Promise<MissionPlace> {
  const row = await db.selectFrom('missions').select(['id', 'name_zh', 'city_zh', 'address_zh', 'phone', 'timezone']).where('id', '=', missionId).executeTakeFirstOrThrow();
  return { id: row.id, nameZh: row.name_zh, cityZh: row.city_zh, address: row.address_zh, phone: row.phone, timeZone: row.timezone };
}

export const whenAt = (startsAt: Date | string, mission: MissionPlace) => whenLabel(new Date(startsAt), mission.timeZone, mission.cityZh);

export function slotView(slot: Pick<SlotRow, 'id' | 'starts_at' | 'ends_at' | 'capacity' | 'booked'>, timeZone: string): AppointmentSlotView {
  const minutes = Math.round((new Date(slot.ends_at).getTime() - new Date(slot.starts_at).getTime()) / 60_000);
  return {
    id: slot.id,
    startsAt: iso(slot.starts_at),
    endsAt: iso(slot.ends_at),
    minutes,
    local: zonedLabel(new Date(slot.starts_at), timeZone),
    capacity: slot.capacity,
    free: Math.max(0, slot.capacity - slot.booked),
  };
}

export function bookingQuery(db: Kysely<Database>) {
  return db.selectFrom('appointment_bookings as b').innerJoin('appointment_slots as s', 's.id', 'b.slot_id').selectAll('b').select(['s.starts_at', 's.ends_at']);
}

/** The order's live booking of `kind`, locked when asked (inside a transaction). */
export async function liveBooking(db: Kysely<Database>, applicationId: string, kind: InPersonKind, options: { forUpdate?: boolean } = {}): Promise<BookingRow | null> {
  let query = bookingQuery(db).where('b.application_id', '=', applicationId).where('b.kind', '=', kind).where('b.status', '=', 'booked');
  if (options.forUpdate) query = query.forUpdate('b');
  return (await query.executeTakeFirst()) ?? null;
}

/** The citizen may still move or cancel: booked, and more than the type's cut-off ahead. */
export const bookingChangeable = (booking: Pick<BookingRow, 'status' | 'starts_at'>, cutoffHours: number, now = Date.now()) =>
  booking.status === 'booked' && new Date(booking.starts_at).getTime() - now > cutoffHours * 3_600_000;

export function bookingView(row: BookingRow, mission: MissionPlace, cutoffHours: number, now = Date.now()): AppointmentBookingView {
  return {
    id: row.id,
    kind: row.kind,
    slotId: row.slot_id,
    status: row.status,
    statusLabel: APPOINTMENT_STATUS_LABELS[row.status],
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    local: zonedLabel(new Date(row.starts_at), mission.timeZone),
    when: whenAt(row.starts_at, mission),
    code: row.code,
    canChange: bookingChangeable(row, cutoffHours, now),
    note: row.note,
  };
}

export const mailRequestView = (row: MailRequestRow): MailExceptionView => ({
  id: row.id,
  status: row.status,
  statusLabel: MAIL_EXCEPTION_LABELS[row.status],
  reason: row.reason,
  note: row.note,
  requestedAt: iso(row.requested_at),
});

/** The newest mail request of the order for `kind` (an accepted or pending one first). */
export function latestMailRequest(db: Kysely<Database>, applicationId: string, kind: InPersonKind): Promise<MailRequestRow | undefined> {
  return db
    .selectFrom('appointment_mail_requests')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Free slots of a type: not cancelled, places left, starting between now and the horizon. */
export async function freeDays(db: Kysely<Database>, typeId: string, timeZone: string, now = Date.now()): Promise<AppointmentDay[]> {
  const slots = await db
    .selectFrom('appointment_slots')
    .selectAll()
    .where('type_id', '=', typeId)
    .where('cancelled_at', 'is', null)
    .whereRef('booked', '<', 'capacity')
    .where('starts_at', '>', new Date(now))
    .where('starts_at', '<=', new Date(now + APPOINTMENT_HORIZON_DAYS * 86_400_000))
    .orderBy('starts_at')
    .limit(3000)
    .execute();
  const days: AppointmentDay[] = [];
  for (const slot of slots) {
    const view = slotView(slot, timeZone);
    const last = days[days.length - 1];
    if (last && last.date === view.local.date) last.slots.push(view);
    else days.push({ date: view.local.date, dateLabel: view.local.dateLabel, slots: [view] });
  }
  return days;
}

export async function citizenAppointments(db: Kysely<Database>, order: OrderRow, now = Date.now()): Promise<CitizenAppointments> {
  const mission = await missionPlace(db, order.mission_id);
  const service = findApplicationService(order.service);
  const appointments: CitizenAppointment[] = [];
  for (const rule of await applicableAppointmentRules(db, order, service)) {
    const type = (await activeType(db, order.mission_id, rule.kind))!;
    const booking = await liveBooking(db, order.id, rule.kind);
    const done = await appointmentDone(db, order.id, rule.kind);
    const open = rule.bookableIn.includes(order.status) && !done;
    const mail = await latestMailRequest(db, order.id, rule.kind);
    appointments.push({
      kind: rule.kind,
      kindLabel: APPOINTMENT_KIND_LABELS[rule.kind],
      open,
      done,
      minutes: type.minutes,
      cutoffHours: type.cutoff_hours,
      booking: booking ? bookingView(booking, mission, type.cutoff_hours, now) : null,
      days: open ? await freeDays(db, type.id, mission.timeZone, now) : [],
      mailExceptionOffered: rule.mailException === true,
      mailException: mail ? mailRequestView(mail) : null,
    });
  }
  return {
    applicationId: order.id,
    orderNo: order.order_no,
    status: order.status,
    mission: { id: mission.id, nameZh: mission.nameZh, address: mission.address, phone: mission.phone, timeZone: mission.timeZone, mapUrl: mapLink(mission.address) },
    timeZoneLabel: timeZoneLabel(mission.cityZh, mission.timeZone, new Date(now)),
    appointments,
  };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The booking's check-in code: 12 characters without look-alikes (a person may have to type it). */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Gives a booking's seat back to its slot (cancelled before it happened). */
export async function releaseSeat(db: Kysely<Database>, slotId: string): Promise<void> {
  await db.updateTable('appointment_slots').set((eb) => ({ booked: eb('booked', '-', 1) })).where('id', '=', slotId).where('booked', '>', 0).execute();
}
