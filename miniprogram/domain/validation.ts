import { messages } from './messages';

/** A validator's answer: ok, or the sentence to show the citizen next to the field. */
export type Check = { ok: true; value: string } | { ok: false; message: string };

export const pass = (value: string): Check => ({ ok: true, value });
export const fail = (message: string): Check => ({ ok: false, message });

/** Trims, turns full-width ASCII (common with Chinese IMEs) into half-width. */
export function normalizeInput(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export function requireText(raw: unknown): Check {
  const value = normalizeInput(raw);
  return value ? pass(value) : fail(messages.required);
}

/** A calendar date as YYYY-MM-DD that really exists (no 2025-02-30). */
export function checkCalendarDate(raw: unknown, message: string): Check {
  const value = normalizeInput(raw);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return fail(message);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? pass(value) : fail(message);
}

/** Whole months from date `from` to date `to` (both YYYY-MM-DD), rounded down. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
