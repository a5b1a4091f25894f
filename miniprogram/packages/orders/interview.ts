/**
 * The order detail's view of the video interview (packages/interview does the booking and
 * the call): whether a slot is booked, when, and whether staff have started the call. Here,
 * not in the main package's api/, and not imported from packages/interview — subpackages
 * cannot require each other's code at run time.
 */
import type { CitizenInterview } from '../../domain/interview';
import { fill } from './text';

const text = {
  book: '预约面审',
  view: '查看预约',
  join: '进入面审',
  bookedAt: '面审时间：{when}（{zone}）',
  callOpen: '使领馆工作人员已发起视频面审，请尽快进入。',
};

/** The next-step card's interview part: its button, the booked time, and 进入面审 when the call is open. */
export function interviewStep(interview: CitizenInterview | null): { action: string; lines: string[]; joinLabel: string } {
  const booking = interview?.booking ?? null;
  const callOpen = interview?.call?.status === 'open';
  const lines: string[] = [];
  if (booking) lines.push(fill(text.bookedAt, { when: `${booking.local.dateLabel} ${booking.local.time}`, zone: interview!.timeZoneLabel }));
  if (callOpen) lines.push(text.callOpen);
  return { action: booking ? text.view : text.book, lines, joinLabel: callOpen ? text.join : '' };
}
