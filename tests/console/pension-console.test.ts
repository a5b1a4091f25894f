/**
 * The console's pension view in Debian chromium against the real server and the
 * pension-authority sandbox: a certification waiting for its video interview is confirmed
 * from the application page; a push the queue gave up on (authority down) is shown as
 * failed, retried with one click once the authority is back, and its audit trail shows
 * the failed attempt, the retry and the authority's acceptance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { residentId, verifiedCitizen } from '../server/applications/helpers';
import { passFace, pensionDraftAtFace, skipFace, submitCertification } from '../server/applications/pension-walk';
import { launchBrowser, type TestBrowser } from './browser';

const reviewer = { username: 'sun.li', password: 'pension reviewer 2025', displayName: '孙丽' };
const timeout = 120_000;
const byTestId = (id: string) => `[data-testid="${id}"]`;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-pension-'));
  // The test runs the job queue itself, step by step.
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir, JOB_POLL_MS: '0' } });
  await server.createStaff({ ...reviewer, role: 'reviewer' });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

const setAuthority = (mode: string, idNumber: string) =>
  fetch(`${server.sandboxUrl}/sandbox/pension/mode`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, idNumber }) });

test(
  'pending interviews are confirmed; a failed push is retried; the audit trail shows every attempt',
  async () => {
    // A certification whose face check was skipped: it waits for a video interview.
    const skipper = await verifiedCitizen(server, 'o_console_pension_1', { name: '钱桂英', idType: 'resident_id', idNumber: residentId(811) });
    const interviewId = await pensionDraftAtFace(skipper, { relation: 'self' }, residentId(811));
    await skipFace(skipper, interviewId);
    const interviewOrder = await submitCertification(skipper, interviewId);

    // One whose push fails while the authority is down, until the queue gives up.
    const downId = residentId(812);
    await setAuthority('down', downId);
    const citizen = await verifiedCitizen(server, 'o_console_pension_2', { name: '赵建华', idType: 'resident_id', idNumber: downId });
    const failedId = await pensionDraftAtFace(citizen, { relation: 'self' }, downId);
    await passFace(citizen, failedId);
    const failedOrder = await submitCertification(citizen, failedId);
    await server.db.updateTable('jobs').set({ max_attempts: 1 }).where('kind', '=', 'pension.push').execute();
    await server.app.jobRunner.runDue();

    const { page } = browser;
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, reviewer.username);
    await page.fill(`${byTestId('login-password')} input`, reviewer.password);
    await page.click(byTestId('login-submit'));
    await page.click(byTestId('menu-pension'));
    await page.locator(byTestId('pension-page')).waitFor();

    const interviews = page.locator(byTestId('pension-interviews'));
    await interviews.getByText(interviewOrder.orderNo).waitFor();
    expect(await interviews.innerText()).toContain('未进行人脸核验');
    await page.locator(byTestId(`pension-state-${failedOrder.orderNo}`)).getByText('推送失败，已停止重试').waitFor();
    expect(await page.locator(byTestId('pension-pushes')).innerText()).toContain('HTTP 503');

    // The authority is back: one click pushes again, with the same idempotency key.
    await setAuthority('accept', downId);
    await page.click(byTestId(`pension-retry-${failedOrder.orderNo}`));
    await page.locator(byTestId(`pension-state-${failedOrder.orderNo}`)).getByText('待推送').waitFor();
    await server.app.jobRunner.runDue();
    await page.reload();
    const decided = page.locator(byTestId('pension-decided'));
    await decided.getByText(failedOrder.orderNo).waitFor();
    expect(await decided.innerText()).toContain('人社部门已认证');

    await decided.locator(byTestId(`pension-audit-${failedOrder.orderNo}`)).click();
    const trail = page.locator(byTestId('pension-audit'));
    await trail.getByText('工作人员重新推送').waitFor();
    const trailText = await trail.innerText();
    expect(trailText).toContain('推送失败');
    expect(trailText).toContain('孙丽');
    expect(trailText).toContain('人社部门认证通过');
    await page.keyboard.press('Escape');

    // The interview: confirmed from the application page, the push follows.
    await page.click(byTestId(`pension-open-${interviewOrder.orderNo}`));
    const status = page.locator(byTestId('application-status'));
    await status.getByText('待视频面审').waitFor();
    await page.click(byTestId('action-confirm_identity'));
    await page.locator(byTestId('action-dialog')).getByRole('button', { name: '确定' }).click();
    await status.getByText('认证中').waitFor();
    await server.app.jobRunner.runDue();
    await page.reload();
    await status.getByText('已完成').waitFor();
  },
  timeout,
);
