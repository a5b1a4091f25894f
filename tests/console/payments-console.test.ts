/**
 * Payments in the console (Debian chromium) against the real server and its WeChat Pay
 * sandbox: a supervisor edits a fee (收费与对账 → 费用设置) and runs reconciliation; in an
 * application's payments panel records a counter payment with its receipt number (到馆缴费),
 * refunds part of a paid passport order (and sees the server's refusal of too much), and
 * finds no 退款 on an emergency travel certificate — which the server refuses anyway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import type { TestImages } from '../server/applications/walk';
import { prepay, sandboxConfirm, staffClient, submittedOrder, testImages } from '../server/payments/helpers';
import { launchBrowser, type TestBrowser } from './browser';

const supervisor = { username: 'sun.supervisor', password: 'supervisor password 2025', displayName: '孙主管' };
const screenshotPath = process.env.CONSOLE_PAYMENTS_SCREENSHOT ?? '/tmp/console-payments.png';
const timeout = 120_000;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;
let files: TestImages;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-payments-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir } });
  await server.createStaff({ ...supervisor, role: 'supervisor' });
  files = await testImages();
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** A submitted order paid online through the sandbox (WeChat's notification handled). */
async function paidOnline(service: 'passport' | 'emergency_travel') {
  const order = await submittedOrder(server, files, { service });
  const { prepayId } = await prepay(order);
  const paid = await sandboxConfirm(server, { prepayId });
  expect(paid.body.notifications.map((n: { status: number }) => n.status)).toEqual([204]);
  return order;
}

async function signIn() {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/`);
  await page.fill(`${byTestId('login-username')} input`, supervisor.username);
  await page.fill(`${byTestId('login-password')} input`, supervisor.password);
  await page.click(byTestId('login-submit'));
  await page.locator(byTestId('header-user')).waitFor();
}

async function openApplication(id: string) {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/console/#/applications/${id}`);
  await page.locator(byTestId('application-view')).waitFor();
  await page.locator(byTestId('payment-state')).waitFor();
}

test(
  'fees, counter payment, refund, and no refund for an emergency travel certificate',
  async () => {
    const { page } = browser;
    const atMission = await submittedOrder(server, files, { paymentMethod: 'at_mission' });
    const passport = await paidOnline('passport');
    const emergency = await paidOnline('emergency_travel');
    // Submitted, never paid: reconciliation keeps an eye on it without calling for anyone.
    await submittedOrder(server, files, { paymentMethod: 'online' });

    await signIn();

    // 费用设置: passport (普通) 130.00 → 150.00, for orders submitted from now on.
    await page.click(byTestId('menu-payments'));
    await page.locator(byTestId('fees-table')).getByText('护照费').waitFor();
    expect(await page.locator(byTestId('fee-amount-passport-normal')).innerText()).toBe('¥130.00');
    await page.click(byTestId('fee-edit-passport-normal'));
    await page.fill(`${byTestId('fee-input')} input`, '150.00');
    await page.click(byTestId('fee-save'));
    await page.locator(byTestId('fee-amount-passport-normal')).getByText('¥150.00').waitFor();
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-fees.png') });
    const publicFees = (await (await fetch(`${server.baseUrl}/api/missions/us-new-york/fees`)).json()) as { fees: Array<{ code: string; option: string; amountFen: number }> };
    expect(publicFees.fees.find((f) => f.code === 'passport' && f.option === 'normal')?.amountFen).toBe(15000);
    // An order's amount was fixed when it was submitted.
    expect((await passport.api.get(`/api/applications/${passport.id}/payment`)).body.amountFen).toBe(13000);
    const audit = await server.db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'fee.update').execute();
    expect(audit).toEqual([expect.objectContaining({ subject: 'passport:normal' })]);

    // 对账: run now.
    await page.locator('.t-tabs__nav-item', { hasText: '对账' }).click();
    await page.locator(byTestId('reconciliation-panel')).waitFor();
    await page.click(byTestId('reconciliation-run'));
    await page.locator(byTestId('reconciliation-last-run')).getByText('查询').waitFor();
    // Only what needs someone is listed (nothing here); an unpaid online order waits behind the filter.
    const payments = page.locator(byTestId('reconciliation-payments'));
    const filter = page.locator(byTestId('reconciliation-filter'));
    expect(await filter.innerText()).toContain('需处理（0）');
    await payments.getByText('没有需要处理的订单').waitFor();
    await filter.getByText('全部未完成（1）').click();
    await payments.getByText('待支付').first().waitFor();
    expect(await payments.locator('tbody tr').count()).toBe(1);

    // 到馆缴费: record the counter payment with its receipt number.
    await openApplication(atMission.id);
    expect(await page.locator(byTestId('payment-state')).innerText()).toBe('待到馆缴费');
    expect(await page.locator(byTestId('payment-refund')).count()).toBe(0);
    await page.click(byTestId('payment-mark-paid'));
    const dialog = page.locator(byTestId('payment-dialog'));
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('请填写收据号').waitFor();
    await page.fill(`${byTestId('payment-receipt-input')} input`, 'NY-2025-000123');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator(byTestId('payment-state')).getByText('已支付').waitFor();
    expect(await page.locator(byTestId('payment-receipt')).innerText()).toBe('NY-2025-000123');
    expect(await page.locator(byTestId('payment-mark-paid')).count()).toBe(0);
    expect((await atMission.api.get(`/api/applications/${atMission.id}/payment`)).body).toMatchObject({ state: 'paid', paidVia: 'counter', receiptNo: 'NY-2025-000123' });

    // A paid passport order: refund a difference of 30.00; more than what is left is refused by the server.
    await openApplication(passport.id);
    expect(await page.locator(byTestId('payment-state')).innerText()).toBe('已支付');
    await page.click(byTestId('payment-refund'));
    expect(await page.inputValue(`${byTestId('payment-refund-amount')} input`)).toBe('130.00');
    await page.fill(`${byTestId('payment-refund-amount')} input`, '30.00');
    await page.fill(`${byTestId('payment-refund-reason')} textarea`, '加急改为普通，退还差额');
    await dialog.getByRole('button', { name: '确定' }).click();
    const refunds = page.locator(byTestId('payment-refunds'));
    await refunds.getByText('加急改为普通，退还差额').waitFor();
    expect(await refunds.innerText()).toContain('¥30.00');
    const citizenView = (await passport.api.get(`/api/applications/${passport.id}/payment`)).body;
    expect(citizenView.refunds).toEqual([expect.objectContaining({ amountFen: 3000, reason: '加急改为普通，退还差额' })]);

    await page.click(byTestId('payment-refund'));
    expect(await page.inputValue(`${byTestId('payment-refund-amount')} input`)).toBe('100.00');
    await page.fill(`${byTestId('payment-refund-amount')} input`, '500.00');
    await page.fill(`${byTestId('payment-refund-reason')} textarea`, '测试超额');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator(byTestId('payment-dialog-error')).getByText('退款金额超出可退金额').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.reload(); // a clean page for the picture: no dialog, no toasts
    await page.locator(byTestId('payment-refunds')).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator(byTestId('payment-panel')).screenshot({ path: screenshotPath });

    // Emergency travel certificate: no 退款 offered, and the server refuses whatever is sent.
    await openApplication(emergency.id);
    expect(await page.locator(byTestId('payment-state')).innerText()).toBe('已支付');
    await page.locator(byTestId('payment-no-refund')).getByText('应急旅行证已缴费用不予退还').waitFor();
    expect(await page.locator(byTestId('payment-refund')).count()).toBe(0);
    const staff = await staffClient(server, 'supervisor');
    const refused = await staff.request('POST', `/api/console/applications/${emergency.id}/refunds`, { amountFen: 13000, reason: '试图退款' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.error.message).toContain('不予退还');
  },
  timeout,
);
