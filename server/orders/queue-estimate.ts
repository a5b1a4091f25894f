import { type Kysely, sql } from 'kysely';
import type { QueueEstimate } from '../../miniprogram/domain/order-api-types';
import type { Database } from '../db/schema';
import { DECISION_ACTIONS } from './dashboard-routes';
import { queueMessages } from '../workflow/review-messages';
import { median } from './working-days';

/** Orders waiting for a decision of the mission: the queue a citizen is told their place in. */
const IN_REVIEW = ['submitted', 'second_review', 'interview'] as const;
const WINDOW_DAYS = 30;
const DAY = 86_400_000;

type OrderRow = { id: string; status: string; mission_id: string; service: string; cross_district: boolean; queue_at: Date | string | null };

/** Mission-local calendar date of an instant, 'YYYY-MM-DD'. */
const localDate = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

/**
 * Where an order in review stands: its place in the mission's queue for its service
 * (in-district first, then the longest waiting — the order staff work in), and a rough
 * decision date from the mission's recent pace: the median number of first-review
 * decisions per working day over the last 30 days. Recomputed on every read, so it moves
 * as the queue moves. Null for orders not in review.
 */
export async function queueEstimate(db: Kysely<Database>, order: OrderRow, now = new Date()): Promise<QueueEstimate | null> {
  if (!(IN_REVIEW as readonly string[]).includes(order.status) || !order.queue_at) return null;
  const ahead = await db
    .selectFrom('applications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('mission_id', '=', order.mission_id)
    .where('service', '=', order.service)
    .where('status', 'in', [...IN_REVIEW])
    .where('queue_at', 'is not', null)
    .where(sql<boolean>`(cross_district, queue_at, id) < (${order.cross_district}, ${new Date(order.queue_at)}::timestamptz, ${order.id}::uuid)`)
    .executeTakeFirstOrThrow();
  const position = ahead.n + 1;

  const { timezone } = await db.selectFrom('missions').select('timezone').where('id', '=', order.mission_id).executeTakeFirstOrThrow();
  const day = sql<string>`to_char(h.at at time zone ${timezone}, 'YYYY-MM-DD')`;
  const decided = await db
    .selectFrom('application_history as h')
    .innerJoin('applications as a', 'a.id', 'h.application_id')
    .select([day.as('day'), sql<number>`count(*)::int`.as('n')])
    .where('a.mission_id', '=', order.mission_id)
    .where('a.service', '=', order.service)
    .where('h.actor_kind', '=', 'staff')
    .where('h.from_status', '=', 'submitted')
    .where('h.action', 'in', [...DECISION_ACTIONS])
    .where('h.at', '>=', new Date(now.getTime() - WINDOW_DAYS * DAY))
    .where('h.at', '<', now)
    .groupBy(sql`1`) // by position: the time-zone parameter makes each copy of the expression a new one
    .execute();
  const perDay = new Map(decided.map((row) => [row.day, row.n]));
  // Every working day of the window counts, a day without decisions as 0.
  const workingDays: number[] = [];
  for (let i = WINDOW_DAYS; i >= 1; i -= 1) {
    const date = localDate(new Date(now.getTime() - i * DAY), timezone);
    if (isWeekday(date)) workingDays.push(perDay.get(date) ?? 0);
  }
  const pace = median(workingDays) ?? 0;
  if (pace <= 0) return { position, estimatedDate: null, text: queueMessages.withoutDate(position) };

  // The order's turn comes after `position` decisions at that pace, counted in working days from today.
  let remaining = Math.ceil(position / pace);
  let at = now.getTime();
  while (remaining > 0) {
    at += DAY;
    if (isWeekday(localDate(new Date(at), timezone))) remaining -= 1;
  }
  const estimatedDate = localDate(new Date(at), timezone);
  const [, month, date] = estimatedDate.split('-').map(Number);
  return { position, estimatedDate, text: queueMessages.withDate(position, queueMessages.date(month, date)) };
}
