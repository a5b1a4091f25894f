import type { Kysely } from 'kysely';
import type { HintContext } from '../../miniprogram/domain/services/order-state-machine';
import type { Database } from '../db/schema';
import { messageLocale } from '../../miniprogram/domain/message-locale';
import { whenIn } from './message-dates';

/** What the 待视频面审 next-step hint needs to know about an order's interview. */
export type InterviewHint = Pick<HintContext, 'interviewAt' | 'interviewHeld'>;

/**
 * For next-step hints: when each order in 待视频面审 with a booked slot has its interview,
 * at the mission in the reader's language ('12月7日 周一 09:00（纽约时间）', 'Mon 7 Dec, 09:00
 * (New York time)'), and whether the interview already took
 * place (a call ended since the order entered 待视频面审). One query per kind for a whole
 * list; orders in other statuses are not looked up.
 */
export async function interviewHints(db: Kysely<Database>, orders: ReadonlyArray<{ id: string; status: string }>): Promise<Map<string, InterviewHint>> {
  const ids = orders.filter((o) => o.status === 'interview').map((o) => o.id);
  if (ids.length === 0) return new Map();
  const booked = await db
    .selectFrom('interview_bookings as b')
    .innerJoin('interview_slots as s', 's.id', 'b.slot_id')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .innerJoin('missions as m', 'm.id', 'a.mission_id')
    .select(['b.application_id', 's.starts_at', 'm.timezone', 'm.city_zh'])
    .where('b.application_id', 'in', ids)
    .where('b.status', '=', 'booked')
    .execute();
  const held = await heldInterviews(db, ids);
  const hints = new Map<string, InterviewHint>(ids.map((id) => [id, { interviewAt: null, interviewHeld: held.has(id) }]));
  for (const r of booked) hints.get(r.application_id)!.interviewAt = whenIn(messageLocale(), { at: new Date(r.starts_at).toISOString(), timeZone: r.timezone, city: r.city_zh });
  return hints;
}

export async function interviewHint(db: Kysely<Database>, order: { id: string; status: string }): Promise<InterviewHint> {
  return (await interviewHints(db, [order])).get(order.id) ?? {};
}

/**
 * Orders (of those given, in 待视频面审) whose interview took place: a booking became 已面审
 * (its call ended) after the order last entered 待视频面审. Such an order needs no new
 * booking; staff pass or refuse it.
 */
export async function heldInterviews(db: Kysely<Database>, applicationIds: readonly string[]): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('interview_bookings as b')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .select('b.application_id')
    .distinct()
    .where('b.application_id', 'in', applicationIds)
    .where('a.status', '=', 'interview')
    .where('b.status', '=', 'held')
    .whereRef('b.ended_at', '>=', 'a.status_changed_at')
    .execute();
  return new Set(rows.map((r) => r.application_id));
}

export async function interviewHeld(db: Kysely<Database>, applicationId: string): Promise<boolean> {
  return (await heldInterviews(db, [applicationId])).has(applicationId);
}

/** 面审通过 needs an interview: one held (see heldInterviews) or a call open right now (passing ends it). */
export async function interviewTookPlace(db: Kysely<Database>, applicationId: string): Promise<boolean> {
  const open = await db.selectFrom('interview_calls').select('id').where('application_id', '=', applicationId).where('status', '=', 'open').executeTakeFirst();
  return !!open || (await interviewHeld(db, applicationId));
}
