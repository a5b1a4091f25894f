/**
 * 到馆预约 in the console (server/appointments): types and their settings, slots per type,
 * the day's appointments, check-in by code or from a search, no-shows, mail requests.
 * Types come from the staff contract, contracts/appointments.ts.
 */
import type * as Contract from '../../../contracts/appointments';
import { request } from './http';

export type { InPersonKind } from '../../../miniprogram/domain/appointments';
export type {
  AppointmentTypeView,
  ConsoleAppointmentDay,
  ConsoleAppointmentSlot,
  ConsoleAppointmentView,
  ConsoleMailException,
  CreateAppointmentSlotsRequest,
  UpdateAppointmentTypeRequest,
} from '../../../contracts/appointments';
export { APPOINTMENT_KIND_LABELS, APPOINTMENT_MINUTES_CHOICES, IN_PERSON_KINDS } from '../../../contracts/appointments';

const booking = (id: string) => `/api/console/appointment-bookings/${encodeURIComponent(id)}`;

export const appointmentApi = {
  types: () => request<{ types: Contract.AppointmentTypeView[] }>('/api/console/appointment-types'),
  updateType: (kind: string, body: Contract.UpdateAppointmentTypeRequest) =>
    request<Contract.AppointmentTypeView>(`/api/console/appointment-types/${encodeURIComponent(kind)}`, { method: 'PUT', body }),
  createSlots: (body: Contract.CreateAppointmentSlotsRequest & { kind: string }) =>
    request<{ created: number; skipped: number }>('/api/console/appointment-slots', { method: 'POST', body }),
  cancelSlot: (slotId: string, note: string) =>
    request<Contract.ConsoleAppointmentSlot>(`/api/console/appointment-slots/${encodeURIComponent(slotId)}/cancel`, { method: 'POST', body: { note } }),
  /** A mission date's appointments and slots; `q` narrows to an order number, a name or a code. */
  day: (date: string, q = '') => request<Contract.ConsoleAppointmentDay>(`/api/console/appointments?${new URLSearchParams(q ? { date, q } : { date })}`),
  /** The code a scanner reads from the citizen's QR code (or typed). */
  checkInByCode: (code: string) => request<Contract.ConsoleAppointmentView>('/api/console/appointments/check-in', { method: 'POST', body: { code } }),
  checkIn: (bookingId: string) => request<Contract.ConsoleAppointmentView>(`${booking(bookingId)}/check-in`, { method: 'POST', body: {} }),
  noShow: (bookingId: string) => request<Contract.ConsoleAppointmentView>(`${booking(bookingId)}/no-show`, { method: 'POST', body: {} }),
  mailRequests: () => request<{ requests: Contract.ConsoleMailException[] }>('/api/console/appointment-mail-requests'),
  decide: (requestId: string, accept: boolean, note: string) =>
    request<Contract.ConsoleMailException>(`/api/console/appointment-mail-requests/${encodeURIComponent(requestId)}/decision`, { method: 'POST', body: { accept, note } }),
};
