/** The review workflow in the console: the mission's queue, one application, its actions. */
import type { ConsoleActionRequest, ConsoleApplication, Holder, JobView, QueuePage } from '../../../contracts/console-review';
import { request } from './http';

export type { ConsoleAllowedAction, ConsoleApplication, ConsoleDocument, ConsoleHistoryEntry, ConsoleStepGroup, Holder, QueueItem, QueuePage } from '../../../contracts/console-review';

export interface QueueQuery {
  status?: string;
  service?: string;
  district?: 'in' | 'cross' | 'all';
  waitingDays?: number;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== 0) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const application = (id: string) => `/api/console/applications/${encodeURIComponent(id)}`;

export const reviewApi = {
  queue: (query: QueueQuery) => request<QueuePage>(`/api/console/queue${queryString(query)}`),
  application: (id: string) => request<ConsoleApplication>(application(id)),
  act: (id: string, action: string, body: ConsoleActionRequest) =>
    request<ConsoleApplication>(`${application(id)}/actions/${encodeURIComponent(action)}`, { method: 'POST', body }),
  note: (id: string, note: string) => request<ConsoleApplication>(`${application(id)}/notes`, { method: 'POST', body: { note } }),
  jobs: () => request<{ jobs: JobView[] }>('/api/console/jobs'),
  claim: (id: string, staffId?: string) => request<{ claimedBy: Holder | null }>(`${application(id)}/claim`, { method: 'POST', body: staffId ? { staffId } : {} }),
  /** Supervisors: the mission's enabled staff, to assign an order to. */
  colleagues: () => request<{ staff: Colleague[] }>('/api/console/colleagues'),
  release: (id: string) => request<{ claimedBy: null }>(`${application(id)}/release`, { method: 'POST', body: {} }),
  /** j / k: the order before or after this one in queue order. */
  neighbour: (id: string, direction: 'next' | 'previous', status?: string) =>
    request<{ id: string | null }>(`/api/console/queue/neighbour${queryString({ id, direction, status })}`),
  /** 下一份: claims the first unclaimed order of the status and returns it. */
  takeNext: (status?: string) => request<{ id: string | null }>('/api/console/queue/take-next', { method: 'POST', body: status ? { status } : {} }),
  earlierPhotos: (id: string) => request<{ photos: EarlierPhoto[] }>(`${application(id)}/earlier-photos`),
  supplementReasons: (service: string) => request<{ items: SupplementReasonGroup[] }>(`/api/console/supplement-reasons?service=${encodeURIComponent(service)}`),
  dashboard: (days = 14) => request<Dashboard>(`/api/console/dashboard?days=${days}`),
  saveSupplementReasons: (item: string, reasons: string[]) =>
    request<{ item: string; reasons: string[] }>(`/api/console/supplement-reasons/${encodeURIComponent(item)}`, { method: 'PUT', body: { reasons } }),
};

export interface Colleague extends Holder {
  role: 'reviewer' | 'supervisor' | 'admin';
}

export interface EarlierPhoto {
  applicationId: string;
  orderNo: string | null;
  submittedAt: string | null;
  url: string;
}

export interface SupplementReasonGroup {
  item: string;
  label: string;
  reasons: string[];
}

/** GET /api/console/dashboard (supervisors). */
export interface Dashboard {
  days: Array<{ date: string; arrivals: number; decisions: number }>;
  queue: { size: number; medianDays: number | null; oldestDays: number | null };
  reviewers: Array<{ staffId: string; name: string; decisions: number; approvals: number }>;
  slaWorkingDays: number;
  breaches: Array<{ id: string; orderNo: string | null; statusLabel: string; workingDays: number }>;
}
