import { z } from 'zod';
import { APPOINTMENT_KINDS, IN_PERSON_KINDS } from '../../contracts/appointments';

/** Response schemas of the appointment routes (shapes: miniprogram/domain/appointments.ts, contracts/appointments.ts). */

const zonedLabel = z.object({ date: z.string(), time: z.string(), dateLabel: z.string(), offset: z.string() });
const inPersonKind = z.enum(IN_PERSON_KINDS as [string, ...string[]]);
const bookingStatus = z.enum(['booked', 'cancelled', 'checked_in', 'no_show']);
const slot = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), minutes: z.number(), local: zonedLabel, capacity: z.number(), free: z.number() });
const mailException = z.object({
  id: z.string(),
  status: z.enum(['pending', 'accepted', 'refused']),
  statusLabel: z.string(),
  reason: z.string(),
  note: z.string().nullable(),
  requestedAt: z.string(),
});

export const citizenAppointmentsSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  status: z.string(),
  mission: z.object({ id: z.string(), nameZh: z.string(), address: z.string(), phone: z.string(), timeZone: z.string(), mapUrl: z.string() }),
  timeZoneLabel: z.string(),
  appointments: z.array(
    z.object({
      kind: inPersonKind,
      kindLabel: z.string(),
      open: z.boolean(),
      done: z.boolean(),
      minutes: z.number(),
      cutoffHours: z.number(),
      booking: z
        .object({
          id: z.string(),
          kind: inPersonKind,
          slotId: z.string(),
          status: bookingStatus,
          statusLabel: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          local: zonedLabel,
          when: z.string(),
          code: z.string(),
          canChange: z.boolean(),
          note: z.string().nullable(),
        })
        .nullable(),
      days: z.array(z.object({ date: z.string(), dateLabel: z.string(), slots: z.array(slot) })),
      mailExceptionOffered: z.boolean(),
      mailException: mailException.nullable(),
    }),
  ),
});

export const appointmentTypeSchema = z.object({
  id: z.string(),
  kind: z.enum(APPOINTMENT_KINDS as [string, ...string[]]),
  kindLabel: z.string(),
  minutes: z.number(),
  capacity: z.number(),
  cutoffHours: z.number(),
  active: z.boolean(),
});

export const consoleAppointmentSchema = z.object({
  id: z.string(),
  kind: inPersonKind,
  kindLabel: z.string(),
  status: bookingStatus,
  statusLabel: z.string(),
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  applicantName: z.string().nullable(),
  startsAt: z.string(),
  local: zonedLabel,
  checkedInAt: z.string().nullable(),
});

export const consoleSlotSchema = slot.extend({ kind: inPersonKind, cancelled: z.boolean(), booked: z.number() });

export const consoleDaySchema = z.object({
  date: z.string(),
  dateLabel: z.string(),
  timeZoneLabel: z.string(),
  appointments: z.array(consoleAppointmentSchema),
  slots: z.array(consoleSlotSchema),
});

export const consoleMailRequestSchema = mailException.extend({
  kind: inPersonKind,
  kindLabel: z.string(),
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  applicantName: z.string().nullable(),
});
