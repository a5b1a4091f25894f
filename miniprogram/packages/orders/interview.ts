/**
 * The order detail's view of the video interview (packages/interview does the booking and
 * the call): whether a slot is booked, when, and whether staff have started the call. Here,
 * not in the main package's api/, and not imported from packages/interview — subpackages
 * cannot require each other's code at run time.
 */
import type { CitizenInterview } from '../../domain/interview';
import { zoneLabel } from './domain/mission-calendar';
import { formatDay } from '../../utils/format';
import { fill, t } from './text';

/** The next-step card's interview part: its button, the booked time, and 进入面审 when the call is open. */
export function interviewStep(interview: CitizenInterview | null): { action: string; lines: string[]; joinLabel: string } {
  const text = t.order.interview;
  const booking = interview?.booking ?? null;
  const callOpen = interview?.call?.status === 'open';
  const lines: string[] = [];
  if (booking) lines.push(fill(text.bookedAt, { when: `${formatDay(booking.local.date)} ${booking.local.time}`, zone: zoneLabel(interview!.mission, interview!.timeZoneOffset) }));
  if (callOpen) lines.push(text.callOpen);
  return { action: booking ? text.view : text.book, lines, joinLabel: callOpen ? text.join : '' };
}
