/**
 * `npm run bench`: autocannon against a real server on loopback (fresh database, the
 * WeChat sandbox beside it). Compares an authenticated GET /api/me — bearer token
 * lookup plus the profile query — with the bare /livez route in the same run.
 * Targets (issues #2, #15): ratio ≥ 0.5 and p99 ≤ 20 ms, on PGlite and, with
 * BENCH_DATABASE_URL, on PostgreSQL (in-process caches kept exact by LISTEN/NOTIFY).
 */
import autocannon from 'autocannon';
import { startTestServer } from '../tests/helpers/test-server';

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const postgresBaseUrl = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ database: postgresBaseUrl ? 'postgres' : 'pglite', postgresBaseUrl });
  try {
    const token = await server.loginCitizen('o_bench');
    await fetch(`${server.baseUrl}/api/me/mission`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ missionId: 'us-new-york' }),
    });
    // Warm up both paths (JIT, PGlite's plan cache).
    await autocannon({ url: `${server.baseUrl}/api/me`, connections: 4, amount: 2000, headers: { authorization: `Bearer ${token}` } });
    await autocannon({ url: `${server.baseUrl}/livez`, connections: 4, amount: 2000 });

    const bare = await measure(`${server.baseUrl}/livez`);
    const me = await measure(`${server.baseUrl}/api/me`, { authorization: `Bearer ${token}` });
    const ratio = me.rps / bare.rps;
    console.log(`database: ${server.dbKind}, ${CONNECTIONS} connections, ${DURATION_S} s each`);
    console.log(`bare GET /livez            ${bare.rps} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms`);
    console.log(`authenticated GET /api/me  ${me.rps} req/s  p50 ${me.p50} ms  p99 ${me.p99} ms`);
    console.log(`ratio ${ratio.toFixed(2)} (target ≥ 0.5), /api/me p99 ${me.p99} ms (target ≤ 20 ms)`);
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
