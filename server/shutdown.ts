import type { RunningServer } from './bootstrap';

/**
 * SIGTERM / SIGINT: stop accepting connections, let in-flight requests and jobs finish
 * (Fastify's close waits for them; the job runner and reconciliation stop after their
 * current run), close the cache listener and the pool, then exit 0. A shutdown that
 * hangs past `timeoutMs` exits 1 rather than never.
 */
export function exitGracefullyOnSignals(server: Pick<RunningServer, 'close'>, options: { timeoutMs?: number; log?: (message: string) => void } = {}): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.log?.(`${signal}: finishing in-flight requests and jobs, then exiting`);
    const timer = setTimeout(() => {
      options.log?.('shutdown timed out');
      process.exit(1);
    }, options.timeoutMs ?? 25_000);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        options.log?.(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
