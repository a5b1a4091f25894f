/**
 * Issue #6 in the console, end to end in Debian chromium against the real server: an
 * admin imports a legalization CSV (a file with bad rows first — refused, the bad lines
 * listed — then a good one), looks at the imported records, and publishes a travel-safety
 * alert that the public API (what the mini-program's home page asks) then serves.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { launchBrowser, type TestBrowser } from './browser';
import { csvFile as registryCsv, importAccepted, importRefused, revokeRecord, signInToConsole } from './helpers/registry-import';

const admin = { username: 'wang.fang', password: 'legalization admin 2025', displayName: '王芳' };
const reviewer = { username: 'zhou.jie', password: 'reviewer password 2025', displayName: '周杰' };
const timeout = 90_000;

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer({ serveConsole: true });
  await server.createStaff({ ...admin, role: 'admin', mfaLegalization: true });
  await server.createStaff({ ...reviewer, role: 'reviewer' });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;
const HEADER = '认证号,贴纸号,签署机关,文书类型,认证日期';

const csvFile = (name: string, rows: string[]) => registryCsv(HEADER, name, rows);

const signIn = (who = admin) => signInToConsole(browser.page, server.baseUrl, who);

test('an admin imports legalization records: a file with bad rows is refused line by line, a good one goes in', async () => {
  const { page } = browser;
  await signIn();
  await page.click(byTestId('menu-legalization'));
  await page.locator(byTestId('legalization-page')).waitFor();

  // Line 3 has an impossible date, line 4 an authority that does not exist: nothing is imported.
  const refused = await importRefused(
    page,
    csvFile('bad.csv', [
      'LA20250001,ST000001,mfa,学历学位证明,2025-03-01',
      'LA20250002,ST000002,mfa,无犯罪记录证明,2025-02-30',
      'LA20250003,ST000003,fao-atlantis,委托书,2025-03-02',
    ]),
  );
  expect(refused.text).toContain('本批次未导入');
  expect(refused.text).toContain('认证日期应为 YYYY-MM-DD 格式的有效日期');
  expect(refused.text).toContain('fao-atlantis');
  expect(refused.lines).toEqual(['3', '4']);
  expect(await page.locator(byTestId('import-history')).innerText()).toContain('暂无导入记录');
  await page.screenshot({ path: '/tmp/console-legalization-errors.png', fullPage: true });

  // The corrected file is imported in full.
  const accepted = await importAccepted(
    page,
    csvFile('march.csv', [
      'LA20250001,ST000001,mfa,学历学位证明,2025-03-01',
      'LA20250002,ST000002,fao-beijing,无犯罪记录证明,2025-02-28',
      'LA20250003,ST000003,us-new-york,委托书,2025-03-02',
    ]),
  );
  expect(accepted).toContain('已导入 3 条记录（march.csv）');
  await expect(page.locator(byTestId('import-errors')).count()).resolves.toBe(0);
  const history = page.locator(byTestId('import-history'));
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: '/tmp/console-legalization.png', fullPage: true });

  // "查看记录" lists the batch's records, sticker numbers masked.
  await history.getByText('查看记录').click();
  const records = page.locator(byTestId('records-table'));
  await records.getByText('LA20250003').waitFor();
  const recordsText = await records.innerText();
  expect(recordsText).toContain('外交部领事司');
  expect(recordsText).toContain('****0002');
  expect(recordsText).not.toContain('ST000002');
  await page.screenshot({ path: '/tmp/console-legalization-records.png', fullPage: true });

  // Revoking one with a reason: the public check then answers revoked.
  await revokeRecord(page, 'LA20250001', '文书经核实系伪造');
  const verify = await fetch(`${server.baseUrl}/api/legalization/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ legalizationNo: 'LA20250001', stickerNo: 'ST000001', authorityId: 'mfa' }),
  });
  expect(((await verify.json()) as { result: string }).result).toBe('revoked');
}, timeout);

test('a travel-safety alert published in the console is what the public API serves the home page', async () => {
  const { page } = browser;
  // The previous test's toast would otherwise end up in this test's screenshot.
  await page.getByText('已撤销该记录').waitFor({ state: 'detached', timeout: 10_000 });
  await page.goto(`${server.baseUrl}/console/#/info`);
  await page.locator(byTestId('info-page')).waitFor();
  await page.locator('.t-tabs__nav-item', { hasText: '安全提醒' }).click();
  await page.click(byTestId('alert-create'));

  const title = '近期纽约地区极端天气频发，请注意出行安全';
  await page.locator(byTestId('alert-level')).getByText('暂勿前往').click();
  await page.fill(`${byTestId('alert-title')} input`, title);
  await page.fill(`${byTestId('alert-body')} textarea`, '请密切关注当地气象预警。\n如遇紧急情况，请拨打911或12308。');
  await page.getByRole('button', { name: '发布', exact: true }).click();

  const table = page.locator(byTestId('alerts-table'));
  const row = table.locator('tr', { hasText: title });
  await row.waitFor();
  expect(await row.innerText()).toContain('暂勿前往');
  expect(await row.innerText()).toContain('生效中');
  await page.waitForLoadState('networkidle');
  // Let the dialog's closing animation finish before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/console-alerts.png', fullPage: true });

  // The citizen's home page asks for its mission country's alerts (New York → US).
  const response = await fetch(`${server.baseUrl}/api/info/alerts?country=US`);
  const { alerts } = (await response.json()) as { alerts: Array<{ title: string; level: string; levelZh: string }> };
  expect(alerts).toEqual([expect.objectContaining({ title, level: 'do_not_travel', levelZh: '暂勿前往' })]);
}, timeout);

test('news written in the markup is previewed, published, and served to citizens; the guide is saved', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/#/info?tab=news`);
  await page.locator(byTestId('info-page')).waitFor();
  await page.click(byTestId('news-create'));
  await page.fill(`${byTestId('news-title')} input`, '关于护照换发的通知');
  await page.fill(`${byTestId('news-body')} textarea`, '# 办理须知\n请提前**在线预约**。\n\n- 护照原件\n- 近期证件照');
  const preview = page.locator(byTestId('news-preview'));
  await preview.locator('h3', { hasText: '办理须知' }).waitFor();
  expect(await preview.locator('strong').innerText()).toBe('在线预约');
  expect(await preview.locator('li').count()).toBe(2);
  await page.locator(byTestId('news-publish-now')).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/console-news-editor.png' });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const row = page.locator(byTestId('news-table')).locator('tr', { hasText: '关于护照换发的通知' });
  await row.getByText('已发布').waitFor();

  const news = await fetch(`${server.baseUrl}/api/info/news?missionId=us-new-york`);
  const { items } = (await news.json()) as { items: Array<{ title: string; excerpt: string }> };
  expect(items).toEqual([expect.objectContaining({ title: '关于护照换发的通知', excerpt: expect.stringContaining('在线预约') })]);

  // The guide of the mission's country (US), with an emergency number.
  await page.locator('.t-tabs__nav-item', { hasText: '出行指南' }).click();
  await page.fill(`${byTestId('guide-safety')} textarea`, '夜间避免独自前往偏僻地区。');
  await page.getByRole('button', { name: '添加号码' }).click();
  await page.getByPlaceholder('例如：报警、急救、消防').fill('报警、急救、消防');
  await page.getByPlaceholder('号码').fill('911');
  await page.click(byTestId('guide-save'));
  await page.getByText('出行指南已保存').waitFor();
  const guide = (await (await fetch(`${server.baseUrl}/api/info/guides/US`)).json()) as {
    sections: { safety: unknown[] };
    emergencyNumbers: Array<{ labelZh: string; number: string }>;
  };
  expect(guide.sections.safety).toEqual([{ type: 'paragraph', spans: [{ text: '夜间避免独自前往偏僻地区。' }] }]);
  expect(guide.emergencyNumbers).toEqual([{ labelZh: '报警、急救、消防', number: '911' }]);
  await page.screenshot({ path: '/tmp/console-guide.png', fullPage: true });
}, timeout);

test('a reviewer sees neither menu entry and cannot open the pages by address', async () => {
  const { page } = browser;
  await page.click(byTestId('logout'));
  await page.waitForSelector(byTestId('login-username'));
  await signIn(reviewer);
  expect(await page.locator(byTestId('menu-legalization')).count()).toBe(0);
  expect(await page.locator(byTestId('menu-info')).count()).toBe(0);
  await page.goto(`${server.baseUrl}/console/#/legalization`);
  await page.locator(byTestId('missions-table')).waitFor();
  expect(page.url()).toMatch(/#\/missions/);
}, timeout);
