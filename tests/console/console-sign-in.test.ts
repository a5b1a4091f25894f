/**
 * The staff console end to end: the built bundle served by the real server, a real
 * staff account, Debian chromium. Covers issue #2 — sign in (wrong password first),
 * the missions table, the header's role, the account page, sign out.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { launchBrowser, type TestBrowser } from './browser';

const admin = { username: 'li.ming', password: 'correct horse battery 42', displayName: '李明' };
const screenshotPath = process.env.CONSOLE_SCREENSHOT ?? '/tmp/console-missions.png';

/** Per hook and test: jest ignores testTimeout inside a project config. Chromium start-up
 *  and PGlite's first open take a few seconds each on a cold CI machine. */
const timeout = 60_000;

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer({ serveConsole: true });
  await server.createStaff({ ...admin, role: 'admin' });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function fillSignIn(username: string, password: string) {
  const { page } = browser;
  await page.fill(`${byTestId('login-username')} input`, username);
  await page.fill(`${byTestId('login-password')} input`, password);
  await page.click(byTestId('login-submit'));
}

test('staff sign in, see the missions and their role, and sign out', async () => {
  const { page } = browser;

  // Not signed in: the console opens on the login page.
  await page.goto(`${server.baseUrl}/console/`);
  await page.waitForSelector(byTestId('login-username'));
  expect(page.url()).toMatch(/#\/login/);

  // A wrong password shows the server's message and stays on the login page.
  await fillSignIn(admin.username, 'not the password');
  const error = page.locator(byTestId('login-error'));
  await error.waitFor();
  expect(await error.innerText()).toContain('用户名或密码错误');
  expect(page.url()).toMatch(/#\/login/);

  // The right password lands on the missions table.
  await fillSignIn(admin.username, admin.password);
  const table = page.locator(byTestId('missions-table'));
  // Seeded names are official, e.g. 中华人民共和国驻纽约总领事馆.
  await table.getByText('驻纽约总领事馆').first().waitFor();
  expect(page.url()).toMatch(/#\/missions/);
  const header = page.locator(byTestId('header-user'));
  expect(await header.locator(byTestId('header-role')).innerText()).toBe('管理员');
  expect(await header.innerText()).toContain(admin.displayName);
  expect(await header.innerText()).toContain('驻纽约总领事馆');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // The account page shows the role and the mission.
  await page.click(byTestId('menu-account'));
  const account = page.locator(byTestId('account-card'));
  await account.waitFor();
  expect(await account.innerText()).toEqual(expect.stringContaining('管理员'));
  expect(await account.innerText()).toEqual(expect.stringContaining('驻纽约总领事馆'));

  // Signing out returns to the login page, and the session is gone on the server too.
  await page.click(byTestId('logout'));
  await page.waitForSelector(byTestId('login-username'));
  expect(page.url()).toMatch(/#\/login/);
  await page.goto(`${server.baseUrl}/console/#/missions`);
  await page.waitForSelector(byTestId('login-username'));
  const me = await page.evaluate(async () => (await fetch('/api/console/me')).status);
  expect(me).toBe(401);
}, timeout);

test('a deep link asks for sign-in, then opens the page it was for', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/#/account`);
  await page.waitForSelector(byTestId('login-username'));
  expect(page.url()).toContain('redirect=');

  await fillSignIn(admin.username, admin.password);
  await page.locator(byTestId('account-card')).waitFor();
  expect(page.url()).toMatch(/#\/account$/);
}, timeout);
