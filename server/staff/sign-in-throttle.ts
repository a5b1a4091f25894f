import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { ipBucket } from '../security/rate-limit';

/**
 * Password-guessing limits for the console sign-in, kept in PostgreSQL (shared by every
 * instance). Every attempt first *reserves* its place with one conditional upsert that
 * returns the new count, so 100 concurrent wrong passwords are counted 1…100 and only the
 * first few are checked at all — the count is never read before the failure is written.
 *
 * - per address: at most ADDRESS_MAX failed attempts per window, whatever the account;
 * - per account + address: ACCOUNT_ADDRESS_FREE attempts, then exponential backoff (30 s,
 *   60 s, 120 s … up to BACKOFF_CAP_SECONDS);
 * - per account, from addresses it never signed in from: ACCOUNT_MAX attempts per window.
 *   A right password from a known address still gets in, so guessing cannot lock the owner out.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  addressMax: 30,
  accountMax: 10,
  accountAddressFree: 5,
  /** The first wait after the free attempts; each further one doubles. */
  backoffBaseSeconds: 30,
  backoffCapSeconds: 15 * 60,
} as const;

export type ThrottleVerdict = { allowed: true; buckets: string[] } | { allowed: false };

const bucketFor = {
  address: (ip: string) => `addr:${ip}`,
  account: (username: string) => `acct:${username}`,
  accountAddress: (username: string, ip: string) => `acct-addr:${username}|${ip}`,
};

/** Fixed window: counts this attempt, answers whether it is within `max`. */
async function reserveInWindow(db: Kysely<Database>, bucket: string, max: number, who: { username: string | null; ip: string | null }): Promise<boolean> {
  const window = sql`make_interval(secs => ${THROTTLE.windowSeconds})`;
  const result = await sql<{ attempts: number }>`
    insert into staff_sign_in_throttle as t (bucket, username, ip, attempts, window_started_at)
    values (${bucket}, ${who.username}, ${who.ip}, 1, now())
    on conflict (bucket) do update set
      window_started_at = case when t.window_started_at <= now() - ${window} then now() else t.window_started_at end,
      attempts = case when t.window_started_at <= now() - ${window} then 1 else t.attempts + 1 end,
      blocked_until = case when t.window_started_at <= now() - ${window} then null
                           when t.attempts + 1 >= ${max} then t.window_started_at + ${window} else t.blocked_until end
    returning attempts`.execute(db);
  return Number(result.rows[0].attempts) <= max;
}

/**
 * Exponential backoff for one account from one address: the upsert only goes through when
 * the address is not waiting, and sets the next wait itself — so of many concurrent
 * attempts at most one gets past each wait.
 */
async function reserveWithBackoff(db: Kysely<Database>, bucket: string, who: { username: string; ip: string }): Promise<boolean> {
  const free = THROTTLE.accountAddressFree;
  const result = await sql<{ attempts: number }>`
    insert into staff_sign_in_throttle as t (bucket, username, ip, attempts, window_started_at)
    values (${bucket}, ${who.username}, ${who.ip}, 1, now())
    on conflict (bucket) do update set
      attempts = t.attempts + 1,
      blocked_until = case when t.attempts + 1 > ${free}
        then now() + make_interval(secs => least(${THROTTLE.backoffCapSeconds}, ${THROTTLE.backoffBaseSeconds} * power(2, t.attempts - ${free})))
        else null end
    where t.blocked_until is null or t.blocked_until <= now()
    returning attempts`.execute(db);
  return result.rows.length === 1;
}

export async function isKnownAddress(db: Kysely<Database>, staffId: string, ip: string): Promise<boolean> {
  const row = await db.selectFrom('staff_known_addresses').select('ip').where('staff_id', '=', staffId).where('ip', '=', ipBucket(ip)).executeTakeFirst();
  return row !== undefined;
}

/** Reserves one sign-in attempt for `username` from `ip` (before the password is checked). */
export async function reserveSignInAttempt(
  db: Kysely<Database>,
  attempt: { username: string; ip: string; knownAddress: boolean },
): Promise<ThrottleVerdict> {
  const username = attempt.username.toLowerCase();
  const ip = ipBucket(attempt.ip);
  const buckets = [bucketFor.address(ip), bucketFor.accountAddress(username, ip)];
  if (!(await reserveInWindow(db, buckets[0], THROTTLE.addressMax, { username: null, ip }))) return { allowed: false };
  if (!(await reserveWithBackoff(db, buckets[1], { username, ip }))) return { allowed: false };
  if (!attempt.knownAddress) {
    buckets.push(bucketFor.account(username));
    if (!(await reserveInWindow(db, buckets[2], THROTTLE.accountMax, { username, ip: null }))) return { allowed: false };
  }
  return { allowed: true, buckets };
}

/** A right password: this attempt does not count, the account+address backoff starts over, the address becomes known. */
export async function recordSignInSuccess(db: Kysely<Database>, staffId: string, ip: string, buckets: string[]): Promise<void> {
  const [address, accountAddress, account] = buckets;
  await db.deleteFrom('staff_sign_in_throttle').where('bucket', '=', accountAddress).execute();
  await db
    .updateTable('staff_sign_in_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('bucket', 'in', account ? [address, account] : [address])
    .where('attempts', '>', 0)
    .execute();
  await sql`insert into staff_known_addresses (staff_id, ip) values (${staffId}, ${ipBucket(ip)})
            on conflict (staff_id, ip) do update set last_seen_at = now()`.execute(db);
}

export interface SignInLockout {
  username: string | null;
  address: string | null;
  kind: 'address' | 'account' | 'account_address';
  attempts: number;
  blockedUntil: string;
}

/** Current lockouts touching the given usernames (a mission's staff), and addresses blocked while trying them. */
export async function currentLockouts(db: Kysely<Database>, usernames: string[]): Promise<SignInLockout[]> {
  if (usernames.length === 0) return [];
  const lower = usernames.map((u) => u.toLowerCase());
  const rows = await db
    .selectFrom('staff_sign_in_throttle')
    .select(['bucket', 'username', 'ip', 'attempts', 'blocked_until'])
    .where('blocked_until', '>', sql<Date>`now()`)
    .where((eb) =>
      eb.or([
        eb('username', 'in', lower),
        eb('ip', 'in', eb.selectFrom('staff_sign_in_throttle as t2').select('t2.ip').where('t2.username', 'in', lower).where('t2.ip', 'is not', null)).and('username', 'is', null),
      ]),
    )
    .orderBy('blocked_until', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    username: row.username,
    address: row.ip,
    kind: row.bucket.startsWith('addr:') ? 'address' : row.bucket.startsWith('acct-addr:') ? 'account_address' : 'account',
    attempts: row.attempts,
    blockedUntil: new Date(row.blocked_until!).toISOString(),
  }));
}
