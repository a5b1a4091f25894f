/**
 * `npx tsx scripts/bench-queue.ts`: the console's review queue at 100,000 orders.
 * Seeds orders with one generate_series INSERT (fresh database; PGlite in memory, or a
 * fresh database on BENCH_DATABASE_URL's PostgreSQL server), then times 200+ queue page
 * queries through the same function the route uses (server/orders/console-routes.ts
 * queuePage): first pages, deep keyset pages, filtered pages and searches. Prints p50/p99
 * per kind and overall. Target: p99 ≤ 50 ms. BENCH_ORDERS changes the count.
 */
import { performance } from 'node:perf_hooks';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../server/db/schema';
import { syncServiceTable } from '../server/applications/service-table';
import { openDatabase } from '../server/db/database';
import { seedDemoMissions } from '../server/missions/mission-repository';
import { type QueueFilter, queuePage, queueQuery } from '../server/orders/console-queue';
import { createFreshPostgresDatabase } from '../tests/helpers/fresh-database';

const ORDERS = Number(process.env.BENCH_ORDERS || 100_000);
const MISSION = 'us-new-york';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const pgBase = process.env.BENCH_DATABASE_URL;
  const fresh = pgBase ? await createFreshPostgresDatabase(pgBase) : null;
  const database = await openDatabase({ databaseUrl: fresh?.url ?? null, pgliteDir: null });
  const { db } = database;
  try {
    // What the server does at start: the registry's services (applications reference them), the missions.
    await syncServiceTable(db);
    await seedDemoMissions(db);

    let started = performance.now();
    await sql`insert into users (openid, last_login_at) select 'o_bench_' || g, now() from generate_series(1, 5000) g`.execute(db);
    // 70% New York (the mission under test), the rest spread over the others; statuses, services,
    // districts and queue times mixed like a busy consulate (13% cross-district, 90 days of queue).
    await sql`
      insert into applications (user_id, mission_id, service, status, answers_enc, current_step, active, order_no,
        applicant_index, interview_reasons, fee_codes, created_at, updated_at, submitted_at, queue_at, cross_district,
        applicant_name, applicant_id_masked, applicant_id_tail, version)
      select u.id,
        case when g % 10 < 7 then ${MISSION} else (array['us-washington','us-chicago','us-san-francisco','us-los-angeles','gb-london'])[1 + g % 5] end,
        case when g % 7 = 0 then 'emergency_travel' else 'passport' end,
        s.status,
        'bench', 'review',
        s.status not in ('completed', 'rejected', 'withdrawn'),
        'BENCH-P-' || lpad(g::text, 7, '0'),
        decode(md5(g::text), 'hex'),
        case when g % 5 = 0 then array['face_skipped'] else '{}' end,
        array['passport'],
        q.t - interval '1 hour', q.t, q.t, q.t,
        g % 8 = 0,
        '申请人' || g,
        '1101**********' || lpad((g % 10000)::text, 4, '0'),
        lpad((g % 10000)::text, 4, '0'),
        1
      from generate_series(1, ${ORDERS}) g
      join lateral (select date_trunc('milliseconds', now() - (g::bigint * 77777 % 7776000000) * interval '1 millisecond') as t) q on true
      join lateral (select (array['submitted','submitted','submitted','submitted','supplement_requested','second_review','second_review',
        'interview','approved','in_production','ready_for_pickup','mailed','completed','completed','rejected','withdrawn'])[1 + g % 16] as status) s on true
      join users u on u.openid = 'o_bench_' || (1 + g % 5000)`.execute(db);
    // A history like a working mission's: each order's path so far (submitted, reviews, interviews passed).
    await sql`
      insert into application_history (application_id, at, action, from_status, to_status, actor_kind)
      select a.id, a.submitted_at + (n || ' hours')::interval,
        (array['submit','start_review','require_interview','interview_passed'])[n],
        (array['awaiting_payment','submitted','first_review','interview'])[n],
        (array['submitted','first_review','interview','second_review'])[n],
        case when n = 1 then 'citizen' else 'staff' end
      from applications a join generate_series(1, 4) n on n <= 1 + (hashtext(a.id::text) & 3)`.execute(db);
    await sql`analyze applications`.execute(db);
    await sql`analyze application_history`.execute(db);
    const seedMs = performance.now() - started;
    const count = await sql<{ n: string }>`select count(*)::text as n from applications`.execute(db);
    console.log(`database: ${database.kind}; ${count.rows[0].n} orders seeded in ${(seedMs / 1000).toFixed(1)} s (${MISSION}: ~${Math.round(ORDERS * 0.7)})`);

    const kinds: Array<{ name: string; filters: () => Promise<QueueFilter[]> }> = [];
    const base: QueueFilter = { missionId: MISSION, limit: 20 };
    // Cursors deep into the queue, collected by walking it once (not timed).
    const deepCursors = async (filter: QueueFilter, pages: number[]) => {
      const cursors: string[] = [];
      let cursor: string | undefined;
      for (let page = 1; page <= Math.max(...pages); page++) {
        const result = await queuePage(db, { ...filter, limit: 100, cursor });
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
        if (pages.includes(page)) cursors.push(cursor);
      }
      return cursors;
    };
    kinds.push({ name: 'first page, all in progress (default)', filters: async () => [base] });
    kinds.push({ name: 'first page, 待审核', filters: async () => [{ ...base, status: 'submitted' }] });
    kinds.push({
      name: 'deep keyset pages (to ~row 40,000)',
      filters: async () => (await deepCursors(base, [10, 50, 100, 200, 300, 400])).map((cursor) => ({ ...base, cursor })),
    });
    kinds.push({
      name: 'deep keyset pages, 待审核',
      filters: async () => (await deepCursors({ ...base, status: 'submitted' }, [10, 50, 100, 150])).map((cursor) => ({ ...base, status: 'submitted' as const, cursor })),
    });
    kinds.push({
      name: 'filtered: service + cross-district + waiting ≥ 30 days',
      filters: async () => [
        { ...base, service: 'emergency_travel' },
        { ...base, district: 'cross' },
        { ...base, waitingDays: 30 },
        { ...base, status: 'second_review', service: 'passport', district: 'in' },
      ],
    });
    kinds.push({
      name: 'search: order number, masked identity',
      filters: async () => [{ ...base, q: 'BENCH-P-0012345' }, { ...base, q: 'BENCH-P-00123' }, { ...base, q: '4321' }, { ...base, q: '1101**********0042' }],
    });

    const all: number[] = [];
    const QUERIES_PER_KIND = Number(process.env.BENCH_QUERIES || 40);
    for (const kind of kinds) {
      const filters = await kind.filters();
      if (filters.length === 0) throw new Error(`no filters for ${kind.name}`);
      for (const filter of filters) await queuePage(db, filter); // warm-up (plans, caches)
      const times: number[] = [];
      let slowest = { ms: 0, filter: filters[0] };
      for (let i = 0; i < QUERIES_PER_KIND; i++) {
        const filter = filters[i % filters.length];
        started = performance.now();
        const page = await queuePage(db, filter);
        const ms = performance.now() - started;
        times.push(ms);
        if (ms > slowest.ms) slowest = { ms, filter };
        if (page.items.length === 0 && !filter.q && !filter.waitingDays) throw new Error(`empty page for ${kind.name}`);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      console.log(`  ${kind.name.padEnd(55)} n=${times.length}  p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`);
      // BENCH_EXPLAIN=1: the plan of the kind's slowest query, exactly as the route sends it.
      if (process.env.BENCH_EXPLAIN) console.log(await explain(db, slowest.filter));
    }
    all.sort((a, b) => a - b);
    const p99 = percentile(all, 99);
    console.log(`all queue queries: n=${all.length}  p50 ${percentile(all, 50).toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (target p99 ≤ 50 ms: ${p99 <= 50 ? 'met' : 'NOT met'})`);
    console.log('plan of a deep page:\n' + (await explain(db, (await kinds[2].filters())[5] ?? base)));
  } finally {
    await database.close();
    await fresh?.drop();
  }
}

/** EXPLAIN ANALYZE of the queue query for a filter, with the parameters the route binds. */
async function explain(db: Kysely<Database>, filter: QueueFilter): Promise<string> {
  const compiled = queueQuery(db, filter, filter.limit ?? 20).compile();
  const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, costs off, timing off) ${compiled.sql}`, [...compiled.parameters]));
  return plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
