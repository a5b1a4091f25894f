/**
 * Dates as the citizen reads them, in the current language (patterns in the catalogue:
 * `t.dates`). dayjs' core is enough here: these are device-local dates, and its built-in
 * English month names are the only ones a pattern uses (the Chinese patterns use digits).
 */
import dayjs from 'dayjs';
import { fill, t } from '../locale/text';

function format(iso: string | null | undefined, pattern: string): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format(pattern) : '';
}

export function formatDate(iso: string | null | undefined): string {
  return format(iso, t.dates.date);
}

/** Date and minute, for messages and the order timeline (device-local time). */
export function formatDateTime(iso: string | null | undefined): string {
  return format(iso, t.dates.dateTime);
}

/** A calendar day ('YYYY-MM-DD', e.g. a mission date) with its weekday: '12月7日 周一', 'Mon 7 Dec'. */
export function formatDay(date: string): string {
  const day = dayjs(date);
  if (!day.isValid()) return '';
  // The weekday is put in as literal text ([…]), so its letters are not read as dayjs tokens.
  return day.format(fill(t.dates.day, { weekday: `[${t.dates.weekdays[day.day()]}]` }));
}
