/**
 * 海外公民登记 in the console, in Debian chromium against the real server: registrants
 * (registered through the citizen API) listed with masked numbers, counts, a region filter
 * and a certificate-code search, the audited detail drawer, the supervisors' emergency
 * export (reason required, watermarked CSV downloaded), then a safety alert published for a
 * region: its delivery counts and the live list of answers (需要帮助 first, 12308 reminder)
 * that updates while the page is open.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { client } from '../server/applications/helpers';
import { registrationForm, residentIdBornOn } from '../server/registration/helpers';
import { launchBrowser, type TestBrowser } from './browser';

const supervisor = { username: 'li.na', password: 'registration supervisor 2025', displayName: '李娜' };
const timeout = 120_000;

let server: TestServer;
let browser: TestBrowser;
const citizens: Array<{ api: ReturnType<typeof client>; registrationId: string; code: string }> = [];

async function registered(openid: string, form: Record<string, string>) {
  const api = client(server, await server.loginCitizen(openid));
  const identity = await api.put('/api/me/identity', { name: form.name, idType: form.idType, idNumber: form.idNumber, phone: form.phone });
  if (identity.status !== 200) throw new Error(JSON.stringify(identity.body));
  const created = await api.post('/api/registrations', form);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  citizens.push({ api, registrationId: created.body.id, code: created.body.certificateCode });
}

beforeAll(async () => {
  server = await startTestServer({ serveConsole: true, env: { JOB_POLL_MS: '0', REGISTRATION_SWEEP_MINUTES: '0' } });
  await server.createStaff({ ...supervisor, role: 'supervisor' });
  await registered('o_console_reg_1', registrationForm({ name: '高远', idNumber: residentIdBornOn('19800101', 1), birthDate: '1980-01-01', city: 'Buffalo', phone: '+17165550101' }));
  await registered('o_console_reg_2', registrationForm({ name: '林夕', idNumber: residentIdBornOn('19810202', 2), birthDate: '1981-02-02', city: 'Albany', phone: '+15185550102', purpose: 'worker' }));
  await registered('o_console_reg_3', registrationForm({ name: '宋词', idNumber: residentIdBornOn('19820303', 3), birthDate: '1982-03-03', region: '新泽西', city: 'Newark', address: '1 Market St, Newark, NJ 07102' }));
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

test('registrants: counts, filter, search, audited details, emergency export with a reason', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/`);
  await page.fill(`${byTestId('login-username')} input`, supervisor.username);
  await page.fill(`${byTestId('login-password')} input`, supervisor.password);
  await page.click(byTestId('login-submit'));
  await page.locator(byTestId('missions-table')).waitFor();
  await page.click(byTestId('menu-registrations'));

  const table = page.locator(byTestId('registrations-table'));
  await table.locator('tr', { hasText: '高远' }).waitFor();
  const text = await table.innerText();
  expect(text).toContain('1101**********');
  expect(text).toContain('+17*****0101');
  expect(text).not.toContain('+17165550101');
  expect(await page.locator(byTestId('registrations-counts')).innerText()).toMatch(/有效登记\s*3/);

  // Search by certificate code (what a scanned QR code gives).
  await page.fill(`${byTestId('filter-search')} input`, `CNREG:${citizens[2].code}`);
  await page.click(byTestId('registrations-search'));
  await table.locator('tr', { hasText: '高远' }).waitFor({ state: 'detached' });
  expect(await table.locator('tbody tr').count()).toBe(1);
  expect(await table.innerText()).toContain('宋词');

  // Details: contacts shown, the view audited.
  await table.locator('tr', { hasText: '宋词' }).click();
  const detail = page.locator(byTestId('registrant-detail'));
  await detail.waitFor();
  expect(await detail.innerText()).toContain('1 Market St, Newark, NJ 07102');
  const views = await server.db.selectFrom('audit_log').select('subject').where('action', '=', 'registration.view').execute();
  expect(views).toEqual([{ subject: citizens[2].registrationId }]);
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });

  // Emergency export: a reason is required; the CSV is watermarked with who exported it.
  await page.click(byTestId('export-open'));
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByText('请填写紧急导出的事由').waitFor();
  await page.fill(`${byTestId('export-reason')} textarea`, '暴风雪应急联络');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出', exact: true }).click()]);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv).toContain('导出人：李娜（li.na）');
  expect(csv).toContain('事由：暴风雪应急联络');
  expect(csv).toContain('+17165550101');
  const exports = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'registration.emergency_export').execute();
  expect(exports).toEqual([{ detail: expect.objectContaining({ reason: '暴风雪应急联络', rows: 3 }) }]);
  await page.screenshot({ path: '/tmp/console-registrations.png', fullPage: true });
}, timeout);

test('a region alert: delivery counts and the live list of answers, 需要帮助 first with the 12308 reminder', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/#/info`);
  await page.locator(byTestId('info-page')).waitFor();
  await page.locator('.t-tabs__nav-item', { hasText: '安全提醒' }).click();
  await page.click(byTestId('alert-create'));
  const title = '纽约州北部暴风雪紧急提醒';
  await page.fill(`${byTestId('alert-title')} input`, title);
  await page.fill(`${byTestId('alert-body')} textarea`, '请留在室内。');
  await page.fill(`${byTestId('alert-region')} input`, '纽约');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const row = page.locator(byTestId('alerts-table')).locator('tr', { hasText: title });
  await row.waitFor();
  const alertId = (await server.db.selectFrom('travel_alerts').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;

  // One registrant answers before staff look; the other while the page is open.
  await citizens[0].api.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: citizens[0].registrationId, answer: 'safe' });
  await row.locator(byTestId('alert-reach')).click();
  await page.locator(byTestId('alert-reach-page')).waitFor();
  const counts = page.locator(byTestId('alert-reach-counts'));
  await counts.waitFor();
  expect(await page.locator(byTestId('reach-people')).innerText()).toContain('2');
  expect(await page.locator(byTestId('reach-messages')).innerText()).toContain('2');
  expect(await page.locator(byTestId('reach-no-quota')).innerText()).toContain('2');
  const answers = page.locator(byTestId('alert-answers'));
  await answers.locator('tr', { hasText: '高远' }).waitFor();

  await citizens[1].api.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: citizens[1].registrationId, answer: 'help' });
  const help = answers.locator('tbody tr').first();
  await answers.locator('tr', { hasText: '林夕' }).waitFor({ timeout: 15_000 });
  expect(await help.innerText()).toContain('林夕');
  expect(await help.innerText()).toContain('需要帮助');
  expect(await help.innerText()).toContain('12308');
  expect(await help.innerText()).toContain('+15185550102');
  await page.screenshot({ path: '/tmp/console-alert-reach.png', fullPage: true });
}, timeout);
