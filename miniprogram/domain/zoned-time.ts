/**
 * Wall-clock time in a mission's IANA time zone, on Intl alone (no dayjs plugin: "构建npm"
 * packs only dayjs' main entry). Shared domain code: the mini-program's mission clock
 * (miniprogram/utils/zoned-time.ts) and the server's interview slot times
 * (server/workflow/slot-times.ts) both build on it.
 */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * Wall-clock fields of `instant` in `timeZone` (held in the UTC fields of the returned Date),
 * or null when the runtime can't tell (unknown zone, no time-zone data).
 */
export function wallClock(instant: Date, timeZone: string): Date | null {
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(instant);
  } catch {
    return null; // unknown zone or no time-zone support
  }
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const utcMillis = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  return Number.isNaN(utcMillis) ? null : new Date(utcMillis);
}

/** 'UTC-5', 'UTC+5:30' for an offset in minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** '12月7日 周一' for a date held in the UTC fields of `day` (a `wallClock` answer or a calendar date). */
export function dateLabelOf(day: Date): string {
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${WEEKDAYS[day.getUTCDay()]}`;
}
