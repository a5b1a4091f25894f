/**
 * The current wall-clock time at a mission, from its IANA time zone.
 *
 * Why not dayjs' utc/timezone plugins: "构建npm" packs only dayjs' main entry, and the
 * timezone plugin rests on Intl anyway — which some Android WeChat runtimes ship without
 * time-zone data, so `.tz()` silently shows the phone's own time (iamkun/dayjs#2635).
 * Here we ask Intl directly (no plugin needed) and check its answer against a zone with a known fixed offset;
 * when the runtime can't convert, we say so rather than show a wrong time.
 */
export interface ZonedClock {
  /** e.g. "14:05" */
  time: string;
  /** e.g. "5月3日 周六" */
  date: string;
  /** e.g. "UTC-4" or "UTC+5:30" */
  offset: string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * Wall-clock fields of `instant` in `timeZone` (held in the UTC fields of the returned Date),
 * or null when the runtime can't tell. The server reuses it (server/interviews/slot-times.ts).
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

let intlTrusted: boolean | undefined;

/** Tokyo is UTC+9 all year: if Intl gets it wrong, it ignores timeZone on this runtime. */
function intlHonoursTimeZones(): boolean {
  if (intlTrusted === undefined) {
    const probe = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
    intlTrusted = wallClock(probe, 'Asia/Tokyo')?.getTime() === Date.UTC(2024, 0, 1, 9, 0, 0);
  }
  return intlTrusted;
}

/** 'UTC-5', 'UTC+5:30' for an offset in minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

export function zonedClock(timeZone: string, now: Date = new Date()): ZonedClock | null {
  if (!intlHonoursTimeZones()) return null;
  const wall = wallClock(now, timeZone);
  if (!wall) return null;
  // `wall` holds the mission's wall clock in its UTC fields, so it is read with UTC getters
  // (the phone's own zone must not leak in).
  const offsetMinutes = Math.round((wall.getTime() - Math.floor(now.getTime() / 1000) * 1000) / 60000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
    date: `${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${WEEKDAYS[wall.getUTCDay()]}`,
    offset: formatOffset(offsetMinutes),
  };
}
