import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { statusLabel } from '../../miniprogram/domain/services/application-status';
import type { Database } from '../db/schema';
import { unauthenticated } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import type { ConsoleReviewOptions } from './console-access';
import { median, workingDaysBetween } from './working-days';

/** Staff decisions that move an order on (what a reviewer's day is counted in). */
export const DECISION_ACTIONS = ['approve', 'reject', 'request_supplements', 'require_interview', 'interview_passed'] as const;
/** Orders waiting for the mission: the queue whose age and SLA the dashboard watches. */
const IN_REVIEW = ['submitted', 'second_review', 'interview'] as const;
export const SLA_WORKING_DAYS = 10;

const dayCount = z.object({ date: z.string(), arrivals: z.number(), decisions: z.number() });
const dashboardSchema = z.object({
  days: z.array(dayCount),
  queue: z.object({ size: z.number(), medianDays: z.number().nullable(), oldestDays: z.number().nullable() }),
  reviewers: z.array(z.object({ staffId: z.string(), name: z.string(), decisions: z.number(), approvals: z.number() })),
  slaWorkingDays: z.number(),
  breaches: z.array(z.object({ id: z.string(), orderNo: z.string().nullable(), statusLabel: z.string(), workingDays: z.number() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * The supervisor's dashboard: arrivals vs decisions per day (mission dates), the queue's age
 * (median and oldest, in days), each reviewer's decisions over the period, and orders in
 * review longer than SLA_WORKING_DAYS working days.
 */
export async function dashboard(db: Kysely<Database>, missionId: string, periodDays: number, now = new Date()): Promise<Dashboard> {
  const since = new Date(now.getTime() - periodDays * 86_400_000);
  const { timezone } = await db.selectFrom('missions').select('timezone').where('id', '=', missionId).executeTakeFirstOrThrow();
  const localDay = sql<string>`to_char(h.at at time zone ${timezone}, 'YYYY-MM-DD')`;
  const history = db
    .selectFrom('application_history as h')
    .innerJoin('applications as a', 'a.id', 'h.application_id')
    .where('a.mission_id', '=', missionId)
    .where('h.at', '>=', since);
  const arrivals = await history
    .select([localDay.as('day'), sql<number>`count(*)::int`.as('n')])
    .where('h.to_status', '=', 'submitted')
    .where('h.from_status', 'in', ['draft', 'awaiting_payment'])
    .groupBy(sql`1`) // by position: the time-zone parameter makes each copy of the expression a new one
    .execute();
  const decisions = await history
    .select([localDay.as('day'), sql<number>`count(*)::int`.as('n')])
    .where('h.actor_kind', '=', 'staff')
    .where('h.action', 'in', [...DECISION_ACTIONS])
    .groupBy(sql`1`) // by position: the time-zone parameter makes each copy of the expression a new one
    .execute();
  const byReviewer = await history
    .innerJoin('staff as s', (join) => join.on(sql`s.id::text`, '=', sql.ref('h.actor_id')))
    .select([
      's.id',
      's.display_name',
      sql<number>`count(*)::int`.as('decisions'),
      sql<number>`(count(*) filter (where h.action in ('approve', 'interview_passed')))::int`.as('approvals'),
    ])
    .where('h.actor_kind', '=', 'staff')
    .where('h.action', 'in', [...DECISION_ACTIONS])
    .groupBy(['s.id', 's.display_name'])
    .orderBy('decisions', 'desc')
    .execute();
  const waiting = await db
    .selectFrom('applications')
    .select(['id', 'order_no', 'status', 'queue_at'])
    .where('mission_id', '=', missionId)
    .where('status', 'in', [...IN_REVIEW])
    .where('queue_at', 'is not', null)
    .orderBy('queue_at')
    .execute();

  const counts = new Map<string, { arrivals: number; decisions: number }>();
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  for (let i = periodDays - 1; i >= 0; i -= 1) counts.set(dayFormat.format(new Date(now.getTime() - i * 86_400_000)), { arrivals: 0, decisions: 0 });
  for (const row of arrivals) {
    const day = counts.get(row.day);
    if (day) day.arrivals = row.n;
  }
  for (const row of decisions) {
    const day = counts.get(row.day);
    if (day) day.decisions = row.n;
  }

  const ages = waiting.map((row) => (now.getTime() - new Date(row.queue_at!).getTime()) / 86_400_000);
  return {
    days: [...counts].map(([date, c]) => ({ date, ...c })),
    queue: {
      size: waiting.length,
      medianDays: ages.length ? Math.round(median(ages)! * 10) / 10 : null,
      oldestDays: ages.length ? Math.round(Math.max(...ages) * 10) / 10 : null,
    },
    reviewers: byReviewer.map((r) => ({ staffId: r.id, name: r.display_name, decisions: r.decisions, approvals: r.approvals })),
    slaWorkingDays: SLA_WORKING_DAYS,
    breaches: waiting
      .map((row) => ({ id: row.id, orderNo: row.order_no, statusLabel: statusLabel(row.status), workingDays: workingDaysBetween(new Date(row.queue_at!), now) }))
      .filter((row) => row.workingDays > SLA_WORKING_DAYS),
  };
}

export const dashboardRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(options.db, options.staffSessions, 'supervisor'));
  app.get(
    '/api/console/dashboard',
    {
      schema: {
        tags: ['console'],
        summary: `Supervisor dashboard: arrivals vs decisions per day, queue age, reviewers' decisions, SLA breaches (> ${SLA_WORKING_DAYS} working days)`,
        querystring: z.object({ days: z.coerce.number().int().min(1).max(90).optional() }),
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff: SignedInStaff | undefined = request.staff;
      if (!staff) throw unauthenticated();
      return dashboard(options.db, staff.missionId, request.query.days ?? 14);
    },
  );
};
