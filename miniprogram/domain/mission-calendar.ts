/**
 * A mission's dates and time zone named in the reader's language ('12月7日 周一', 'Mon 7 Dec';
 * '纽约时间（UTC-5）', 'New York time (UTC-5)'), from what the server sends with an interview:
 * the mission's calendar date, its city names and today's offset. Nothing here converts time
 * (some phones have no time-zone data): the weekday is calendar arithmetic on the date.
 * Pure; the subpackages that show interview times (interview, orders) carry build copies.
 */
import { localizedMessages, type MessageLocale, messageLocale, type Widen } from './message-locale';

const zhCN = {
  /** {month} from months, {weekday} from weekdays. */
  dayLabel: '{month}月{day}日 {weekday}',
  /** A date and a time of day (the phone's own clock on another day than the mission's). */
  dayTime: '{month}月{day}日 {time}',
  zoneLabel: '{city}时间（{offset}）',
  months: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
};

type CalendarWords = Widen<typeof zhCN>;

const zhHant: CalendarWords = {
  dayLabel: '{month}月{day}日 {weekday}',
  dayTime: '{month}月{day}日 {time}',
  zoneLabel: '{city}時間（{offset}）',
  months: zhCN.months,
  weekdays: ['週日', '週一', '週二', '週三', '週四', '週五', '週六'],
};

const en: CalendarWords = {
  dayLabel: '{weekday} {day} {month}',
  dayTime: '{day} {month} {time}',
  zoneLabel: '{city} time ({offset})',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** Every locale's words, for the catalogue test. */
export const missionCalendarCatalogues: Readonly<Record<MessageLocale, CalendarWords>> = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en };

const words = localizedMessages(missionCalendarCatalogues);

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** '12月7日 周一' / 'Mon 7 Dec' for a calendar date 'YYYY-MM-DD'. */
export function dayLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return fillIn(words.dayLabel, { month: words.months[month - 1] ?? '', day: String(day), weekday: words.weekdays[weekday] ?? '' });
}

/** '12月8日 22:00' / '8 Dec 22:00': `month` 1–12. */
export function dayTimeLabel(month: number, day: number, time: string): string {
  return fillIn(words.dayTime, { month: words.months[month - 1] ?? '', day: String(day), time });
}

/** The mission's time zone: its city in the reader's language and today's offset. */
export function zoneLabel(mission: { cityZh: string; cityEn: string }, offset: string): string {
  return fillIn(words.zoneLabel, { city: messageLocale() === 'en' ? mission.cityEn : mission.cityZh, offset });
}
