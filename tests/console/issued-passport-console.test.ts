/**
 * Issue #17, in Chromium: the issue step (待领取) of a passport order asks for the passport
 * made — number, issue and expiry date — checks it with the domain's validator (a bad number
 * is named under its field and nothing moves), records it, then moves the order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { images, residentId, verifiedCitizen } from '../server/applications/helpers';
import { newDraft, walkRenewal } from '../server/applications/walk';
import { signedInStaff } from '../server/review/helpers';
import { launchBrowser, type TestBrowser } from './browser';

const reviewer = { username: 'ip.reviewer', password: 'reviewer password 2025', displayName: '吴审核' };
const timeout = 180_000;
const byTestId = (id: string) => `[data-testid="${id}"]`;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-issued-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir, JOB_POLL_MS: '0' } });
  await server.createStaff({ ...reviewer, role: 'reviewer' });
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

test(
  '待领取 asks for the new passport, refuses a bad number under its field, records it and moves the order',
  async () => {
    // A renewal walked by a citizen, approved twice and put into production through the API.
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    const citizen = await verifiedCitizen(server, 'o_ip_console', { name: '吴敏', idType: 'resident_id', idNumber: residentId(417) });
    const id = await newDraft(citizen);
    await walkRenewal(citizen, id, files, { overrides: { paymentMethod: 'at_mission' } });
    expect((await citizen.post(`/api/applications/${id}/submit`)).status).toBe(200);
    const staff = await signedInStaff(server, 'ip.api.reviewer', 'reviewer');
    const boss = await signedInStaff(server, 'ip.api.supervisor', 'supervisor');
    let version = (await staff.get(`/api/console/applications/${id}`)).body.version;
    version = (await staff.post(`/api/console/applications/${id}/actions/approve`, { version })).body.version;
    version = (await boss.post(`/api/console/applications/${id}/actions/approve`, { version })).body.version;
    expect((await staff.post(`/api/console/applications/${id}/actions/start_production`, { version })).body.status).toBe('in_production');

    const { page } = browser;
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, reviewer.username);
    await page.fill(`${byTestId('login-password')} input`, reviewer.password);
    await page.click(byTestId('login-submit'));
    await page.locator(byTestId('header-user')).waitFor();
    await page.goto(`${server.baseUrl}/console/#/applications/${id}`);

    await page.click(byTestId('action-ready_for_pickup'));
    const dialog = page.locator(byTestId('action-dialog'));
    await dialog.locator(byTestId('issued-passport')).waitFor();
    await dialog.locator(`${byTestId('issued-passport-number')} input`).fill('X1234');
    await dialog.locator(`${byTestId('issued-passport-issue-date')} input`).fill('2026-11-20');
    await dialog.locator(`${byTestId('issued-passport-expiry-date')} input`).fill('2036-11-19');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('护照号码格式不正确（应为G或E开头，共9位，如E12345678）').waitFor();
    expect(await server.db.selectFrom('issued_passports').select('application_id').where('application_id', '=', id).execute()).toEqual([]);
    expect((await staff.get(`/api/console/applications/${id}`)).body.status).toBe('in_production');

    await dialog.locator(`${byTestId('issued-passport-number')} input`).fill('E24681357');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await staff.get(`/api/console/applications/${id}`)).body.status).toBe('ready_for_pickup');
    expect(await staff.get(`/api/console/applications/${id}/issued-passport`)).toMatchObject({
      status: 200,
      body: { required: true, recorded: { numberMasked: 'E246*1357', issueDate: '2026-11-20', expiryDate: '2036-11-19' } },
    });
  },
  timeout,
);
