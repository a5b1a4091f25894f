/**
 * Issue #16: an admin creates a reviewer's account in the console (工作人员) and hands over
 * the one-time password; the reviewer signs in, is held on 我的账号 until the password is
 * changed, then works. At 1440 and 1024 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { launchBrowser } from './browser';

const admin = { username: 'lin.admin', password: 'admin password 2025', displayName: '林管理' };
const timeout = 120_000;
const byTestId = (id: string) => `[data-testid="${id}"]`;

let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-staff-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir } });
  await server.createStaff({ ...admin, role: 'admin' });
}, timeout);

afterAll(async () => {
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${server.baseUrl}/console/`);
  await page.fill(`${byTestId('login-username')} input`, username);
  await page.fill(`${byTestId('login-password')} input`, password);
  await page.click(byTestId('login-submit'));
  await page.locator(byTestId('header-user')).waitFor();
}

test.each([1440, 1024])(
  'at %i px: an admin creates an account, its holder must change the one-time password first',
  async (width) => {
    const adminBrowser = await launchBrowser({ viewport: { width, height: 800 } });
    const staffBrowser = await launchBrowser({ viewport: { width, height: 800 } });
    try {
      const page = adminBrowser.page;
      await signIn(page, admin.username, admin.password);
      await page.click(byTestId('menu-staff'));
      await page.click(byTestId('staff-create'));
      // Bad input first: the server's messages on the fields, nothing created.
      const dialog = page.locator(byTestId('staff-create-dialog'));
      await page.fill(`${byTestId('staff-username')} input`, 'x');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('用户名为3–64位字母').waitFor();
      const username = `tang.reviewer${width}`;
      await page.fill(`${byTestId('staff-username')} input`, username);
      await page.fill(`${byTestId('staff-display-name')} input`, '唐审核');
      await dialog.getByRole('button', { name: '保存' }).click();
      const password = (await page.locator(byTestId('staff-issued-password')).innerText()).trim();
      expect(password).toMatch(/^[a-zA-Z2-9]{14}$/);
      await page.locator(byTestId('staff-issued')).getByRole('button', { name: '我已转交' }).click();
      const row = page.locator(`${byTestId('staff-table')} tr`, { hasText: username });
      expect(await row.innerText()).toContain('待改初始密码');
      await page.screenshot({ path: path.join(os.tmpdir(), `console-staff-${width}.png`) });

      // The new reviewer: held on 我的账号 until the password is changed.
      const staffPage = staffBrowser.page;
      await signIn(staffPage, username, password);
      await staffPage.locator(byTestId('account-must-change')).waitFor();
      await staffPage.click(byTestId('menu-queue'));
      await staffPage.locator(byTestId('account-must-change')).waitFor();
      await staffPage.fill(`${byTestId('password-current')} input`, password);
      await staffPage.fill(`${byTestId('password-new')} input`, 'my reviewer password');
      await staffPage.fill(`${byTestId('password-repeat')} input`, 'my reviewer password');
      await staffPage.click(byTestId('password-submit'));
      await staffPage.locator(byTestId('account-must-change')).waitFor({ state: 'detached' });
      await staffPage.click(byTestId('menu-queue'));
      await staffPage.locator(byTestId('queue-table')).waitFor();

      // The admin's list shows the change; the audit log has both.
      await page.reload();
      await row.waitFor();
      expect(await row.innerText()).not.toContain('待改初始密码');
      const actions = await server.db.selectFrom('audit_log').select('action').where('action', 'like', 'staff.%').execute();
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['staff.create', 'staff.password_change']));
    } finally {
      await adminBrowser.close();
      await staffBrowser.close();
    }
  },
  timeout,
);
