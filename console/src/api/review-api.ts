/** The review workflow in the console: the mission's queue, one application, its actions. */
import type { ConsoleActionRequest, ConsoleApplication, JobView, QueuePage } from '../../../miniprogram/domain/order-api-types';
import { request } from './http';

export type { ConsoleAllowedAction, ConsoleApplication, ConsoleDocument, ConsoleHistoryEntry, QueueItem, QueuePage } from '../../../miniprogram/domain/order-api-types';

export interface QueueQuery {
  status?: string;
  service?: string;
  district?: 'in' | 'cross' | 'all';
  waitingDays?: number;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

function queryString(query: QueueQuery): string {
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
};
