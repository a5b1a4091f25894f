import { type Kysely, sql, type Selectable } from 'kysely';
import type { Database, JobTable } from '../db/schema';

/**
 * A small Postgres-backed job queue (the outbox): jobs are inserted in the caller's
 * transaction, so a job exists exactly when its business change committed; the runner
 * claims due jobs (`FOR UPDATE SKIP LOCKED`, so several instances on PostgreSQL share
 * the work), runs the handler, and on failure retries with exponential backoff
 * (backoff_ms · 2^(attempts-1), capped at 6 h) until max_attempts, then marks it failed.
 * A job whose runner died is taken again once its lock (locked_until) expires.
 *
 * Recurring jobs (e.g. the draft sweep) are jobs too: each poll, every instance offers the
 * current slot's job under the key "<kind>@<slot start>" (jobs.dedupe_key is unique), so
 * one row per slot is written whatever the number of instances, and it runs once.
 */
export type JobRow = Selectable<JobTable>;

/** Thrown by a handler when retrying cannot help (the job is marked failed at once). */
export class PermanentJobError extends Error {}

/** What a handler may return: a note kept in last_error for a job that did nothing (e.g. no quota). */
export type JobOutcome = void | { note: string };
export type JobHandler = (job: JobRow) => Promise<JobOutcome>;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  missionId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  backoffMs?: number;
}

/** The row a new job is inserted as (the table's defaults for attempts and backoff unless given). */
function jobRow(job: NewJob) {
  return {
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    mission_id: job.missionId ?? null,
    run_at: job.runAt ?? new Date(),
    ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    ...(job.backoffMs ? { backoff_ms: job.backoffMs } : {}),
  };
}

/**
 * Like enqueueJob, but at most one job per `dedupeKey` ever: a second call with the same
 * key writes nothing and resolves to null.
 */
export async function enqueueJobOnce(db: Kysely<Database>, job: NewJob & { dedupeKey: string }): Promise<string | null> {
  const row = await db
    .insertInto('jobs')
    .values({ ...jobRow(job), dedupe_key: job.dedupeKey })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values(jobRow(job))
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const LOCK_SECONDS = 120;

export function retryDelayMs(backoffMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempts - 1));
}

/** A job to run every `everyMs` (on the wall clock's slots: every hour on the hour for 3 600 000). */
export interface RecurringJob {
  kind: string;
  everyMs: number;
  maxAttempts?: number;
}

export interface JobRunnerOptions {
  /** Poll interval; 0 = no background polling (call runDue / scheduleRecurring yourself). */
  pollMs: number;
  batchSize?: number;
  /** Scheduled by the background poll only (so tests that call runDue see just their own jobs). */
  recurring?: RecurringJob[];
  log?: { warn(obj: unknown, msg?: string): void };
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private readonly handlers: Record<string, JobHandler>;
  /** Per recurring kind, the last slot this process has offered (saves an insert per poll). */
  private readonly offeredSlots = new Map<string, number>();
  private ticks = 0;

  constructor(
    private readonly db: Kysely<Database>,
    handlers: Record<string, JobHandler>,
    private readonly options: JobRunnerOptions,
  ) {
    this.handlers = { ...handlers };
  }

  /** Adds a recurring job (a module wiring its own sweep, e.g. pension deadline reminders, the registration sweep). */
  addRecurring(job: RecurringJob): void {
    this.options.recurring = [...(this.options.recurring ?? []), job];
  }

  /** Adds the handler of a job kind (a module wiring its own jobs, e.g. payments). */
  register(kind: string, handler: JobHandler): void {
    this.handlers[kind] = handler;
  }

  /** Writes the current slot's job of every recurring kind, once across all instances. */
  async scheduleRecurring(now: Date = new Date()): Promise<void> {
    for (const job of this.options.recurring ?? []) {
      if (job.everyMs <= 0) continue;
      const slot = Math.floor(now.getTime() / job.everyMs);
      if (this.offeredSlots.get(job.kind) === slot) continue;
      const runAt = new Date(slot * job.everyMs);
      await enqueueJobOnce(this.db, { kind: job.kind, payload: {}, runAt, dedupeKey: `${job.kind}@${runAt.toISOString()}`, maxAttempts: job.maxAttempts ?? 3 });
      this.offeredSlots.set(job.kind, slot);
    }
  }

  start(): void {
    if (this.options.pollMs <= 0 || this.timer) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      void this.scheduleRecurring()
        .then(() => this.runDue())
        .catch((error) => this.options.log?.warn({ err: error }, 'job runner tick failed'))
        .finally(() => {
          this.ticks++;
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
  }

  /**
   * How many background polls have finished: lets a caller (a health check, a test) know
   * that the runner has really looked, instead of guessing with a timer.
   */
  get completedTicks(): number {
    return this.ticks;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Claims and runs every due job (one batch at a time); resolves to how many ran. */
  async runDue(): Promise<number> {
    // One pass at a time per process: a tick and a test's explicit call share it.
    if (this.running) return this.running;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim(this.options.batchSize ?? 20);
      if (claimed.length === 0) return total;
      for (const job of claimed) await this.runOne(job);
      total += claimed.length;
    }
  }

  private async claim(limit: number): Promise<JobRow[]> {
    const result = await sql<JobRow>`
      update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LOCK_SECONDS})
      where id in (
        select id from jobs
        where (status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())
        order by run_at, id
        limit ${limit}
        for update skip locked
      )
      returning *`.execute(this.db);
    return result.rows;
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      const outcome = await handler(job);
      await this.db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: new Date(), locked_until: null, last_error: outcome?.note ?? null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof PermanentJobError || job.attempts >= job.max_attempts;
      await this.db
        .updateTable('jobs')
        .set(
          final
            ? { status: 'failed', finished_at: new Date(), locked_until: null, last_error: message.slice(0, 500) }
            : { status: 'pending', locked_until: null, last_error: message.slice(0, 500), run_at: new Date(Date.now() + retryDelayMs(job.backoff_ms, job.attempts)) },
        )
        .where('id', '=', job.id)
        .execute();
      if (!final) this.options.log?.warn({ jobId: job.id, kind: job.kind, err: message }, 'job failed; will retry');
    }
  }
}
