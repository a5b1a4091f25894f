/**
 * 领事资讯's staff contract (server/info ↔ console/src/api/info-api.ts): news in every state,
 * and what staff send to write news, travel-safety alerts and destination guides. Staff-only,
 * so not in miniprogram/domain/info-api-types.ts, which holds what the citizen reads.
 */
import type { AlertLevel } from '../miniprogram/domain/alert-levels';
import type { ArticleBlock } from '../miniprogram/domain/article-blocks';
import type { GuideSection } from '../miniprogram/domain/destination-guides';
import type { EmergencyNumber } from '../miniprogram/domain/info-api-types';

export type NewsStatus = 'draft' | 'scheduled' | 'published';

/** Console view: every state, with who wrote it. */
export interface StaffNewsArticle {
  id: string;
  missionId: string;
  title: string;
  body: ArticleBlock[];
  pinned: boolean;
  status: NewsStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StaffNewsList {
  items: StaffNewsArticle[];
  nextCursor: string | null;
}

export interface SaveNewsRequest {
  title: string;
  body: ArticleBlock[];
  pinned?: boolean;
}

export interface PublishNewsRequest {
  /** ISO 8601; absent → now; in the future → scheduled. */
  publishAt?: string;
}

export interface CreateTravelAlertRequest {
  level: AlertLevel;
  title: string;
  body: string;
  /** Defaults to the staff member's mission country; any other country is refused. */
  countryCode?: string;
  /** Only the registered citizens of this region (a district name) and/or city are messaged; unset: the whole country. */
  region?: string;
  city?: string;
  effectiveFrom?: string;
  effectiveUntil?: string | null;
}

export interface SaveGuideRequest {
  sections: Partial<Record<GuideSection, ArticleBlock[]>>;
  emergencyNumbers: EmergencyNumber[];
}
