import { createServer } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { warmUpFaceDetector } from './photo/face-detector';
import { exitGracefullyOnSignals } from './shutdown';

/** Production entry point: `tsx server/main.ts` (npm start runs the development stack). */
async function main() {
  const config = loadConfig();
  const server = await createServer(config);
  exitGracefullyOnSignals(server, { log: (message) => server.app.log.warn(message) });
  await server.app.listen({ port: config.port, host: config.host });
  // Load the face model now rather than on the first ID photo upload (~0.3–1 s).
  await warmUpFaceDetector();
}

main().catch((error) => {
  // A configuration mistake is the operator's to fix: say what, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
