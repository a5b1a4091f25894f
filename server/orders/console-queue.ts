/**
 * The review queue: in-district first, then the longest waiting; keyset pagination over
 * (cross_district, queue key, id) so every page costs the same, however deep.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { applicationStatusSchema, type QueueItem, type QueuePage, queuePageSchema } from '../../contracts/console-review';
import type { ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import { statusLabel } from '../../miniprogram/domain/services/application-status';
import { applicationServiceIds, findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';
import { cursorParts, pageCursor, readCursor } from '../http/page-cursor';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { type ConsoleReviewOptions, staffOf } from './console-access';

/** Queue position: [cross-district 0/1, queue key as PostgreSQL text, id]. */
const queueCursor = pageCursor(z.tuple([cursorParts.flag, cursorParts.timestamp, cursorParts.uuid]));

/**
 * Where an order stands in the queue: the first time it reached 待审核, or — still unpaid
 * (待支付, listed under 全部进行中 too) — its submission. Written exactly as in the
 * partial indexes of migration 0014, so the planner uses them.
 */
export const QUEUE_KEY = sql<Date>`coalesce(queue_at, submitted_at)`;

export interface QueueFilter {
  missionId: string;
  /** One status, or 'active' (every order in progress; default). */
  status?: ApplicationStatus | 'active';
  service?: string;
  district?: 'in' | 'cross' | 'all';
  /** Only orders queued at least this many days ago. */
  waitingDays?: number;
  /** Order number (exact or prefix) or masked identity (last four, or the masked form). */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** Orders of the mission in the queue, within a status ('active' or none: every order in progress). */
export function queueScope(db: Kysely<Database>, missionId: string, status: string | undefined) {
  const query = db.selectFrom('applications').where('applications.mission_id', '=', missionId).where(QUEUE_KEY, 'is not', null);
  return !status || status === 'active' ? query.where('active', '=', true) : query.where('status', '=', status as ApplicationStatus);
}

/**
 * The page's query (the bench explains it as it runs). The page is chosen from the
 * applications alone — an index range scan in queue order that stops at the limit — and
 * only its rows are then joined to their holder and probed for a passed interview. Joined
 * before the limit, the planner sometimes hashed the join and sorted thousands of rows of
 * a deep page (34 ms on PostgreSQL 15 at 100 000 orders) or hashed the whole history.
 */
export function queueQuery(db: Kysely<Database>, filter: QueueFilter, limit: number) {
  let page = queueScope(db, filter.missionId, filter.status).select([
    'applications.id',
    'order_no',
    'service',
    'status',
    'applicant_name',
    'applicant_id_masked',
    'cross_district',
    sql<string>`coalesce(queue_at, submitted_at)::text`.as('queue_key_text'),
    QUEUE_KEY.as('queue_key'),
    'submitted_at',
    'interview_reasons',
    'version',
    'claimed_by',
  ]);
  if (filter.service) page = page.where('service', '=', filter.service);
  if (filter.district === 'in') page = page.where('cross_district', '=', false);
  if (filter.district === 'cross') page = page.where('cross_district', '=', true);
  if (filter.waitingDays && filter.waitingDays > 0) page = page.where(QUEUE_KEY, '<=', new Date(Date.now() - filter.waitingDays * 86_400_000));
  const q = filter.q?.trim().toUpperCase();
  if (q) {
    if (/^[A-Z]{2,8}-/.test(q)) {
      page = page.where('order_no', 'like', `${q.replace(/[%_\\]/g, '')}%`);
    } else {
      const tail = q.replace(/\s/g, '').slice(-4);
      page = page.where('applicant_id_tail', '=', tail);
      if (q.includes('*')) page = page.where('applicant_id_masked', '=', q);
    }
  }
  if (filter.cursor) {
    const [crossDistrict, queuedAt, id] = readCursor(queueCursor, filter.cursor);
    page = page.where(sql<boolean>`(cross_district, coalesce(queue_at, submitted_at), applications.id) > (${crossDistrict === 1}, ${queuedAt}::timestamptz, ${id}::uuid)`);
  }
  const chosen = page.orderBy('cross_district').orderBy(QUEUE_KEY).orderBy('applications.id').limit(limit + 1);
  return (
    db
      .selectFrom(chosen.as('page'))
      .leftJoin('staff as holder', 'holder.id', 'page.claimed_by')
      // 需面审 only while the interview is still ahead: not once it was passed (one probe per row).
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('application_history as h')
            .select(sql<boolean>`true`.as('passed'))
            .whereRef('h.application_id', '=', 'page.id')
            .where('h.action', '=', 'interview_passed')
            .limit(1)
            .as('interview'),
        (join) => join.onTrue(),
      )
      .selectAll('page')
      .select(['holder.display_name as claimed_by_name', 'interview.passed as interview_passed'])
      .orderBy('page.cross_district')
      .orderBy('page.queue_key')
      .orderBy('page.id')
  );
}

export async function queuePage(db: Kysely<Database>, filter: QueueFilter): Promise<QueuePage> {
  const limit = Math.min(100, Math.max(1, filter.limit ?? 20));
  const rows = await queueQuery(db, filter, limit).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const now = Date.now();
  return {
    items: page.map(
      (row): QueueItem => ({
        id: row.id,
        orderNo: row.order_no ?? '',
        service: row.service,
        serviceTitle: findApplicationService(row.service)?.title ?? row.service,
        status: row.status as ApplicationStatus,
        statusLabel: statusLabel(row.status, findApplicationService(row.service)),
        applicantName: row.applicant_name,
        applicantIdMasked: row.applicant_id_masked,
        inDistrict: !row.cross_district,
        queuedAt: new Date(row.queue_key).toISOString(),
        submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at).toISOString(),
        waitingDays: Math.floor((now - new Date(row.queue_key).getTime()) / 86_400_000),
        interviewRequired: row.interview_reasons.length > 0 && INTERVIEW_AHEAD.has(row.status) && !row.interview_passed,
        claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
        version: row.version,
      }),
    ),
    nextCursor: rows.length > limit && last ? queueCursor.encode([last.cross_district ? 1 : 0, last.queue_key_text, last.id]) : null,
  };
}

/** Statuses in which an interview the order needs is still ahead (待视频面审 shows as its own status). */
const INTERVIEW_AHEAD = new Set(['submitted', 'first_review', 'supplement_requested', 'second_review']);

export const consoleQueueRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(options.db, options.staffSessions));
  app.get(
    '/api/console/queue',
    {
      schema: {
        tags: ['console'],
        summary: "The mission's review queue (in-district first, longest waiting first; keyset pages)",
        querystring: z.object({
          status: z.union([applicationStatusSchema, z.literal('active')]).optional(),
          service: z.enum(applicationServiceIds()).optional(),
          district: z.enum(['in', 'cross', 'all']).optional(),
          waitingDays: z.coerce.number().int().min(0).max(3650).optional(),
          q: z.string().max(64).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: { 200: queuePageSchema, ...errorResponses },
      },
    },
    async (request) => queuePage(options.db, { ...request.query, missionId: staffOf(request).missionId }),
  );
};
