/**
 * The interview as the book page renders it, in the reader's language. Every time shown is
 * the mission's wall clock as the server sent it (`local`); the phone never converts mission
 * time. Dates are named from the mission's calendar date (`local.date`), not converted either.
 * Only the phone's OWN time is worked out here, from the ISO instant with plain Date, and
 * shown beside the mission time when the two clocks differ.
 */
import { fill } from '../../locale/text';
import type { CitizenInterview, InterviewBookingView, InterviewSlotView, ZonedLabel } from './domain/interview';
import { dayTimeLabel, zoneLabel } from './domain/mission-calendar';
import { formatDay } from '../../utils/format';
import { text } from './text';

export interface SlotRow {
  id: string;
  /** '09:00（30分钟）' */
  title: string;
  /** '（您的时间 12月7日 22:00）', or '' when the phone is in the mission's time zone. */
  phoneTime: string;
  label: string;
  /** For the confirm dialog: '12月7日 周一 09:00' */
  when: string;
}

export interface DayRow {
  date: string;
  dateLabel: string;
  countText: string;
  slots: SlotRow[];
}

export interface BookingCard {
  when: string;
  phoneTime: string;
  statusLabel: string;
  note: string;
}

export interface PastRow extends BookingCard {
  id: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The phone's own clock at `iso` ('22:00', or '12月8日 22:00' on another date), '' when it reads as the mission's. */
export function phoneClock(iso: string, local: ZonedLabel): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  if (date === local.date && time === local.time) return '';
  return fill(text.phoneTime, { time: date === local.date ? time : dayTimeLabel(at.getMonth() + 1, at.getDate(), time) });
}

const whenOf = (local: ZonedLabel) => `${formatDay(local.date)} ${local.time}`;

const withLength = (time: string, minutes: number) => fill(text.timeAndLength, { time, length: fill(text.minutes, { minutes: String(minutes) }) });

/** A slot across a daylight-saving change from today: its own offset beside its time (the label at the top says today's). */
const otherOffset = (local: ZonedLabel, todayOffset: string) => (local.offset === todayOffset ? '' : ` ${local.offset}`);

function slotRow(slot: InterviewSlotView, todayOffset: string): SlotRow {
  return {
    id: slot.id,
    title: withLength(`${slot.local.time}${otherOffset(slot.local, todayOffset)}`, slot.minutes),
    phoneTime: phoneClock(slot.startsAt, slot.local),
    label: text.slotOpen,
    when: whenOf(slot.local),
  };
}

function bookingCard(booking: InterviewBookingView): BookingCard {
  const minutes = Math.round((Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 60_000);
  return {
    when: minutes > 0 ? withLength(whenOf(booking.local), minutes) : whenOf(booking.local),
    phoneTime: phoneClock(booking.startsAt, booking.local),
    statusLabel: text.bookingStatus[booking.status],
    note: booking.note ?? '',
  };
}

export function interviewView(interview: CitizenInterview) {
  const days: DayRow[] = interview.days
    .filter((day) => day.slots.length > 0)
    .map((day) => ({
      date: day.date,
      dateLabel: formatDay(day.date),
      countText: fill(text.slotsDay, { count: String(day.slots.length) }),
      slots: day.slots.map((slot) => slotRow(slot, interview.timeZoneOffset)),
    }));
  const booking = interview.booking ? bookingCard(interview.booking) : null;
  const past: PastRow[] = interview.past.map((b) => ({ id: b.id, ...bookingCard(b) }));
  // Any time on the page where the phone's clock reads differently: say so once, at the top.
  const zoneDiffers = !!booking?.phoneTime || past.some((p) => p.phoneTime) || days.some((d) => d.slots.some((s) => s.phoneTime));
  return {
    orderNo: interview.orderNo ?? '',
    required: interview.required,
    heldNotice: interview.heldNotice ?? '',
    zoneText: fill(text.zone, { zone: zoneLabel(interview.mission, interview.timeZoneOffset) }),
    zoneDiffers,
    booking,
    canChange: !!interview.booking?.canChange,
    callOpen: interview.call?.status === 'open',
    phone: interview.mission.phone,
    days,
    past,
  };
}

export type InterviewPageView = ReturnType<typeof interviewView>;
