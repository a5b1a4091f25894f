import { type Kysely, sql, type Selectable } from 'kysely';
import type { Database, JobTable } from '../db/schema';

/**
 * A small Postgres-backed job queue (the outbox): jobs are inserted in the caller's
 * transaction, so a job exists exactly when its business change committed; the runner
 * claims due jobs (`FOR UPDATE SKIP LOCKED`, so several instances on PostgreSQL share
 * the work), runs the handler, and on failure retries with exponential backoff
 * (backoff_ms · 2^(attempts-1), capped at 6 h) until max_attempts, then marks it failed.
 * A job whose runner died is taken again once its lock (locked_until) expires.
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

export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      mission_id: job.missionId ?? null,
      run_at: job.runAt ?? new Date(),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      ...(job.backoffMs ? { backoff_ms: job.backoffMs } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const LOCK_SECONDS = 120;

export function retryDelayMs(backoffMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempts - 1));
}

export interface JobRunnerOptions {
  /** Poll interval; 0 = no background polling (call runDue yourself). */
  pollMs: number;
  batchSize?: number;
  log?: { warn(obj: unknown, msg?: string): void };
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: JobRunnerOptions,
  ) {}

  start(): void {
    if (this.options.pollMs <= 0 || this.timer) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      void this.runDue()
        .catch((error) => this.options.log?.warn({ err: error }, 'job runner tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
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
