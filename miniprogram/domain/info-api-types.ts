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

/** Console: one registry record. The sticker number is stored only as a keyed hash. */
export interface LegalizationRecord {
  id: string;
  legalizationNo: string;
  stickerNoMasked: string;
  authorityId: string;
  authorityName: string;
  documentType: DocumentType;
  issuedOn: string;
  status: 'genuine' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
  batchId: string | null;
  createdAt: string;
}

export interface CreateLegalizationRecordRequest {
  legalizationNo: string;
  stickerNo: string;
  authorityId: string;
  /** A code or its Chinese label. */
  documentType: string;
  issuedOn: string;
}

export interface RevokeLegalizationRecordRequest {
  reason: string;
}

/** POST /api/console/legalization/imports: JSON `{ csv, fileName? }` or a text/csv body. */
export interface ImportLegalizationRequest {
  csv: string;
  fileName?: string;
}

export interface ImportBatch {
  id: string;
  fileName: string | null;
  rowCount: number;
  staffId: string;
  createdAt: string;
}

/** 400 CSV_INVALID / CSV_ENCODING: the error body carries the offending lines (1 = header line). */
export interface ImportErrorBody {
  error: {
    code: 'CSV_INVALID' | 'CSV_ENCODING';
    message: string;
    lines: Array<{ line: number; message: string }>;
    /** All bad lines; `lines` lists at most the first 200. */
    lineCount: number;
  };
}

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

export interface SaveGuideRequest {
  sections: Partial<Record<GuideSection, ArticleBlock[]>>;
  emergencyNumbers: EmergencyNumber[];
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

/** Console: one apostille in the registry. */
export interface ApostilleRecord extends VerifiedApostille {
  id: string;
  status: 'genuine' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
  batchId: string | null;
  createdAt: string;
}
