/**
 * Issue #5 end to end: a reviewer signs in to the console (Debian chromium), finds a
 * submitted order in the queue, requests a supplement; the citizen (over the HTTP API, as
 * the mini-program's api/ layer would) uploads it and resubmits; the reviewer approves;
 * a second save of a stale version shows the conflict; the citizen's timeline and
 * 消息中心 show every step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type Client, images, residentId, verifiedCitizen } from '../server/applications/helpers';
import { newDraft, walkRenewal } from '../server/applications/walk';
import { launchBrowser, type TestBrowser } from './browser';

const reviewer = { username: 'zhao.reviewer', password: 'reviewer password 2025', displayName: '赵审核' };
const supervisorAccount = { username: 'qian.supervisor', password: 'supervisor password 2025', displayName: '钱主管' };
const screenshotPath = process.env.CONSOLE_REVIEW_SCREENSHOT ?? '/tmp/console-review.png';
const timeout = 90_000;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-review-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir } });
  await server.createStaff({ ...reviewer, role: 'reviewer' });
  await server.createStaff({ ...supervisorAccount, role: 'supervisor' });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function submittedOrder(api: Client): Promise<{ id: string; orderNo: string }> {
  const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  const id = await newDraft(api);
  await walkRenewal(api, id, files, { overrides: { paymentMethod: 'at_mission' } });
  const submitted = await api.post(`/api/applications/${id}/submit`);
  expect(submitted.status).toBe(200);
  return { id, orderNo: submitted.body.orderNo };
}

test(
  'a reviewer requests a supplement, the citizen supplies it, the reviewer approves; conflicts are shown',
  async () => {
    const { page } = browser;
    const citizen = await verifiedCitizen(server, 'o_console_review', { name: '李明', idType: 'resident_id', idNumber: residentId(901) });
    const { id, orderNo } = await submittedOrder(citizen);

    // Sign in and open the queue from the menu.
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, reviewer.username);
    await page.fill(`${byTestId('login-password')} input`, reviewer.password);
    await page.click(byTestId('login-submit'));
    await page.click(byTestId('menu-queue'));
    const queue = page.locator(byTestId('queue-table'));
    await queue.getByText(orderNo).waitFor();
    expect(await queue.innerText()).toContain('李明');
    expect(await queue.innerText()).toContain('领区内');

    // Search by order number, then open it.
    await page.fill(`${byTestId('queue-search')} input`, orderNo);
    await page.click(byTestId('queue-search-button'));
    await page.click(byTestId(`queue-open-${orderNo}`));
    await page.locator(byTestId('application-view')).waitFor();
    const status = page.locator(byTestId('application-status'));
    await status.getByText('待审核').waitFor();
    await page.locator(byTestId('document-id_photo')).waitFor();
    expect(await page.locator(byTestId('application-summary')).innerText()).toContain(orderNo);

    // Request a supplement: choose the ID photo, write a note.
    await page.click(byTestId('action-request_supplements'));
    const dialog = page.locator(byTestId('action-dialog'));
    await dialog.getByText('证件照', { exact: true }).click();
    await page.fill(`${byTestId('dialog-note')} textarea`, '照片背景过暗，请在白色背景下重新拍摄');
    await dialog.getByRole('button', { name: '确定' }).click();
    await status.getByText('待补充材料').waitFor();

    // The citizen: message, slot with exactly that item, upload, resubmit.
    const messages = await citizen.get('/api/messages');
    expect(messages.body.messages[0]).toMatchObject({ status: 'supplement_requested', body: expect.stringContaining('照片背景过暗') });
    const slot = await citizen.get(`/api/applications/${id}/supplements`);
    expect(slot.body.items.map((i: { id: string }) => i.id)).toEqual(['id_photo']);
    expect((await citizen.upload(`/api/applications/${id}/supplements/id_photo`, await images.idPhoto())).status).toBe(200);
    expect((await citizen.post(`/api/applications/${id}/resubmit`)).body.status).toBe('submitted');

    // The reviewer reloads: back to 待审核 with the supplement among the documents; approves.
    await page.reload();
    await status.getByText('待审核').waitFor();
    await page.locator(byTestId('document-supplement.id_photo')).waitFor();
    await page.click(byTestId('action-approve'));
    await page.locator(byTestId('action-dialog')).getByRole('button', { name: '确定' }).click();
    await status.getByText('复审中').waitFor();
    const history = page.locator(byTestId('application-history'));
    expect(await history.innerText()).toContain('要求补充材料');
    expect(await history.innerText()).toContain('赵审核');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: screenshotPath, fullPage: true });

    // Meanwhile a supervisor approves (复审) elsewhere; the reviewer's stale page gets a clear conflict.
    const signIn = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username: supervisorAccount.username, password: supervisorAccount.password } });
    const cookie = signIn.cookies.find((c) => c.name === 'cc_staff')!.value;
    const view = await server.app.inject({ method: 'GET', url: `/api/console/applications/${id}`, cookies: { cc_staff: cookie } });
    const approved = await server.app.inject({
      method: 'POST',
      url: `/api/console/applications/${id}/actions/approve`,
      cookies: { cc_staff: cookie },
      payload: { version: view.json().version },
    });
    expect(approved.json().status).toBe('approved');
    await page.click(byTestId('action-require_interview'));
    await page.locator(byTestId('action-dialog')).getByRole('button', { name: '确定' }).click();
    await page.locator(byTestId('application-conflict')).getByText('已被其他人更新').waitFor();
    await status.getByText('待制证').waitFor();

    // The citizen's order and messages show each step.
    const timeline = await citizen.get(`/api/applications/${id}/timeline`);
    expect(timeline.body.entries.map((e: { toLabel: string }) => e.toLabel)).toEqual(['待审核', '待补充材料', '待审核', '复审中', '待制证']);
    expect(timeline.body.status).toBe('approved');
    const inbox = await citizen.get('/api/messages?limit=50');
    expect(inbox.body.messages.map((m: { status: string }) => m.status)).toEqual(['approved', 'second_review', 'submitted', 'supplement_requested', 'submitted']);
    expect(inbox.body.unread).toBe(5);
  },
  timeout,
);
