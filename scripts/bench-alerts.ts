/**
 * `npm run bench:alerts`: a targeted safety alert reaching 100,000 registrants.
 * Seeds accounts and registrations with generate_series (fresh database: PGlite in memory,
 * or a fresh database on BENCH_DATABASE_URL's PostgreSQL server), then
 * 1. fan-out: times the one statement the alert hook runs (server/registration/alert-fan-out.ts)
 *    until every 消息中心 message, delivery row and subscription job exists;
 * 2. drain: runs the job runner with the real 安全提醒 handler against the WeChat sandbox
 *    (real HTTP on loopback) until every subscription job is done, and prints jobs/s.
 * BENCH_REGISTRANTS (100000), BENCH_SUBSCRIBED (2000 accounts with quota) change the sizes.
 * Goal: messages for 100 k registrants in ≤ 10 s on PostgreSQL.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createWechatSandbox } from '../sandbox/wechat-sandbox';
import { openDatabase } from '../server/db/database';
import { JobRunner } from '../server/jobs/job-queue';
import { seedDemoMissions } from '../server/missions/mission-repository';
import { fanOutAlert, SAFETY_ALERT_MESSAGE_JOB } from '../server/registration/alert-fan-out';
import { safetyAlertMessageJob } from '../server/registration/alert-subscription-job';
import { createSubscribeMessageClient } from '../server/wechat/subscribe-message';
import { createFreshPostgresDatabase } from '../tests/helpers/fresh-database';

const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS || 100_000);
const SUBSCRIBED = Math.min(REGISTRANTS, Number(process.env.BENCH_SUBSCRIBED || 2_000));
const TEMPLATE = 'bench-safety-alert';

async function main() {
  const pgBase = process.env.BENCH_DATABASE_URL;
  const fresh = pgBase ? await createFreshPostgresDatabase(pgBase) : null;
  const database = await openDatabase({ databaseUrl: fresh?.url ?? null, pgliteDir: null });
  const { db } = database;
  const sandbox = createWechatSandbox({ appId: 'wx_bench', appSecret: 'bench-secret', acceptUnknownCodes: false });
  try {
    await seedDemoMissions(db);
    let started = performance.now();
    const staff = await db
      .insertInto('staff')
      .values({ username: 'bench', display_name: 'bench', password_hash: 'x', role: 'supervisor', mission_id: 'us-new-york' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = Math.round(REGISTRANTS / 0.9);
    await sql`insert into users (openid, last_login_at) select 'o_bench_' || g, now() from generate_series(1, ${rows}) g`.execute(db);
    // Every registrant in New York state (the alert's area), plus 10 % elsewhere that it must not reach.
    await sql`
      insert into registrations (user_id, relation, name, id_type, id_number_enc, id_number_index, id_number_masked, id_number_tail,
        birth_date, phone_masked, details_enc, country_code, region, city, mission_id, purpose, arrival_date, departure_date, certificate_code)
      select u.id, 'self', '登记人' || g, 'passport', 'sealed', decode(md5(g::text), 'hex'), 'E1******' || g % 10, lpad((g % 10000)::text, 4, '0'),
        date '1990-01-01', '+1*****0100', 'sealed', 'US', case when g % 10 = 0 then '新泽西' else '纽约' end, 'New York', 'us-new-york',
        (array['student','worker','resident','visitor'])[1 + g % 4], date '2025-01-01', date '2030-01-01', 'CRBENCH' || lpad(g::text, 7, '0')
      from generate_series(1, ${rows}) g
      join users u on u.openid = 'o_bench_' || g`.execute(db);
    await sql`insert into subscription_quota (user_id, template_id, remaining)
      select id, ${TEMPLATE}, 1 from users where openid like 'o_bench_%' order by openid limit ${SUBSCRIBED}`.execute(db);
    await sql`analyze`.execute(db);
    const seeded = await sql<{ n: string }>`select count(*)::text as n from registrations where region = '纽约'`.execute(db);
    console.log(`database: ${database.kind}; ${seeded.rows[0].n} registrants in the area seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const alert = await db
      .insertInto('travel_alerts')
      .values({ country_code: 'US', level: 'caution', title: '纽约州暴风雪预警', body: '请减少外出。', region: '纽约', effective_from: new Date(), mission_id: 'us-new-york', created_by: staff.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    started = performance.now();
    const counts = await fanOutAlert(db, alert, TEMPLATE);
    const fanOutMs = performance.now() - started;
    const messages = await sql<{ n: string }>`select count(*)::text as n from messages where alert_id = ${alert.id}`.execute(db);
    console.log(
      `fan-out: ${counts.people} people, ${messages.rows[0].n} 消息中心 messages, ${counts.subscriptionJobs} subscription jobs in ${(fanOutMs / 1000).toFixed(2)} s` +
        ` (${Math.round(counts.people / (fanOutMs / 1000))} registrants/s)`,
    );

    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    const apiBase = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
    const client = createSubscribeMessageClient({ apiBase, appId: 'wx_bench', appSecret: 'bench-secret' });
    const runner = new JobRunner(db, { [SAFETY_ALERT_MESSAGE_JOB]: safetyAlertMessageJob(db, client, { templateId: TEMPLATE }) }, { pollMs: 0 });
    started = performance.now();
    const ran = await runner.runDue();
    const drainMs = performance.now() - started;
    const sent = await sql<{ n: string }>`select count(*)::text as n from alert_notifications where alert_id = ${alert.id} and subscription = 'sent'`.execute(db);
    console.log(`drain: ${ran} subscription jobs (${sent.rows[0].n} sent) in ${(drainMs / 1000).toFixed(2)} s: ${Math.round(ran / (drainMs / 1000))} jobs/s (one runner, batches of 20)`);
  } finally {
    await sandbox.close();
    await database.close();
    await fresh?.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
