/**
 * Run with tsx by info-server.ts: the real server (startTestServer) in a plain Node process
 * for the legalization and consular-information page tests (jsdom cannot load PGlite), with
 * an admin of the New York consulate signed in to the console. Prints one JSON line when
 * ready; exits when its stdin closes. Verification rate limits come from the environment
 * the parent passes (LEGALIZATION_VERIFY_*).
 */
import { startTestServer } from '../../helpers/test-server';

async function main() {
  const limits = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('LEGALIZATION_VERIFY_'))) as Record<string, string>;
  const server = await startTestServer({ env: limits });
  const username = 'info.admin';
  const password = 'info admin password 2025';
  await server.createStaff({ username, password, role: 'admin', missionId: 'us-new-york', displayName: '赵敏', mfaLegalization: true });
  const signIn = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password } });
  const cookie = signIn.cookies.find((c) => c.name === 'cc_staff');
  if (!cookie) throw new Error(`console sign-in failed: ${signIn.body}`);
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, sandboxUrl: server.sandboxUrl, staffCookie: `cc_staff=${cookie.value}` })}\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
