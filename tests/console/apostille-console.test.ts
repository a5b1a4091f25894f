/**
 * The apostille register in the console, in Debian chromium against the real server: an
 * admin with the MFA role switches the 领事认证 page to 附加证明书, imports a CSV (a file with
 * bad rows first — refused, the lines listed — then a good one), opens the batch's records
 * and revokes one; the public apostille check then answers revoked.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { launchBrowser, type TestBrowser } from './browser';
import { csvFile as registryCsv, importAccepted, importRefused, revokeRecord, signInToConsole } from './helpers/registry-import';

const admin = { username: 'chen.jing', password: 'apostille admin 2025', displayName: '陈静' };
const timeout = 90_000;

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer({ serveConsole: true });
  await server.createStaff({ ...admin, role: 'admin', mfaLegalization: true });
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;
const HEADER = '附加证明书编号,签发日期,签署人,签署身份,印章所属机关,签发机关';

const csvFile = (name: string, rows: string[]) => registryCsv(HEADER, name, rows);

test('an admin imports apostilles line-checked, opens the batch and revokes one; the public check says revoked', async () => {
  const { page } = browser;
  await signInToConsole(page, server.baseUrl, admin);
  await page.click(byTestId('menu-legalization'));
  await page.locator(byTestId('legalization-page')).waitFor();
  await page.click(byTestId('registry-apostille'));
  await page.getByText('附加证明书编号、签发日期、签署人').waitFor();
  // Apostilles come in batches from the issuing offices: no single-record tab here.
  expect(await page.locator('.t-tabs__nav-item', { hasText: '单条登记' }).count()).toBe(0);

  // Line 3: before the Convention applied to China; line 4: a mission, which issues no apostilles.
  const refused = await importRefused(
    page,
    csvFile('bad.csv', [
      'AP20250001,2025-03-01,李华,广东省外事办公室副主任,,fao-guangdong',
      'AP20250002,2023-10-01,王小明,外交部领事司副司长,,mfa',
      'AP20250003,2025-03-02,王小明,副总领事,,us-new-york',
    ]),
  );
  expect(refused.text).toContain('本批次未导入');
  expect(refused.text).toContain('2023年11月7日');
  expect(refused.text).toContain('不签发附加证明书');
  expect(refused.lines).toEqual(['3', '4']);
  expect(await page.locator(byTestId('import-history')).innerText()).toContain('暂无导入记录');

  const accepted = await importAccepted(
    page,
    csvFile('apostilles-march.csv', [
      'AP20250001,2025-03-01,李华,广东省外事办公室副主任,,fao-guangdong',
      'AP20250002,2025-03-02,王小明,外交部领事司副司长,,mfa',
      'AP20250003,2025-03-03,,,北京市公证处,fao-beijing',
    ]),
  );
  expect(accepted).toContain('已导入 3 条记录（apostilles-march.csv）');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: '/tmp/console-apostille-import.png', fullPage: true });

  const history = page.locator(byTestId('import-history'));
  await history.getByText('查看记录').click();
  const records = page.locator(byTestId('records-table'));
  await records.getByText('AP20250003').waitFor();
  const recordsText = await records.innerText();
  expect(recordsText).toContain('李华（广东省外事办公室副主任）');
  expect(recordsText).toContain('印章：北京市公证处');
  expect(recordsText).toContain('外交部领事司');

  // The dialog names the certificate before anything is revoked.
  await records.locator('tr', { hasText: 'AP20250002' }).locator(byTestId('record-revoke')).click();
  await page.getByText('公众查验附加证明书 AP20250002 将显示“已撤销”').waitFor();
  await page.getByRole('button', { name: '取消' }).click();
  await revokeRecord(page, 'AP20250002', '签署人无权签署');
  await page.screenshot({ path: '/tmp/console-apostille-records.png', fullPage: true });

  const verify = await fetch(`${server.baseUrl}/api/legalization/apostille/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apostilleNo: 'AP20250002', issuedOn: '2025-03-02', authorityId: 'mfa' }),
  });
  expect(((await verify.json()) as { result: string }).result).toBe('revoked');

  // Switching back shows the legalization register as it was: its own (empty) batch list.
  await page.click(byTestId('registry-legalization'));
  await page.locator('.t-tabs__nav-item', { hasText: '批量导入' }).click();
  await page.locator(byTestId('import-history')).getByText('暂无导入记录').waitFor();
}, timeout);
