import type { ZonedLabel } from '../../miniprogram/domain/interview';
import { dateLabelOf, formatOffset, wallClock } from '../../miniprogram/domain/zoned-time';

/**
 * Mission wall clock ↔ instants, pure (Intl only, no database). Slots are stored as
 * instants; staff and citizens think in the mission's wall clock, so a 09:00 slot must be
 * 09:00 at the mission before and after a DST change, and a wall time that does not exist
 * (the spring-forward gap) is no slot at all.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number) => String(n).padStart(2, '0');

function wallOrThrow(instant: Date, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  if (!wall) throw new Error(`no time-zone data for ${timeZone}`);
  return wall;
}

/** Minutes east of UTC at `instant` in `timeZone`. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallOrThrow(instant, timeZone).getTime() - whole) / 60_000);
}

/** 'YYYY-MM-DD' → UTC midnight millis of that calendar date, or null when it is no real date. */
export function parseDate(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const millis = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(millis);
  return back.getUTCFullYear() === Number(m[1]) && back.getUTCMonth() === Number(m[2]) - 1 && back.getUTCDate() === Number(m[3]) ? millis : null;
}

/** 'HH:MM' → minutes after midnight, or null. */
export function parseTime(time: string): number | null {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const formatDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);
export const formatTime = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** Calendar dates from → to inclusive ('YYYY-MM-DD'; both valid, from ≤ to). */
export function datesBetween(from: string, to: string): string[] {
  const start = parseDate(from)!;
  const end = parseDate(to)!;
  const dates: string[] = [];
  for (let day = start; day <= end; day += DAY_MS) dates.push(formatDate(day));
  return dates;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export const weekdayOf = (date: string) => new Date(parseDate(date)!).getUTCDay();

/** '12月7日 周一' for a calendar date. */
export function dateLabel(date: string): string {
  return dateLabelOf(new Date(parseDate(date)!));
}

/**
 * The instant at which the mission's clock shows `date` `minutes` (after midnight).
 * The offsets a day before and a day after are the only candidates (zones change offset
 * at most once in two days); a candidate counts when it really shows that wall time.
 * Ambiguous (fall back): the earlier. In a gap: null, or with `gap: 'after'` the time moved
 * forward by the gap's length (a missing midnight becomes the instant that day's clock starts,
 * so it can still bound the day).
 */
export function wallToInstant(date: string, minutes: number, timeZone: string, options: { gap?: 'skip' | 'after' } = {}): Date | null {
  const day = parseDate(date);
  if (day === null) return null;
  const asUtc = day + minutes * 60_000;
  const offsets = [offsetMinutes(new Date(asUtc - DAY_MS), timeZone), offsetMinutes(new Date(asUtc + DAY_MS), timeZone)];
  const matches = offsets
    .map((offset) => asUtc - offset * 60_000)
    .filter((candidate) => wallOrThrow(new Date(candidate), timeZone).getTime() === asUtc)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);
  if (options.gap !== 'after') return null;
  return new Date(asUtc - Math.min(...offsets) * 60_000);
}

/** The first instant of a mission date (a missing midnight: when that day's clock starts). */
export const startOfDay = (date: string, timeZone: string) => wallToInstant(date, 0, timeZone, { gap: 'after' })!;

/** The mission date ('YYYY-MM-DD') an instant falls on. */
export function zonedDate(instant: Date, timeZone: string): string {
  return wallOrThrow(instant, timeZone).toISOString().slice(0, 10);
}

/** What every slot carries: its wall clock at the mission. */
export function zonedLabel(instant: Date, timeZone: string): ZonedLabel {
  const wall = wallOrThrow(instant, timeZone);
  const date = wall.toISOString().slice(0, 10);
  return {
    date,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
    dateLabel: dateLabel(date),
    offset: formatOffset(offsetMinutes(instant, timeZone)),
  };
}

/** '纽约时间（UTC-5）': the zone as the citizen reads it, with today's offset. */
export function timeZoneLabel(cityZh: string, timeZone: string, now: Date = new Date()): string {
  return `${cityZh}时间（${formatOffset(offsetMinutes(now, timeZone))}）`;
}

/** '12月7日 周一 09:00（纽约时间）': a booked time in messages and next-step hints. */
export function whenLabel(instant: Date, timeZone: string, cityZh: string): string {
  const local = zonedLabel(instant, timeZone);
  return `${local.dateLabel} ${local.time}（${cityZh}时间）`;
}

/** What is wrong with a from–to range of mission dates (valid, in order, at most `maxDays` days inclusive), or null. */
export function dateRangeProblem(from: string, to: string, maxDays: number): 'from' | 'to' | null {
  const start = parseDate(from);
  const end = parseDate(to);
  if (start === null) return 'from';
  return end === null || end < start || (end - start) / 86_400_000 + 1 > maxDays ? 'to' : null;
}

export interface SlotPlan {
  fromDate: string;
  toDate: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  minutes: number;
}

/**
 * Every slot a CreateSlotsRequest asks for, as instants: on each chosen weekday, from
 * startTime every `minutes` while the slot ends by endTime (wall clock). `gaps` counts the
 * wall times that do not exist that day (spring forward). Inputs are already validated.
 */
export function plannedSlots(plan: SlotPlan, timeZone: string): { slots: Array<{ startsAt: Date; endsAt: Date }>; gaps: number } {
  const start = parseTime(plan.startTime)!;
  const end = parseTime(plan.endTime)!;
  const slots: Array<{ startsAt: Date; endsAt: Date }> = [];
  let gaps = 0;
  for (const date of datesBetween(plan.fromDate, plan.toDate)) {
    if (!plan.weekdays.includes(weekdayOf(date))) continue;
    for (let at = start; at + plan.minutes <= end; at += plan.minutes) {
      const startsAt = wallToInstant(date, at, timeZone);
      if (!startsAt) {
        gaps += 1;
        continue;
      }
      slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + plan.minutes * 60_000) });
    }
  }
  return { slots, gaps };
}
