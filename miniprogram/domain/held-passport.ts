import { checkPassportNumber } from './identity';
import { messages } from './messages';
import { checkCalendarDate, monthsBetween } from './validation';

/**
 * 我的证件: the passports an account's people hold, their expiry, and the reminders that
 * open a ready renewal (docs/expiry-reminders.md). Pure, no wx: the server validates an
 * added passport with `validateHeldPassport`, the page validates it as the citizen types.
 */

/** What the citizen enters to add a passport they hold. */
export interface HeldPassportInput {
  number: string;
  issueDate: string;
  expiryDate: string;
}

export type HeldPassportField = keyof HeldPassportInput;
export type HeldPassportErrors = Partial<Record<HeldPassportField, string>>;
export type HeldPassportValidation = { ok: true; value: HeldPassportInput } | { ok: false; errors: HeldPassportErrors };

/** Ordinary passports are valid 10 years (5 when issued under 16): a longer span is a typo. */
export const MAX_VALIDITY_MONTHS = 120;

/** The mission reminds this many months before expiry unless it configures its own. */
export const DEFAULT_REMINDER_MONTHS: readonly number[] = [12, 9, 6];

const isoDay = (today: Date) => today.toISOString().slice(0, 10);

export function validateHeldPassport(raw: Partial<Record<HeldPassportField, unknown>>, today: Date = new Date()): HeldPassportValidation {
  const errors: HeldPassportErrors = {};
  const number = checkPassportNumber(raw.number);
  if (!number.ok) errors.number = number.message;
  const issue = checkCalendarDate(raw.issueDate, messages.passportIssueDateInvalid);
  if (!issue.ok) errors.issueDate = issue.message;
  else if (issue.value > isoDay(today)) errors.issueDate = messages.passportIssueDateFuture;
  const expiry = checkCalendarDate(raw.expiryDate, messages.passportExpiryDateInvalid);
  if (!expiry.ok) errors.expiryDate = expiry.message;
  else if (issue.ok && expiry.value <= issue.value) errors.expiryDate = messages.passportExpiryBeforeIssue;
  else if (issue.ok && monthsBetween(issue.value, expiry.value) > MAX_VALIDITY_MONTHS) errors.expiryDate = messages.passportValidityTooLong;
  if (!number.ok || !issue.ok || !expiry.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { number: number.value, issueDate: issue.value, expiryDate: expiry.value } };
}

/** What the citizen should do about a passport, from how much validity is left. */
export type PassportAdvice = 'expired' | 'renew_now' | 'renew_soon' | 'valid';

/**
 * Missions advise renewing with less than a year left; many countries refuse entry with
 * less than six months: under 6 months "renew now", under the first reminder "renew soon".
 */
export function passportAdvice(expiryDate: string, today: Date, reminderMonths: readonly number[] = DEFAULT_REMINDER_MONTHS): PassportAdvice {
  const day = isoDay(today);
  if (expiryDate <= day) return 'expired';
  const left = monthsBetween(day, expiryDate);
  if (left < 6) return 'renew_now';
  return left < Math.max(...reminderMonths) ? 'renew_soon' : 'valid';
}

// ── API shapes (GET /api/me/passports, POST …, POST /api/me/passports/:id/renewal) ──

export interface HeldPassport {
  id: string;
  /** null: the account's own passport; else the family member's name. */
  holderName: string | null;
  /** Masked (E123****78); null when the passport came from an order (its number is not known here). */
  numberMasked: string | null;
  issueDate: string;
  expiryDate: string;
  /** Dates derived from the order rather than read from the passport. */
  datesEstimated: boolean;
  source: 'application' | 'added';
  advice: PassportAdvice;
  /** A renewal draft already started from this passport, to resume. */
  renewalApplicationId: string | null;
}

export interface HeldPassportList {
  passports: HeldPassport[];
}

export interface RenewalDraft {
  applicationId: string;
  /** The first step that needs something new (the current passport, the signature, the photo). */
  step: string;
  /** Field ids copied from the earlier application. */
  copied: string[];
}

/** What the server writes (消息中心, subscription message); the page's own words are in locale/zh-CN.ts. */
export const heldPassportMessages = {
  /** 证件到期提醒 template: document name (≤ 20 characters) and what to do (≤ 20). */
  templateDocument: (holder: string | null) => (holder ? `护照（${holder}）` : '护照'),
  templateHint: (months: number) => `约剩${months}个月到期，可在线换发`,
  passportNotFound: '未找到该证件',
  renewalNoMission: '请先在首页选择您所在地区的使领馆，再办理换发',
} as const;
