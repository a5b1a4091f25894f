/** 领事资讯 in the console: news, travel-safety alerts, the mission country's guide. */
import type { DestinationGuide, TravelAlert } from '../../../miniprogram/domain/info-api-types';
import type {
  CreateTravelAlertRequest,
  SaveGuideRequest,
  SaveNewsRequest,
  StaffNewsArticle,
  StaffNewsList,
} from '../../../contracts/info';
import { request } from './http';

export type { DestinationGuide, TravelAlert } from '../../../miniprogram/domain/info-api-types';
export type { StaffNewsArticle } from '../../../contracts/info';

export interface StaffTravelAlert extends TravelAlert {
  status: 'scheduled' | 'active' | 'ended';
  missionId: string;
  createdAt: string;
}

const news = (id: string, action = '') => `/api/console/info/news/${encodeURIComponent(id)}${action}`;

export const infoApi = {
  news: (cursor?: string | null) =>
    request<StaffNewsList>(`/api/console/info/news?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  createNews: (body: SaveNewsRequest) => request<StaffNewsArticle>('/api/console/info/news', { method: 'POST', body }),
  updateNews: (id: string, body: SaveNewsRequest) => request<StaffNewsArticle>(news(id), { method: 'PUT', body }),
  /** Now, or at `publishAt` (ISO 8601) — scheduled until then. */
  publishNews: (id: string, publishAt?: string) =>
    request<StaffNewsArticle>(news(id, '/publish'), { method: 'POST', body: publishAt ? { publishAt } : {} }),
  unpublishNews: (id: string) => request<StaffNewsArticle>(news(id, '/unpublish'), { method: 'POST' }),
  pinNews: (id: string, pinned: boolean) => request<StaffNewsArticle>(news(id, '/pin'), { method: 'POST', body: { pinned } }),

  alerts: () => request<{ alerts: StaffTravelAlert[] }>('/api/console/info/alerts'),
  createAlert: (body: CreateTravelAlertRequest) => request<StaffTravelAlert>('/api/console/info/alerts', { method: 'POST', body }),
  endAlert: (id: string) => request<StaffTravelAlert>(`/api/console/info/alerts/${encodeURIComponent(id)}/end`, { method: 'POST' }),

  /** The public guide (404 when the country has none yet). */
  guide: (countryCode: string) => request<DestinationGuide>(`/api/info/guides/${encodeURIComponent(countryCode)}`),
  saveGuide: (countryCode: string, body: SaveGuideRequest) =>
    request<DestinationGuide>(`/api/console/info/guides/${encodeURIComponent(countryCode)}`, { method: 'PUT', body }),
};
