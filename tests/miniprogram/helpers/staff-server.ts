import { startChildServer, type ChildServer } from './child-server';
import { allowSeveralPagesPerFile } from './several-pages';
import { signInStaff, type StaffHttpClient } from './staff';

/**
 * For a test file whose pages meet the consulate: the real server (child process) with the
 * New York console accounts, started before the file's tests and closed after them, a
 * reviewer signed in, and several pages per file allowed (helpers/several-pages.ts).
 * Read `server` and `reviewer` inside the tests (they are set in beforeAll).
 */
export function serverWithReviewer(): { readonly server: ChildServer; readonly reviewer: StaffHttpClient } {
  const env = {} as { server: ChildServer; reviewer: StaffHttpClient };
  beforeAll(async () => {
    allowSeveralPagesPerFile();
    env.server = await startChildServer({ staff: true });
    env.reviewer = await signInStaff(env.server.baseUrl, env.server.staff.find((s) => s.role === 'reviewer')!);
  }, 60_000);
  afterAll(async () => {
    await env.server?.close();
  });
  return env;
}
