/**
 * Waits (polling every 20 ms) until `check()` holds — the condition a test needs, instead of
 * a fixed sleep that is too short on a busy machine or proves nothing when the work simply
 * has not happened yet. Throws, naming what it waited for, after `timeoutMs`.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 25_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
