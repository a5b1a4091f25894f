/**
 * 到馆预约 in the console (Debian chromium) against the real server: a supervisor opens
 * fingerprint collection for the mission and creates counter slots (时段与设置); two
 * citizens (HTTP, as the mini-program would) book the same slot; when their time comes the
 * day's list (当日预约) shows both, a scanner "types" the first one's QR code into the
 * check-in field (→ 已到馆), the second is marked 未到馆, and a search finds one order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { images } from '../server/applications/helpers';
import type { TestImages } from '../server/applications/walk';
import { submittedOrder } from '../server/review/helpers';
import { bookAppointment, citizenAppointment } from '../server/appointments/helpers';
import { launchBrowser, type TestBrowser } from './browser';

const supervisor = { username: 'zhou.supervisor', password: 'supervisor password 2025', displayName: '周主管' };
const screenshotPath = process.env.CONSOLE_APPOINTMENTS_SCREENSHOT ?? '/tmp/console-appointments.png';
const timeout = 180_000;

let server: TestServer;
let browser: TestBrowser;
let dataDir: string;
let files: TestImages;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-appointments-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir, APPLICATION_DRAFT_SWEEP_MINUTES: '0' } });
  await server.createStaff({ ...supervisor, role: 'supervisor' });
  files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  browser = await launchBrowser();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

it(
  'types and slots, then the day: check-in by scanned code, a no-show, search',
  async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/console/#/appointments`);
    await page.fill(`${byTestId('login-username')} input`, supervisor.username);
    await page.fill(`${byTestId('login-password')} input`, supervisor.password);
    await page.click(byTestId('login-submit'));
    await page.locator(byTestId('appointments-timezone')).getByText('纽约时间').waitFor();

    // 时段与设置: turn fingerprints on, create counter slots (weekdays, 09:00–12:00, the next 7 days).
    await page.locator('.t-tabs__nav-item', { hasText: '时段与设置' }).click();
    await page.locator(byTestId('appointment-types')).getByText('采集指纹').waitFor();
    await page.click(byTestId('type-active-fingerprints'));
    await page.click(byTestId('type-save-fingerprints'));
    await page.getByText('已保存').waitFor();
    await page.click(byTestId('slots-create'));
    await page.locator(byTestId('slots-result')).getByText(/已创建 \d+ 个时段/).waitFor();
    const types = await server.db.selectFrom('appointment_types').select(['kind', 'active']).where('mission_id', '=', 'us-new-york').where('kind', '=', 'fingerprints').executeTakeFirstOrThrow();
    expect(types.active).toBe(true);

    // Two citizens book the first free slot (4 places); its time then comes (the clock is the slot's start).
    const first = await submittedOrder(server, files, 'o_console_appt_1');
    const second = await submittedOrder(server, files, 'o_console_appt_2');
    const slot = (await citizenAppointment(first.api, first.id, 'fingerprints'))!.days[0]!.slots[0]!;
    const code = (await bookAppointment(first.api, first.id, 'fingerprints', slot.id)).body.appointments[0].booking.code as string;
    expect((await bookAppointment(second.api, second.id, 'fingerprints', slot.id)).status).toBe(200);
    await server.db
      .updateTable('appointment_slots')
      .set({ starts_at: new Date(Date.now() - 60_000), ends_at: new Date(Date.now() + 14 * 60_000) })
      .where('id', '=', slot.id)
      .execute();

    // 当日预约: both, booked.
    await page.locator('.t-tabs__nav-item', { hasText: '当日预约' }).click();
    await page.click(byTestId('appointments-refresh'));
    await page.locator(byTestId(`appointment-status-${first.orderNo}`)).getByText('已预约').waitFor();
    await page.locator(byTestId(`appointment-status-${second.orderNo}`)).getByText('已预约').waitFor();

    // A wrong code: the server's message, nothing checked in.
    await page.fill(`${byTestId('checkin-code')} input`, 'ZZZZZZZZZZZZ');
    await page.press(`${byTestId('checkin-code')} input`, 'Enter');
    await page.getByText('未找到该预约码').waitFor();

    // The scanner types the QR code's text and Enter.
    await page.fill(`${byTestId('checkin-code')} input`, code);
    await page.press(`${byTestId('checkin-code')} input`, 'Enter');
    await page.locator(byTestId(`appointment-status-${first.orderNo}`)).getByText('已到馆').waitFor();
    expect(await page.inputValue(`${byTestId('checkin-code')} input`)).toBe('');
    expect(await page.locator(byTestId(`check-in-${first.orderNo}`)).count()).toBe(0);

    await page.click(byTestId(`no-show-${second.orderNo}`));
    await page.locator(byTestId(`appointment-status-${second.orderNo}`)).getByText('未到馆').waitFor();

    await page.fill(`${byTestId('appointments-search')} input`, first.orderNo);
    await page.press(`${byTestId('appointments-search')} input`, 'Enter');
    await page.locator(byTestId(`appointment-status-${second.orderNo}`)).waitFor({ state: 'detached' });
    await page.locator(byTestId(`appointment-status-${first.orderNo}`)).getByText('已到馆').waitFor();
    await page.screenshot({ path: screenshotPath, fullPage: true });

    const statuses = await server.db.selectFrom('appointment_bookings').select(['application_id', 'status']).where('slot_id', '=', slot.id).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.application_id, s.status]))).toEqual({ [first.id]: 'checked_in', [second.id]: 'no_show' });
  },
  timeout,
);
