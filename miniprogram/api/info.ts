/** 领事资讯: news, travel-safety alerts and destination guides. Public and cacheable; no login. */
import type { DestinationGuide, NewsArticle, NewsList, TravelAlert, TravelAlertList } from '../domain/info-api-types';
import { requestRevalidated } from './request';

/** How long an alerts answer serves every caller without asking again (the server's max-age is 60 s). */
export const ALERTS_FRESH_MS = 60_000;

const alertsAnswers = new Map<string, { at: number; answer: Promise<TravelAlert[]> }>();

/** Alerts in force, most severe first; every country without `countryCode`. */
export async function fetchAlerts(countryCode?: string): Promise<TravelAlert[]> {
  const query = countryCode ? `?country=${encodeURIComponent(countryCode)}` : '';
  return (await requestRevalidated<TravelAlertList>(`/api/info/alerts${query}`)).alerts;
}

/**
 * fetchAlerts for the home page's banner, which asks on launch, when the mission arrives
 * and on every show: callers share one request while it is on its way, and its answer for
 * a minute. (The alerts pages, opened on purpose, always ask.)
 */
export function sharedAlerts(countryCode: string, now: () => number = Date.now): Promise<TravelAlert[]> {
  const key = countryCode;
  const cached = alertsAnswers.get(key);
  if (cached && now() - cached.at < ALERTS_FRESH_MS) return cached.answer;
  const answer = fetchAlerts(countryCode);
  alertsAnswers.set(key, { at: now(), answer });
  // A failure is not remembered: the next caller tries again.
  answer.catch(() => {
    if (alertsAnswers.get(key)?.answer === answer) alertsAnswers.delete(key);
  });
  return answer;
}

export function fetchNews(missionId: string, cursor?: string | null, limit = 20): Promise<NewsList> {
  const params = [`missionId=${encodeURIComponent(missionId)}`, `limit=${limit}`];
  if (cursor) params.push(`cursor=${encodeURIComponent(cursor)}`);
  return requestRevalidated<NewsList>(`/api/info/news?${params.join('&')}`);
}

export function fetchArticle(id: string): Promise<NewsArticle> {
  return requestRevalidated<NewsArticle>(`/api/info/news/${encodeURIComponent(id)}`);
}

export function fetchGuide(countryCode: string): Promise<DestinationGuide> {
  return requestRevalidated<DestinationGuide>(`/api/info/guides/${encodeURIComponent(countryCode)}`);
}
