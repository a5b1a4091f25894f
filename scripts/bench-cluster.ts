/**
 * `npm run bench:cluster` (needs BENCH_DATABASE_URL=postgres://…): one and then two server
 * instances — separate processes on one PostgreSQL database, files in PostgreSQL — behind
 * a round-robin proxy on loopback, under a mixed citizen workload driven by autocannon:
 * each connection is one citizen who logs in, reads the profile, lists the orders, opens
 * a draft and uploads a 300 KB ID photo, over and over. Bounded in count (BENCH_CYCLES
 * cycles per connection) and in time. Prints throughput and p99 for one vs two instances.
 */
import autocannon from 'autocannon';
import { generatePiiKey } from '../server/security/pii-cipher';
import { createFreshPostgresDatabase } from '../tests/helpers/fresh-database';
import { spawnInstance, type SpawnedInstance } from '../tests/helpers/spawn-instance';
import { images, residentId, verifiedCitizen } from '../tests/server/applications/helpers';
import { newDraft, walkRenewal } from '../tests/server/applications/walk';
import { portraitJpeg } from '../tests/server/photo/synthetic-portrait';
import { startRoundRobinProxy } from './round-robin-proxy';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const CYCLES = Number(process.env.BENCH_CYCLES || 20);
const STEPS = 5;

interface Citizen {
  openid: string;
  draftId: string;
}

async function main() {
  const baseUrl = process.env.BENCH_DATABASE_URL;
  if (!baseUrl) throw new Error('bench:cluster needs BENCH_DATABASE_URL=postgres://… (several instances share one PostgreSQL)');
  const database = await createFreshPostgresDatabase(baseUrl);
  const piiKey = generatePiiKey();
  const env = { FILE_STORAGE: 'postgres', JOB_POLL_MS: '1000', LOG_LEVEL: 'silent' };
  const instances: SpawnedInstance[] = [];
  try {
    const a = await spawnInstance({ sharedDatabaseUrl: database.url, piiKey, env });
    instances.push(a);
    const sandboxUrl = (a.asTestServer as unknown as { sandboxUrl: string }).sandboxUrl;
    // One WeChat sandbox for both, as one WeChat for every instance in production.
    const b = await spawnInstance({ sharedDatabaseUrl: database.url, piiKey, env: { ...env, WECHAT_API_BASE: sandboxUrl } });
    instances.push(b);

    const photo = await portraitJpeg({ width: 1000, height: 1333 }, 92);
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    const citizens: Citizen[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const openid = `o_bench_cluster_${i}`;
      const api = await verifiedCitizen(a.asTestServer, openid, { name: '李明', idType: 'resident_id', idNumber: residentId(600 + i) });
      const draftId = await newDraft(api);
      await walkRenewal(api, draftId, files, { until: 'declaration' });
      citizens.push({ openid, draftId });
    }

    const run = async (upstreams: string[]) => {
      // Login codes, minted ahead: setupRequest cannot wait.
      const codes = new Map<string, string[]>();
      for (const citizen of citizens) {
        const list: string[] = [];
        for (let i = 0; i < CYCLES + 2; i++) list.push(await a.asTestServer.mintLoginCode(citizen.openid));
        codes.set(citizen.openid, list);
      }
      const proxy = await startRoundRobinProxy(upstreams);
      let nextCitizen = 0;
      type Context = { citizen?: Citizen; token?: string };
      const auth = (context: Context) => ({ authorization: `Bearer ${context.token}` });
      try {
        const result = await autocannon({
          url: proxy.url,
          connections: CONNECTIONS,
          amount: CONNECTIONS * CYCLES * STEPS,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              path: '/api/auth/login',
              setupRequest: (request, context: Context) => {
                context.citizen ??= citizens[nextCitizen++ % citizens.length];
                return { ...request, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codes.get(context.citizen.openid)!.shift() }) };
              },
              onResponse: (_status, body, context: Context) => {
                context.token = (JSON.parse(body) as { token: string }).token;
              },
            },
            { method: 'GET', setupRequest: (request, context: Context) => ({ ...request, path: '/api/me', headers: auth(context) }) },
            { method: 'GET', setupRequest: (request, context: Context) => ({ ...request, path: '/api/applications', headers: auth(context) }) },
            { method: 'GET', setupRequest: (request, context: Context) => ({ ...request, path: `/api/applications/${context.citizen!.draftId}`, headers: auth(context) }) },
            {
              method: 'POST',
              setupRequest: (request, context: Context) => ({
                ...request,
                path: `/api/applications/${context.citizen!.draftId}/documents/id_photo`,
                headers: { ...auth(context), 'content-type': 'image/jpeg' },
                body: photo,
              }),
            },
          ],
        });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
        return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, seconds: result.duration };
      } finally {
        await proxy.close();
      }
    };

    // Warm-up (JIT, connections), then the two measured runs.
    await run([a.baseUrl, b.baseUrl]);
    const one = await run([a.baseUrl]);
    const two = await run([a.baseUrl, b.baseUrl]);
    console.log(`mixed citizen workload (login, profile, list, open, 300 KB photo upload), ${CONNECTIONS} connections, ${CONNECTIONS * CYCLES * STEPS} requests per run, PostgreSQL, files in PostgreSQL`);
    console.log(`one instance   ${one.rps} req/s  p50 ${one.p50} ms  p99 ${one.p99} ms  (${one.total} requests in ${one.seconds.toFixed(1)} s)`);
    console.log(`two instances  ${two.rps} req/s  p50 ${two.p50} ms  p99 ${two.p99} ms  (${two.total} requests in ${two.seconds.toFixed(1)} s)`);
    console.log(`two / one: ${(two.rps / one.rps).toFixed(2)}× throughput`);
  } finally {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
