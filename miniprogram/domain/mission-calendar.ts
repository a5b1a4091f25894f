/**
 * A mission's time zone named in the reader's language ('纽约时间（UTC-5）', 'New York time
 * (UTC-5)') from what the server sends with an interview (its city names and today's offset),
 * and the phone's own date beside a mission time. Nothing here converts mission time (some
 * phones have no time-zone data); mission dates themselves are `formatDay` (utils/format.ts).
 * Pure; the subpackages that show interview times (interview, orders) carry build copies.
 */
import { localizedMessages, type MessageLocale, messageLocale, type Widen } from './message-locale';

const zhCN = {
  /** A date and a time of day (the phone's own clock on another day than the mission's). */
  dayTime: '{month}月{day}日 {time}',
  zoneLabel: '{city}时间（{offset}）',
  months: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
};

type CalendarWords = Widen<typeof zhCN>;

const zhHant: CalendarWords = {
  dayTime: '{month}月{day}日 {time}',
  zoneLabel: '{city}時間（{offset}）',
  months: zhCN.months,
};

const en: CalendarWords = {
  dayTime: '{day} {month} {time}',
  zoneLabel: '{city} time ({offset})',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Every locale's words, for the catalogue test. */
export const missionCalendarCatalogues: Readonly<Record<MessageLocale, CalendarWords>> = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en };

const words = localizedMessages(missionCalendarCatalogues);

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** '12月8日 22:00' / '8 Dec 22:00': `month` 1–12. */
export function dayTimeLabel(month: number, day: number, time: string): string {
  return fillIn(words.dayTime, { month: words.months[month - 1] ?? '', day: String(day), time });
}

/** The mission's time zone: its city in the reader's language and today's offset. */
export function zoneLabel(mission: { cityZh: string; cityEn: string }, offset: string): string {
  return fillIn(words.zoneLabel, { city: messageLocale() === 'en' ? mission.cityEn : mission.cityZh, offset });
}
