import { localizedMessages } from './message-locale';
import { messages } from './messages';
import { Check, fail, normalizeInput, pass } from './validation';

/**
 * Identity documents a citizen can verify with: the Chinese resident ID card
 * (GB 11643-1999) or an ordinary passport. Pure functions, shared by the
 * mini-program's forms and the server.
 */
export type IdType = 'resident_id' | 'passport';
export const ID_TYPES: readonly IdType[] = ['resident_id', 'passport'];

/** In the current message locale (domain/message-locale.ts). */
export const idTypeLabels: Record<IdType, string> = localizedMessages({
  'zh-CN': { resident_id: '居民身份证', passport: '普通护照' },
  'zh-Hant': { resident_id: '居民身份證', passport: '普通護照' },
  en: { resident_id: 'Resident ID card', passport: 'Ordinary passport' },
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Province-level codes (first two digits) in use under GB/T 2260, incl. 71/81/82. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Birth date encoded in a resident ID number, as YYYY-MM-DD (no validation). */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function checkResidentId(raw: unknown, today: Date = new Date()): Check {
  const id = normalizeInput(raw).toUpperCase();
  if (!id) return fail(messages.idNumberRequired);
  if (id.length !== 18) return fail(messages.residentIdLength);
  if (!/^\d{17}[\dX]$/.test(id)) return fail(messages.residentIdFormat);
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return fail(messages.residentIdArea);
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  // GB 11643 encodes any real past date (people born before 1900 hold valid numbers).
  if (!isRealDate(year, month, day) || birth > today.getTime()) {
    return fail(messages.residentIdBirthDate);
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return fail(messages.residentIdChecksum);
  return pass(id);
}

/** Ordinary passport: G + 8 digits, E + 8 digits, or E + a letter other than I/O + 7 digits. */
const PASSPORT_PATTERN = /^(G\d{8}|E\d{8}|E[A-HJ-NP-Z]\d{7})$/;

export function checkPassportNumber(raw: unknown): Check {
  const value = normalizeInput(raw).toUpperCase().replace(/\s+/g, '');
  if (!value) return fail(messages.idNumberRequired);
  return PASSPORT_PATTERN.test(value) ? pass(value) : fail(messages.passportFormat);
}

export function checkIdNumber(idType: unknown, raw: unknown): Check {
  if (idType === 'resident_id') return checkResidentId(raw);
  if (idType === 'passport') return checkPassportNumber(raw);
  return fail(messages.idTypeInvalid);
}

/** Shown everywhere an identity number appears: first 4 and last 4 characters kept. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id.slice(0, 1) + '*'.repeat(Math.max(0, id.length - 2)) + id.slice(-1);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** Names in Chinese characters or Latin letters (pinyin, foreign names), with · and -. */
export function checkPersonName(raw: unknown): Check {
  const value = normalizeInput(raw).replace(/\s+/g, ' ');
  if (!value) return fail(messages.nameRequired);
  if (value.length > 60) return fail(messages.nameTooLong);
  if (!/^[\u3400-\u9FFF\uF900-\uFAFFA-Za-z][\u3400-\u9FFF\uF900-\uFAFFA-Za-z·•.' -]*$/.test(value)) {
    return fail(messages.nameInvalid);
  }
  return pass(value);
}
