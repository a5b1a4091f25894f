import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { JobRunner } from './job-queue';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process job runner; modules add their kinds to it (tests call jobRunner.runDue()). */
    jobRunner: JobRunner;
  }
}

/**
 * Jobs as a plugin: the one job runner of the process, decorated on the root instance before
 * any module is registered, started when the server is ready and stopped when it closes. It
 * knows no job kind itself; each module, in its own plugin, hands it the handlers of the kinds
 * it enqueues (docs/architecture.md, "Jobs"):
 *
 *   app.jobRunner.register(MY_JOB, async (job) => { … });           // a kind and its handler
 *   app.jobRunner.addRecurring({ kind: MY_SWEEP_JOB, everyMs: … }); // once per slot, all instances
 */
export function installJobs(app: FastifyInstance, options: { db: Kysely<Database>; config: Config }): JobRunner {
  const runner = new JobRunner(options.db, {}, { pollMs: options.config.jobs.pollMs, log: app.log });
  app.decorate('jobRunner', runner);
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());
  return runner;
}
