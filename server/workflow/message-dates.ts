import type { MessageLocale } from '../../miniprogram/domain/message-locale';
import { wallClock } from '../../miniprogram/domain/zoned-time';
import { whenLabel } from './slot-times';

/**
 * Dates and times inside 消息中心 messages, per reader language. A message stores the
 * instant (and the mission's zone and city) or the printed date; these render it when the
 * message is read, so an English reader gets an English date.
 */

/** A booked time: the instant, the mission's IANA zone and its city (mission data, 简体). */
export interface MessageWhen {
  at: string;
  timeZone: string;
  city: string;
}

const WEEKDAYS_HANT = ['週日', '週一', '週二', '週三', '週四', '週五', '週六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** '12月7日 周一 09:00（纽约时间）' / '12月7日 週一 09:00（纽约時間）' / 'Mon 7 Dec, 09:00 (New York time)'. */
export function whenIn(locale: MessageLocale, when: MessageWhen): string {
  const instant = new Date(when.at);
  if (locale === 'zh-CN') return whenLabel(instant, when.timeZone, when.city);
  if (locale === 'zh-Hant') {
    const wall = wallClock(instant, when.timeZone) ?? instant;
    return `${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${WEEKDAYS_HANT[wall.getUTCDay()]} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}（${when.city}時間）`;
  }
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: when.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  // The zone's own city (America/New_York → New York): the mission's city name is 简体 data.
  return `${label} (${(when.timeZone.split('/').pop() ?? when.timeZone).replace(/_/g, ' ')} time)`;
}

/** A calendar day of an instant in a zone: 2025年7月1日 (or 7月1日) / 1 July 2025 (or 1 July). */
export function dayIn(locale: MessageLocale, at: Date, timeZone: string, withYear = true): string {
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(at);
  }
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${withYear ? `${get('year')}年` : ''}${get('month')}月${get('day')}日`;
}

/** A printed date (no time zone), 'YYYY-MM-DD' → 2026年3月9日 / 9 March 2026. */
export function printedDateIn(locale: MessageLocale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (locale === 'en') return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  return `${y}年${m}月${d}日`;
}

/** The `when` of a message about a booked slot at a mission. */
export function messageWhen(startsAt: Date | string, mission: { timeZone: string; cityZh: string }): MessageWhen {
  return { at: new Date(startsAt).toISOString(), timeZone: mission.timeZone, city: mission.cityZh };
}
