/**
 * The supervisors' 冒用与锁定 page in Debian chromium against the real server: a stranger
 * applied "for a relative" with a citizen's ID number and the citizen objected; the
 * supervisor sees the objection with its reason, is stopped from voiding without a note,
 * voids the application with one (it becomes 不予受理, the objection leaves the list), and
 * sees the lockout a password guesser caused on one of the mission's accounts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { images, residentId, verifiedCitizen } from '../server/applications/helpers';
import { squatRenewal } from '../server/security/squat';
import { launchBrowser, type TestBrowser } from './browser';

const supervisor = { username: 'zhou.supervisor', password: 'objection supervisor 2025', displayName: '周主管' };
const timeout = 120_000;
const byTestId = (id: string) => `[data-testid="${id}"]`;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-objections-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir } });
  await server.createStaff({ ...supervisor, role: 'supervisor' });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

test(
  'a supervisor voids an application made in someone else’s name, with a note, and sees sign-in lockouts',
  async () => {
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    const victimNumber = residentId(961);
    const squatter = await verifiedCitizen(server, 'o_console_squatter', { name: '王某', idType: 'resident_id', idNumber: residentId(962) });
    const squatted = await squatRenewal(squatter, files, victimNumber);
    const victim = await verifiedCitizen(server, 'o_console_victim', { name: '李明', idType: 'resident_id', idNumber: victimNumber });
    expect((await victim.post(`/api/me/identity/blocking-applications/${squatted.id}/objection`, { reason: '我从未委托他人办理' })).status).toBe(201);

    // Someone guesses a reviewer's password from one address until it is locked out there.
    await server.createStaff({ username: 'guessed.reviewer', password: 'reviewer password 2025', role: 'reviewer' });
    for (let i = 0; i < 6; i++) {
      await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username: 'guessed.reviewer', password: `guess ${i}` }, remoteAddress: '203.0.113.9' });
    }

    const { page } = browser;
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, supervisor.username);
    await page.fill(`${byTestId('login-password')} input`, supervisor.password);
    await page.click(byTestId('login-submit'));
    await page.click(byTestId('menu-objections'));
    await page.locator(byTestId('objections-page')).waitFor();

    const list = page.locator(byTestId('objections-list'));
    await list.getByText(squatted.orderNo).waitFor();
    expect(await list.innerText()).toContain('我从未委托他人办理');
    const lockouts = page.locator(byTestId('lockouts-list'));
    await lockouts.getByText('guessed.reviewer').waitFor();
    expect(await lockouts.innerText()).toContain('该账号在该地址');

    // 作废该申请 without a note: the dialog says so and nothing changes.
    await page.click(byTestId(`objection-void-${squatted.orderNo}`));
    const dialog = page.locator('.t-dialog').filter({ hasText: `作废申请 ${squatted.orderNo}` });
    await dialog.waitFor();
    await dialog.locator('.t-dialog__confirm').click();
    await dialog.getByText('请填写说明').waitFor();
    expect((await squatter.get(`/api/applications/${squatted.id}`)).body.status).toBe('submitted');

    // With a note: voided (不予受理), and the objection leaves the list.
    await page.fill(`${byTestId('objection-note')} textarea`, '申请人本人提出异议，核实为冒用身份');
    await dialog.locator('.t-dialog__confirm').click();
    await list.getByText(squatted.orderNo).waitFor({ state: 'detached' });
    await list.getByText('暂无待处理的异议').waitFor();
    expect((await squatter.get(`/api/applications/${squatted.id}`)).body.status).toBe('rejected');
    expect(JSON.stringify((await squatter.get(`/api/applications/${squatted.id}/timeline`)).body)).toContain('申请人本人提出异议，核实为冒用身份');
  },
  timeout,
);
