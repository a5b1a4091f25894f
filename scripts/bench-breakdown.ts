/**
 * `npm run bench:breakdown`: where the time of an authenticated `GET /api/me` goes, piece
 * by piece, on the database `npm run bench` uses (BENCH_DATABASE_URL for PostgreSQL):
 * per-request crypto (token hash), the two queries (session, profile) alone and under
 * 20-way concurrency with pools of several sizes, and the response serialisation.
 * Figures are written down in docs/deploy.md ("Where the time of a read goes").
 */
import { performance } from 'node:perf_hooks';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Database } from '../server/db/schema';
import { profileSchema } from '../server/http/profile-schema';
import { loadProfile } from '../server/profile/profile-repository';
import { hashToken } from '../server/security/tokens';
import { startTestServer } from '../tests/helpers/test-server';

const CONCURRENCY = 20;

function perCallMicros(n: number, fn: () => unknown): number {
  for (let i = 0; i < 1000; i++) fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - start) * 1000) / n;
}

async function sequentialMs(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)], p99: times[Math.floor(n * 0.99)] };
}

/** `CONCURRENCY` workers each running `fn` for `ms`: operations per second. */
async function concurrentRate(ms: number, fn: () => Promise<unknown>): Promise<number> {
  const until = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await fn();
        done++;
      }
    }),
  );
  return Math.round(done / (ms / 1000));
}

async function main() {
  const postgresBaseUrl = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ database: postgresBaseUrl ? 'postgres' : 'pglite', postgresBaseUrl });
  try {
    const token = await server.loginCitizen('o_bench');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${server.baseUrl}/api/me/mission`, { method: 'PUT', headers: auth, body: JSON.stringify({ missionId: 'us-new-york' }) });
    const tokenHash = hashToken(token);
    const session = await sql<{ user_id: string }>`select user_id from user_sessions where token_hash = ${tokenHash}`.execute(server.db);
    const userId = session.rows[0].user_id;
    const profile = (await loadProfile(server.db, userId))!;

    const serialize = serializerCompiler({ schema: profileSchema, method: 'GET', url: '/api/me', httpStatus: '200' });
    console.log(`database: ${server.dbKind}`);
    console.log(`crypto   sha256(token)                 ${perCallMicros(100_000, () => hashToken(token)).toFixed(2)} µs/call`);
    console.log(`json     zod-checked profile serializer ${perCallMicros(20_000, () => serialize(profile)).toFixed(2)} µs/call`);
    console.log(`json     plain JSON.stringify(profile)  ${perCallMicros(20_000, () => JSON.stringify(profile)).toFixed(2)} µs/call`);

    const sessionQuery = () =>
      sql`select id, user_id, last_seen_at, expires_at from user_sessions where token_hash = ${hashToken(token)} and revoked_at is null`.execute(server.db);
    const profileQuery = () => loadProfile(server.db, userId);
    const roundTrip = () => sql`select 1`.execute(server.db);
    for (const [name, fn] of [['select 1', roundTrip], ['session query', sessionQuery], ['profile query', profileQuery]] as const) {
      const { p50, p99 } = await sequentialMs(2000, fn);
      console.log(`sequential  ${name.padEnd(14)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms`);
    }
    if (server.dbKind === 'postgres') {
      for (const max of [4, 10, 20]) {
        const pool = new Pool({ connectionString: server.config.databaseUrl!, max });
        const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
        const both = async () => {
          await sql`select id, user_id, last_seen_at, expires_at from user_sessions where token_hash = ${hashToken(token)} and revoked_at is null`.execute(db);
          await loadProfile(db, userId);
        };
        await concurrentRate(500, both);
        console.log(`pool ${String(max).padStart(2)}, ${CONCURRENCY} concurrent: session+profile ${await concurrentRate(3000, both)} /s, select 1 ${await concurrentRate(3000, () => sql`select 1`.execute(db))} /s`);
        await db.destroy();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
