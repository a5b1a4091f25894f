import { infoMessages } from './info-messages';
import { Check, fail, normalizeInput, pass } from './validation';

/**
 * 领事认证查验: the numbers printed on a legalization sticker, the authorities that sign
 * them, and the document types — shared by the verification page, the console import and
 * the server, so a number the page accepts is a number the server can find.
 */

/** Who signed the legalization: the Ministry, a provincial foreign affairs office, or a mission abroad. */
export type AuthorityKind = 'ministry' | 'foreign_affairs_office' | 'mission';

export type DocumentType =
  | 'civil_status'
  | 'education'
  | 'no_criminal_record'
  | 'kinship'
  | 'power_of_attorney'
  | 'declaration'
  | 'commercial'
  | 'other';

export const documentTypeLabels: Record<DocumentType, string> = {
  civil_status: '出生、婚姻等民事状况文书',
  education: '学历学位证明',
  no_criminal_record: '无犯罪记录证明',
  kinship: '亲属关系证明',
  power_of_attorney: '委托书',
  declaration: '声明书',
  commercial: '商业文书（营业执照、合同、发票等）',
  other: '其他文书',
};

export const DOCUMENT_TYPES = Object.keys(documentTypeLabels) as DocumentType[];

/** A document type by its code or by its Chinese label (staff fill spreadsheets in Chinese). */
export function parseDocumentType(raw: string): DocumentType | null {
  const value = normalizeInput(raw);
  if ((DOCUMENT_TYPES as string[]).includes(value)) return value as DocumentType;
  const byLabel = DOCUMENT_TYPES.find((type) => documentTypeLabels[type] === value);
  return byLabel ?? null;
}

/**
 * The canonical form of a printed number: half-width, upper case, without the spaces and
 * hyphens people add when copying it. Applied on import and on lookup alike.
 */
export function normalizeDocumentNumber(raw: unknown): string {
  return normalizeInput(raw).replace(/[\s\-‐-―－]/g, '').toUpperCase();
}

/** YYYY-MM-DD (also YYYY/M/D and YYYY.M.D, as people copy dates) naming a real calendar day. */
export function parseCalendarDate(raw: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const LEGALIZATION_NO = /^[0-9A-Z]{4,32}$/;
const STICKER_NO = /^[0-9A-Z]{6,16}$/;

/** A number printed on a sticker or certificate, normalized, then held to its pattern. */
export function checkPrintedNumber(raw: unknown, pattern: RegExp, messages: { required: string; format: string }): Check {
  const value = normalizeDocumentNumber(raw);
  if (!value) return fail(messages.required);
  return pattern.test(value) ? pass(value) : fail(messages.format);
}

export const checkLegalizationNo = (raw: unknown): Check =>
  checkPrintedNumber(raw, LEGALIZATION_NO, { required: infoMessages.legalizationNoRequired, format: infoMessages.legalizationNoFormat });

export const checkStickerNo = (raw: unknown): Check =>
  checkPrintedNumber(raw, STICKER_NO, { required: infoMessages.stickerNoRequired, format: infoMessages.stickerNoFormat });

/** Authority ids are short slugs; whether the id exists is the server's (or the picker's) business. */
export function checkAuthorityId(
  raw: unknown,
  messages: { required: string; unknown: string } = { required: infoMessages.authorityRequired, unknown: infoMessages.authorityUnknown },
): Check {
  const value = normalizeInput(raw);
  if (!value) return fail(messages.required);
  return /^[a-z0-9-]{2,64}$/.test(value) ? pass(value) : fail(messages.unknown);
}

export interface VerifyInput {
  legalizationNo: string;
  stickerNo: string;
  authorityId: string;
}

export type VerifyInputCheck =
  | { ok: true; value: VerifyInput }
  | { ok: false; errors: Partial<Record<keyof VerifyInput, string>> };

/** A form's field checks → its normalized values, or the message of each bad field. */
export function collectChecks<F extends string>(
  checks: Record<F, Check>,
): { ok: true; value: Record<F, string> } | { ok: false; errors: Partial<Record<F, string>> } {
  const errors: Partial<Record<F, string>> = {};
  const value = {} as Record<F, string>;
  for (const [field, check] of Object.entries(checks) as Array<[F, Check]>) {
    if (check.ok) value[field] = check.value;
    else errors[field] = check.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The verification form, checked the same way on the page and on the server. */
export function validateVerifyInput(input: { legalizationNo?: unknown; stickerNo?: unknown; authorityId?: unknown }): VerifyInputCheck {
  return collectChecks<keyof VerifyInput>({
    legalizationNo: checkLegalizationNo(input.legalizationNo),
    stickerNo: checkStickerNo(input.stickerNo),
    authorityId: checkAuthorityId(input.authorityId),
  });
}

/** Shown to staff in place of a sticker number: the last four characters only. */
export function maskStickerNo(stickerNo: string): string {
  return stickerNo.length <= 4 ? '*'.repeat(stickerNo.length) : `${'*'.repeat(stickerNo.length - 4)}${stickerNo.slice(-4)}`;
}
