/**
 * Shapes of the legalization-verification and consular-information APIs, shared by the
 * mini-program's request layer, the console and the server's route schemas (checked
 * against these with `satisfies`).
 */
import type { AlertLevel } from './alert-levels';
import type { Mission } from './api-types';
import type { ArticleBlock } from './article-blocks';
import type { GuideSection } from './destination-guides';
import type { AuthorityKind, DocumentType } from './legalization';

// ── 领事认证查验 ─────────────────────────────────────────────────────────────

export interface AuthorityList {
  authorities: Array<{ id: string; kind: AuthorityKind; nameZh: string; nameEn: string }>;
}

export interface VerifyLegalizationRequest {
  legalizationNo: string;
  stickerNo: string;
  authorityId: string;
}

export interface VerifiedRecord {
  documentType: DocumentType;
  documentTypeZh: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  authorityId: string;
  authorityName: string;
}

/**
 * The three answers of a public registry check (legalization or apostille): genuine, revoked
 * (with the day), or not_found — the same whether the number is unknown or a detail is wrong.
 */
export type VerifyAnswer<R> =
  | { result: 'genuine'; record: R }
  | { result: 'revoked'; record: R & { revokedOn: string } }
  | { result: 'not_found' };

export type VerifyLegalizationResponse = VerifyAnswer<VerifiedRecord>;

// ── 领事资讯: news ───────────────────────────────────────────────────────────

export interface NewsSummary {
  id: string;
  missionId: string;
  title: string;
  excerpt: string;
  coverImageUrl: string | null;
  pinned: boolean;
  publishedAt: string;
}

export interface NewsList {
  items: NewsSummary[];
  /** Pass as ?cursor= for the next page; null at the end. */
  nextCursor: string | null;
}

export interface NewsArticle {
  id: string;
  missionId: string;
  title: string;
  body: ArticleBlock[];
  pinned: boolean;
  publishedAt: string;
  updatedAt: string;
}

// ── 海外安全提醒: travel-safety alerts ─────────────────────────────────────

export interface TravelAlert {
  id: string;
  countryCode: string;
  level: AlertLevel;
  levelZh: string;
  title: string;
  body: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
}

export interface TravelAlertList {
  alerts: TravelAlert[];
}

// ── 出行指南: destination guides ───────────────────────────────────────────

export interface EmergencyNumber {
  labelZh: string;
  number: string;
}

export interface DestinationGuide {
  countryCode: string;
  countryZh: string;
  sections: Record<GuideSection, ArticleBlock[]>;
  emergencyNumbers: EmergencyNumber[];
  /** The country's missions, always current from the missions table. */
  missions: Mission[];
  updatedAt: string | null;
}

// ── 附加证明书查验 (apostille) ──────────────────────────────────────────────

/** POST /api/legalization/apostille/verify */
export interface VerifyApostilleRequest {
  apostilleNo: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  authorityId: string;
}

/** What the Convention's register holds about one apostille, as the public check shows it. */
export interface VerifiedApostille {
  apostilleNo: string;
  issuedOn: string;
  /** Who signed and in what capacity; null for an unsigned document (then sealOf says whose seal it bears). */
  signerName: string | null;
  signerCapacity: string | null;
  /** Whose seal or stamp the document bears, when no one signed it (box 4 of the model certificate). */
  sealOf: string | null;
  authorityId: string;
  authorityName: string;
}

export type VerifyApostilleResponse = VerifyAnswer<VerifiedApostille>;
