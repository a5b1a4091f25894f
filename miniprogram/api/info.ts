/** 领事资讯: news, travel-safety alerts and destination guides. Public and cacheable; no login. */
import type { DestinationGuide, NewsArticle, NewsList, TravelAlert, TravelAlertList } from '../domain/info-api-types';
import { request } from './request';

/** Alerts in force, most severe first; every country without `countryCode`. */
export async function fetchAlerts(countryCode?: string): Promise<TravelAlert[]> {
  const query = countryCode ? `?country=${encodeURIComponent(countryCode)}` : '';
  return (await request<TravelAlertList>(`/api/info/alerts${query}`, { auth: false })).alerts;
}

export function fetchNews(missionId: string, cursor?: string | null, limit = 20): Promise<NewsList> {
  const params = [`missionId=${encodeURIComponent(missionId)}`, `limit=${limit}`];
  if (cursor) params.push(`cursor=${encodeURIComponent(cursor)}`);
  return request<NewsList>(`/api/info/news?${params.join('&')}`, { auth: false });
}

export function fetchArticle(id: string): Promise<NewsArticle> {
  return request<NewsArticle>(`/api/info/news/${encodeURIComponent(id)}`, { auth: false });
}

export function fetchGuide(countryCode: string): Promise<DestinationGuide> {
  return request<DestinationGuide>(`/api/info/guides/${encodeURIComponent(countryCode)}`, { auth: false });
}
