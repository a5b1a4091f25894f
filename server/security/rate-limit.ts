import { Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Request counting in PostgreSQL, so N instances behind a load balancer share one count.
 * Each key gets a fixed window that starts at its first hit; one upsert both counts and
 * rolls the window over, so concurrent hits cannot lose increments.
 */
export class RateLimiter {
  private calls = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly windowSeconds: number,
  ) {}

  /** Counts a hit on `bucket`; returns the hits in the current window and when it ends. */
  async hit(bucket: string): Promise<{ hits: number; resetsAt: Date }> {
    const window = sql`make_interval(secs => ${this.windowSeconds})`;
    const result = await sql<{ hits: number; resets_at: Date }>`
      insert into rate_limit_buckets as b (bucket, window_started_at, hits)
      values (${bucket}, now(), 1)
      on conflict (bucket) do update set
        window_started_at = case when b.window_started_at <= now() - ${window} then now() else b.window_started_at end,
        hits = case when b.window_started_at <= now() - ${window} then 1 else b.hits + 1 end
      returning hits, window_started_at + ${window} as resets_at`.execute(this.db);
    if (++this.calls % 500 === 0) await this.sweep();
    const row = result.rows[0];
    return { hits: Number(row.hits), resetsAt: new Date(row.resets_at) };
  }

  /** Hits on `bucket` in its current window, without counting one. */
  async current(bucket: string): Promise<number> {
    const row = await sql<{ hits: number }>`
      select hits from rate_limit_buckets
      where bucket = ${bucket} and window_started_at > now() - make_interval(secs => ${this.windowSeconds})`.execute(this.db);
    return Number(row.rows[0]?.hits ?? 0);
  }

  /** Drops buckets whose window ended long ago, so the table holds only recent callers. */
  async sweep(): Promise<void> {
    await sql`delete from rate_limit_buckets
              where window_started_at < now() - make_interval(secs => ${this.windowSeconds * 2})`.execute(this.db);
  }
}

/**
 * The address a limit is kept for: IPv4 as is (also when IPv4-mapped), IPv6 by its /64,
 * since one host usually holds a whole /64 and could otherwise rotate addresses freely.
 */
export function ipBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = ip.includes('::') ? [...headParts, ...Array(Math.max(missing, 0)).fill('0'), ...tailParts] : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
