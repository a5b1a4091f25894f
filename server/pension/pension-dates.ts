/**
 * Calendar arithmetic of the certification, on UTC calendar dates ('YYYY-MM-DD'):
 * the result is promised within 10 working days (Monday–Friday; China's public holidays
 * are not modelled, so the date is a promise we may beat, never one we break by a weekend),
 * and the next certification is due 12 months after the authority accepted one.
 */
export const RESULT_WORKING_DAYS = 10;
export const CERTIFICATION_VALID_MONTHS = 12;
const DAY_MS = 24 * 60 * 60 * 1000;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function addWorkingDays(from: Date, days: number): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return isoDay(date);
}

/** Same day `months` later; a day the month lacks (31 Aug + 12 months is fine, 29 Feb is not) falls back to its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDay(target);
}

/** Whole days from `now`'s date to `day` (negative once passed). */
export function daysUntil(day: string, now: Date): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / DAY_MS);
}
