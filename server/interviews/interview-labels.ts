import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { whenLabel } from './slot-times';

/**
 * For next-step hints (nextStepHint's `interviewAt`): when each order in 待视频面审 with a
 * booked slot has its interview, at the mission ('12月7日 周一 09:00（纽约时间）'). One query
 * for a whole list; orders in other statuses are not looked up.
 */
export async function interviewAtLabels(db: Kysely<Database>, orders: ReadonlyArray<{ id: string; status: string }>): Promise<Map<string, string>> {
  const ids = orders.filter((o) => o.status === 'interview').map((o) => o.id);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('interview_bookings as b')
    .innerJoin('interview_slots as s', 's.id', 'b.slot_id')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .innerJoin('missions as m', 'm.id', 'a.mission_id')
    .select(['b.application_id', 's.starts_at', 'm.timezone', 'm.city_zh'])
    .where('b.application_id', 'in', ids)
    .where('b.status', '=', 'booked')
    .execute();
  return new Map(rows.map((r) => [r.application_id, whenLabel(new Date(r.starts_at), r.timezone, r.city_zh)]));
}

export async function interviewAtLabel(db: Kysely<Database>, order: { id: string; status: string }): Promise<string | null> {
  return (await interviewAtLabels(db, [order])).get(order.id) ?? null;
}
