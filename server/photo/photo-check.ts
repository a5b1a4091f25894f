/**
 * Server-side checks for uploaded images — one import for the routes:
 *
 *  - `image-gate.ts`: size, magic bytes and declared pixels, before any pixel is decoded; the
 *    finding and result shapes every check shares;
 *  - `id-photo.ts`: the 证件照 (ID photo) check — the face, the head against the mission's
 *    ranges, picture quality (`photo-metrics.ts`), the normalized photo and the proposed crop;
 *    its tunables in `id-photo-rules.ts`;
 *  - `document-image.ts`: every other upload (passport data page, guardian documents…).
 */
export type { PhotoIssueCode } from './photo-messages';
export { type ImageCheckBase, type PhotoFinding, type PhotoSeverity, sniffImageFormat, type UploadImageFormat } from './image-gate';
export { DEFAULT_PHOTO_RULES, type PhotoRules } from './id-photo-rules';
export { type HeadLayout, measure, type PhotoMetrics } from './photo-metrics';
export { type AutoCrop, checkIdPhoto, type FaceReport, type IdPhotoCheckOptions, type PhotoCheckResult } from './id-photo';
export { checkDocumentImage, DEFAULT_DOCUMENT_RULES, type DocumentCheckResult, type DocumentRules } from './document-image';
