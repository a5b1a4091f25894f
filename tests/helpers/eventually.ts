/**
 * Polls an asynchronous condition until it holds; resolves to how long that took (ms).
 * For bounds such as "seen on the other instance within one second": the test asserts the
 * returned time, and a condition that never holds fails after `timeoutMs`.
 */
export async function timeUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
