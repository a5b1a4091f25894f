/**
 * One server instance in a process of its own (run with tsx by spawnInstance), so a test
 * can kill it (-9) or stop it (SIGTERM) like an orchestrator would. argv[2]: JSON
 * { sharedDatabaseUrl, piiKey, env }. Prints one JSON line { baseUrl, sandboxUrl } when
 * listening; SIGTERM goes through the production shutdown (server/shutdown.ts).
 */
import { exitGracefullyOnSignals } from '../../server/shutdown';
import { startTestServer } from './test-server';

async function main() {
  const options = JSON.parse(process.argv[2]) as { sharedDatabaseUrl: string; piiKey: string; env?: Record<string, string> };
  const server = await startTestServer({ sharedDatabaseUrl: options.sharedDatabaseUrl, piiKey: options.piiKey, env: options.env });
  exitGracefullyOnSignals(server, { log: (message) => process.stderr.write(`instance: ${message}\n`) });
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, sandboxUrl: server.sandboxUrl })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
