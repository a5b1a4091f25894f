/**
 * `npm run bench:signals`: how fast a WebRTC signal (SDP, ICE candidate) reaches the other
 * side of a video interview — the time call set-up waits on our server. Real HTTP against
 * the real server (PGlite; a fresh database on BENCH_DATABASE_URL's PostgreSQL server when
 * set): the citizen's call page holds a long-poll, the console posts a signal, we time from
 * the POST until the long-poll answers with it. Two paths:
 *   - same instance: the insert wakes the waiting poll in-process;
 *   - another instance: the signal is inserted straight into the database (as a second
 *     server would), so only the poll's database re-check (every 500 ms) finds it.
 * BENCH_SIGNALS changes the count per path (default 200).
 */
import { performance } from 'node:perf_hooks';
import { startApplicationsServer, images } from '../tests/server/applications/helpers';
import { missionDate, orderWithOpenCall, staffSession } from '../tests/server/interviews/helpers';

const COUNT = Number(process.env.BENCH_SIGNALS || 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${name.padEnd(44)} n=${sorted.length}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function main() {
  const database = process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite';
  if (database === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0', LOG_LEVEL: 'error' });
  try {
    const { server } = ctx;
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    const staff = await staffSession(server, 'bench.signals', 'reviewer');
    const order = await orderWithOpenCall(server, files, 'o_bench_signals', staff, missionDate(3));
    const ticket = await order.api.post(`/api/applications/${order.id}/interview/call-ticket`);
    const ticketValue = new URL(ticket.body.path, server.baseUrl).searchParams.get('ticket');
    const joined = await fetch(`${server.baseUrl}/api/interview-calls/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: ticketValue }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const signalsUrl = `${server.baseUrl}/api/interview-calls/${order.callId}/signals`;
    let after = 0;
    // The citizen's long-poll, as the call page holds it.
    const poll = async () => {
      const response = await fetch(`${signalsUrl}?after=${after}&waitMs=20000`, { headers: { authorization: `Bearer ${joined.token}` } });
      const page = (await response.json()) as { signals: Array<{ seq: number }> };
      if (page.signals.length) after = page.signals[page.signals.length - 1].seq;
      return performance.now();
    };
    const candidate = (i: number) => ({ candidate: `candidate:${i} 1 udp 2122260223 127.0.0.1 ${50000 + i} typ host`, sdpMid: '0', sdpMLineIndex: 0 });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30)); // the poll is waiting before we send

    const sameInstance: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      const answered = poll();
      await settle();
      const sent = performance.now();
      await fetch(signalsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `cc_staff=${staff.cookie}` },
        body: JSON.stringify({ kind: 'candidate', data: candidate(i) }),
      });
      sameInstance.push((await answered) - sent);
    }

    const otherInstance: number[] = [];
    const crossCount = Math.min(COUNT, 60); // each waits up to one re-check interval
    for (let i = 0; i < crossCount; i++) {
      const answered = poll();
      // Land anywhere in the poll's re-check interval, as another instance's signal would.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 480));
      const sent = performance.now();
      await server.db
        .insertInto('interview_signals')
        .values({ call_id: order.callId, from_side: 'staff', kind: 'candidate', data: JSON.stringify(candidate(i)) })
        .execute();
      otherInstance.push((await answered) - sent);
    }

    console.log(`database: ${database}; signal delivery, POST → the other side's long-poll answers (real HTTP, loopback)`);
    console.log(summary('same instance (in-process wake)', sameInstance));
    console.log(summary('another instance (database re-check, 500 ms)', otherInstance));
  } finally {
    await ctx.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
