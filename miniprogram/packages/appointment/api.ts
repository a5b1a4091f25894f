/**
 * The citizen's side of the appointment API (server/appointments) — in the subpackage, so
 * only citizens with an appointment download it. Same request() as everywhere else.
 */
import { request } from '../../api/request';
import type { CitizenAppointments } from './domain/appointments';

const enc = encodeURIComponent;
const base = (id: string, kind: string) => `/api/applications/${enc(id)}/appointments/${enc(kind)}`;

/** What the order needs, bookings, free slots (mission time), mail requests, the mission's address. */
export function fetchAppointments(id: string): Promise<CitizenAppointments> {
  return request<CitizenAppointments>(`/api/applications/${enc(id)}/appointments`);
}

/** Book a slot, or move the booking to it. 409 SLOT_FULL, SLOT_UNAVAILABLE, TOO_LATE, APPOINTMENT_NOT_OPEN, ALREADY_DONE. */
export function bookAppointment(id: string, kind: string, slotId: string): Promise<CitizenAppointments> {
  return request<CitizenAppointments>(`${base(id, kind)}/booking`, { method: 'POST', body: { slotId } });
}

/** 409 TOO_LATE (past the cut-off), NO_BOOKING. */
export function cancelAppointment(id: string, kind: string): Promise<CitizenAppointments> {
  return request<CitizenAppointments>(`${base(id, kind)}/booking/cancel`, { method: 'POST', body: {} });
}

/** Ask to do it by two-way mail, with a reason. 400 (reason), 409 MAIL_EXCEPTION_EXISTS / _NOT_OFFERED. */
export function askMailException(id: string, kind: string, reason: string): Promise<CitizenAppointments> {
  return request<CitizenAppointments>(`${base(id, kind)}/mail-exception`, { method: 'POST', body: { reason } });
}
