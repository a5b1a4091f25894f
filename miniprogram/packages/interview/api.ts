/**
 * The citizen's side of the video interview API (server/interviews) — in the subpackage,
 * not the main package's api/, so only citizens with an interview download it. Same
 * request() as everywhere else (token, 401 → re-login once, ApiError with the server's code).
 */
import { request } from '../../api/request';
import { apiBaseUrl } from '../../config';
import type { CallTicket, CitizenInterview } from './domain/interview';

const enc = encodeURIComponent;

/** The booking, free slots (mission time), past bookings and an open call. */
export function fetchInterview(id: string): Promise<CitizenInterview> {
  return request<CitizenInterview>(`/api/applications/${enc(id)}/interview`);
}

/** Book a slot, or move the booking to it. 409 SLOT_TAKEN, SLOT_UNAVAILABLE, TOO_LATE, CALL_IN_PROGRESS, INTERVIEW_NOT_REQUIRED. */
export function bookSlot(id: string, slotId: string): Promise<CitizenInterview> {
  return request<CitizenInterview>(`/api/applications/${enc(id)}/interview/booking`, { method: 'POST', body: { slotId } });
}

/** Cancel the booking. 409 TOO_LATE, CALL_IN_PROGRESS, NO_BOOKING, INTERVIEW_NOT_REQUIRED. */
export function cancelBooking(id: string): Promise<CitizenInterview> {
  return request<CitizenInterview>(`/api/applications/${enc(id)}/interview/booking/cancel`, { method: 'POST', body: {} });
}

/** A one-use ticket for the call page. 409 CALL_NOT_OPEN while staff have not started the call. */
export function requestCallTicket(id: string): Promise<CallTicket> {
  return request<CallTicket>(`/api/applications/${enc(id)}/interview/call-ticket`, { method: 'POST', body: {} });
}

/** The call page our server serves (the API host is the mini-program's 业务域名 for <web-view>). */
export function callPageUrl(ticket: CallTicket): string {
  return `${apiBaseUrl()}${ticket.path}`;
}
