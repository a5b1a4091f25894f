/**
 * `npm run bench:review`: a scripted reviewer in Chromium works through 20 applications the
 * way the console is meant to be used — from the queue, open the first, then for each:
 * `a` (审核通过) → Enter (confirm) → `n` (下一份, which takes the next unclaimed order).
 * Prints the clicks and keystrokes per decision and the time per decision on this machine
 * (from the application on screen to the next one on screen, server round trips included).
 * Real server (PGlite), real console build, Debian's chromium. BENCH_REVIEW_COUNT changes 20.
 */
import { performance } from 'node:perf_hooks';
import buildConsole from '../tests/console/build-console';
import { launchBrowser } from '../tests/console/browser';
import { startTestServer } from '../tests/helpers/test-server';
import { images, residentId, verifiedCitizen } from '../tests/server/applications/helpers';
import { newDraft, walkRenewal } from '../tests/server/applications/walk';

const COUNT = Number(process.env.BENCH_REVIEW_COUNT || 20);
const byTestId = (id: string) => `[data-testid="${id}"]`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  await buildConsole();
  const server = await startTestServer({ serveConsole: true, env: { JOB_POLL_MS: '0', LOG_LEVEL: 'error' } });
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const reviewer = { username: 'bench.reviewer', password: 'bench reviewer password', displayName: '审核员甲' };
    await server.createStaff({ ...reviewer, role: 'reviewer' });
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    process.stdout.write(`preparing ${COUNT} applications `);
    for (let i = 0; i < COUNT; i += 1) {
      const api = await verifiedCitizen(server, `o_bench_review_${i}`, { name: '李明', idType: 'resident_id', idNumber: residentId(5000 + i) });
      const id = await newDraft(api);
      await walkRenewal(api, id, files, { overrides: { paymentMethod: 'at_mission' } });
      const submitted = await api.post(`/api/applications/${id}/submit`);
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status}`);
      process.stdout.write('.');
    }
    process.stdout.write('\n');

    const { page } = browser;
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, reviewer.username);
    await page.fill(`${byTestId('login-password')} input`, reviewer.password);
    await page.click(byTestId('login-submit'));
    await page.click(byTestId('menu-queue'));
    await page.locator(`${byTestId('queue-table')} tbody tr`).first().waitFor();
    // Into the first application: one click, counted apart from the decisions.
    await page.locator(`${byTestId('queue-table')} tbody tr a, ${byTestId('queue-table')} tbody tr .t-link`).first().click();

    const status = page.locator(byTestId('application-status'));
    const results: Array<{ orderNo: string; actions: number; ms: number }> = [];
    for (let i = 0; i < COUNT; i += 1) {
      await status.getByText('待审核').waitFor();
      await page.locator(`${byTestId('evidence-image')}`).waitFor();
      const orderNo = await page.locator(byTestId('decision-bar')).locator('.bar__muted').first().innerText();
      const started = performance.now();
      let actions = 0;
      await page.keyboard.press('a');
      actions += 1;
      await page.locator(byTestId('action-dialog')).getByText('确认：审核通过').waitFor();
      await page.keyboard.press('Enter');
      actions += 1;
      await status.getByText('复审中').waitFor();
      if (i < COUNT - 1) {
        await page.keyboard.press('n');
        actions += 1;
        await page.locator(byTestId('decision-bar')).locator('.bar__muted', { hasNotText: orderNo }).first().waitFor();
      }
      results.push({ orderNo: orderNo.split(' ·')[0]!, actions, ms: performance.now() - started });
    }

    for (const [i, r] of results.entries()) console.log(`${String(i + 1).padStart(2)}  ${r.orderNo.padEnd(20)} ${r.actions} actions  ${r.ms.toFixed(0).padStart(5)} ms`);
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const actions = results.map((r) => r.actions);
    console.log(
      `\n${COUNT} approvals: actions per approval max ${Math.max(...actions)} (a, Enter, n), ` +
        `time per decision p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms ` +
        `(+1 click to open the first from the queue)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
