/**
 * 视频面审 in the console (server/interviews): the mission's slots, one application's
 * interview, starting and ending its call, screenshots. Types come from the staff
 * contract, contracts/interviews.ts (what the citizen sees too: miniprogram/domain/interview.ts).
 * The call's signalling is not here: it is in src/interview-call/peer-session.ts, which the
 * citizen's page uses as well.
 */
import type * as Contract from '../../../contracts/interviews';
import { ApiError, NETWORK_ERROR, request } from './http';
import type { ApiErrorBody } from './types';
import { t } from '../locale/zh-CN';

export type { InterviewBookingView, InterviewCallView } from '../../../miniprogram/domain/interview';
export type {
  CallStart,
  ConsoleInterview,
  ConsoleSchedule,
  ConsoleSlotView,
  CreateSlotsRequest,
  CreateSlotsResult,
  InterviewScreenshotView,
} from '../../../contracts/interviews';
export { SCREENSHOT_MAX_BYTES, SLOT_BATCH_MAX_DAYS, SLOT_MINUTES_CHOICES, interviewMessages } from '../../../miniprogram/domain/interview';

const application = (id: string) => `/api/console/applications/${encodeURIComponent(id)}/interview`;
const slot = (id: string) => `/api/console/interview-slots/${encodeURIComponent(id)}`;

export const interviewApi = {
  /** Mission dates 'YYYY-MM-DD', inclusive, at most SLOT_BATCH_MAX_DAYS apart. */
  schedule: (from: string, to: string) =>
    request<Contract.ConsoleSchedule>(`/api/console/interview-slots?${new URLSearchParams({ from, to })}`),
  createSlots: (body: Contract.CreateSlotsRequest) => request<Contract.CreateSlotsResult>('/api/console/interview-slots', { method: 'POST', body }),
  /** The citizen who booked it is told (消息中心) and books again. */
  cancelSlot: (slotId: string, note: string) => request<Contract.ConsoleSlotView>(`${slot(slotId)}/cancel`, { method: 'POST', body: { note } }),

  interview: (applicationId: string) => request<Contract.ConsoleInterview>(application(applicationId)),
  /** The citizen did not come: they are told and book again. */
  markMissed: (bookingId: string, note: string) =>
    request<Contract.ConsoleInterview>(`/api/console/interview-bookings/${encodeURIComponent(bookingId)}/missed`, { method: 'POST', body: { note } }),
  /** Starts the call for the booking, or rejoins the one already open. */
  startCall: (applicationId: string) => request<Contract.CallStart>(`${application(applicationId)}/calls`, { method: 'POST' }),
  /** The booking becomes 已面审; the order then moves on with 面审通过 (or 不予受理). */
  endCall: (callId: string) => request<Contract.ConsoleInterview>(`/api/console/interview-calls/${encodeURIComponent(callId)}/end`, { method: 'POST' }),

  /** A still of the applicant's video, sent as the PNG bytes themselves. */
  async uploadScreenshot(applicationId: string, png: Blob): Promise<Contract.InterviewScreenshotView> {
    let response: Response;
    try {
      response = await fetch(`${application(applicationId)}/screenshots`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'image/png' },
        credentials: 'same-origin',
        body: png,
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, t.errors.network);
    }
    const payload = (await response.json().catch(() => undefined)) as Contract.InterviewScreenshotView | Partial<ApiErrorBody> | undefined;
    if (response.ok && payload && 'url' in payload) return payload;
    const error = payload && 'error' in payload ? payload.error : undefined;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? t.errors.unexpected);
  },
};
