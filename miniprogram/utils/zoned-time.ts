/**
 * The current wall-clock time at a mission, from its IANA time zone.
 *
 * Why not dayjs' utc/timezone plugins: "构建npm" packs only dayjs' main entry, and the
 * timezone plugin rests on Intl anyway — which some Android WeChat runtimes ship without
 * time-zone data, so `.tz()` silently shows the phone's own time (iamkun/dayjs#2635).
 * Here we ask Intl directly (miniprogram/domain/zoned-time.ts) and check its answer against a
 * zone with a known fixed offset; when the runtime can't convert, we say so rather than show a
 * wrong time.
 */
import { dateLabelOf, formatOffset, wallClock } from '../domain/zoned-time';

export interface ZonedClock {
  /** e.g. "14:05" */
  time: string;
  /** e.g. "5月3日 周六" */
  date: string;
  /** e.g. "UTC-4" or "UTC+5:30" */
  offset: string;
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
    date: dateLabelOf(wall),
    offset: formatOffset(offsetMinutes),
  };
}
