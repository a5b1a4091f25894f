/**
 * 视频面审 end to end, in two real browsers over the real server: a reviewer creates slots
 * in 面审排期, the citizen (HTTP, as the mini-program would) books one, the reviewer sees
 * it booked, opens the application and starts the call; the citizen's call page (the
 * mini-program's web-view page, in a phone-sized Chromium) joins with its ticket; both
 * reach 通话中 and real video frames flow (Chromium's fake camera); the reviewer takes a
 * screenshot, ends the call and passes the interview. A reused ticket is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Page } from 'playwright-core';
import { interviewMessages } from '../../miniprogram/domain/interview';
import { serveConsole } from '../../server/http/console-static';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type Client, images, residentId, verifiedCitizen } from '../server/applications/helpers';
import { newDraft, walkRenewal } from '../server/applications/walk';
import { launchBrowser, type TestBrowser } from './browser';

const reviewer = { username: 'sun.reviewer', password: 'reviewer password 2025', displayName: '孙审核' };
const scheduleShot = process.env.CONSOLE_SCHEDULE_SCREENSHOT ?? '/tmp/console-interview-schedule.png';
const consoleShot = process.env.CONSOLE_INTERVIEW_SCREENSHOT ?? '/tmp/console-interview-call.png';
const callPageShot = process.env.CALL_PAGE_SCREENSHOT ?? '/tmp/interview-call-page.png';
/** INTERVIEW_SHOTS=/some/dir: also photograph the dialogs and the call page's end states there. */
const extraShots = process.env.INTERVIEW_SHOTS;
const timeout = 150_000;

let server: TestServer;
let staffBrowser: TestBrowser;
let citizenBrowser: TestBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-console-interview-'));
  server = await startTestServer({ serveConsole: true, env: { DATA_DIR: dataDir, APPLICATION_DRAFT_SWEEP_MINUTES: '0' } });
  await server.createStaff({ ...reviewer, role: 'reviewer' });
  // Two browsers: the citizen's page must not carry the reviewer's cookie.
  [staffBrowser, citizenBrowser] = await Promise.all([
    launchBrowser({ fakeMedia: true }),
    launchBrowser({ fakeMedia: true, viewport: { width: 390, height: 780 } }),
  ]);
}, timeout);

afterAll(async () => {
  await Promise.all([staffBrowser?.close(), citizenBrowser?.close()]);
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, timeout);

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function extraShot(page: Page, name: string) {
  if (extraShots) await page.screenshot({ path: path.join(extraShots, `${name}.png`) });
}

async function staffCookie(): Promise<string> {
  const signIn = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username: reviewer.username, password: reviewer.password } });
  return signIn.cookies.find((c) => c.name === 'cc_staff')!.value;
}

/** A submitted renewal that the reviewer sent to 待视频面审. */
async function orderAwaitingInterview(api: Client, cookie: string): Promise<{ id: string; orderNo: string }> {
  const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  const id = await newDraft(api);
  await walkRenewal(api, id, files, { overrides: { paymentMethod: 'at_mission' } });
  const submitted = await api.post(`/api/applications/${id}/submit`);
  expect(submitted.status).toBe(200);
  const view = await server.app.inject({ method: 'GET', url: `/api/console/applications/${id}`, cookies: { cc_staff: cookie } });
  const sent = await server.app.inject({
    method: 'POST',
    url: `/api/console/applications/${id}/actions/require_interview`,
    cookies: { cc_staff: cookie },
    payload: { version: view.json().version },
  });
  expect(sent.json().status).toBe('interview');
  return { id, orderNo: submitted.body.orderNo };
}

/** What a <video> element shows (the test's tsconfig has no DOM types; the call page's CSP allows no string evaluation). */
async function videoState(page: Page, selector: string): Promise<{ width: number; time: number }> {
  return page.locator(selector).evaluate((element) => {
    const video = element as unknown as { videoWidth: number; currentTime: number };
    return { width: video.videoWidth, time: video.currentTime };
  });
}

/** The element's video really plays: it has a frame size and its clock moves on. */
async function expectPlaying(page: Page, selector: string) {
  const deadline = Date.now() + 20_000;
  let first: { width: number; time: number } | null = null;
  for (;;) {
    const now = await videoState(page, selector);
    if (now.width > 0 && now.time > 0) {
      first ??= now;
      if (now.time > first.time + 0.5) return;
    }
    if (Date.now() > deadline) throw new Error(`${selector} is not playing: ${JSON.stringify(now)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test(
  'a reviewer schedules, holds and passes a video interview with the citizen on the call page',
  async () => {
    const started = Date.now();
    const cookie = await staffCookie();
    const citizen = await verifiedCitizen(server, 'o_console_interview', { name: '王芳', idType: 'resident_id', idNumber: residentId(933) });
    const { id, orderNo } = await orderAwaitingInterview(citizen, cookie);
    const page = staffBrowser.page;

    // Sign in, open 面审排期: times are the mission's, and the page says which zone.
    await page.goto(`${server.baseUrl}/console/`);
    await page.fill(`${byTestId('login-username')} input`, reviewer.username);
    await page.fill(`${byTestId('login-password')} input`, reviewer.password);
    await page.click(byTestId('login-submit'));
    await page.click(byTestId('menu-interviews'));
    await page.locator(byTestId('schedule-timezone')).getByText('纽约时间').waitFor();

    // Create slots for the coming days (every weekday ticked, 09:00–12:00, 30 minutes).
    await page.click(byTestId('schedule-create'));
    const create = page.locator(byTestId('create-slots-dialog'));
    for (const day of ['周六', '周日']) await create.getByText(day, { exact: true }).click();
    await create.getByRole('button', { name: '创建' }).click();
    await create.locator(byTestId('create-result')).getByText('已创建 42 个时段').waitFor();
    await extraShot(page, 'create-slots-dialog');
    // The same batch again: everything is skipped.
    await create.getByRole('button', { name: '创建' }).click();
    await create.locator(byTestId('create-result')).getByText('已创建 0 个时段，跳过 42 个').waitFor();
    await create.getByRole('button', { name: '关闭' }).click();

    // Cancelling a slot needs a note.
    const firstDay = page.locator('[data-testid^="schedule-day-"]').filter({ has: page.locator('[data-testid^="slot-cancel-"]') }).first();
    const cancelLink = firstDay.locator('[data-testid^="slot-cancel-"]').last();
    const cancelledId = (await cancelLink.getAttribute('data-testid'))!.replace('slot-cancel-', '');
    await cancelLink.click();
    const cancel = page.locator(byTestId('cancel-slot-dialog'));
    await cancel.getByRole('button', { name: '确认取消' }).click();
    await cancel.locator(byTestId('cancel-slot-error')).getByText('请填写取消原因').waitFor();
    await page.fill(`${byTestId('cancel-slot-note')} textarea`, '当日闭馆');
    await extraShot(page, 'cancel-slot-dialog');
    await cancel.getByRole('button', { name: '确认取消' }).click();
    await page.locator(byTestId(`slot-status-${cancelledId}`)).getByText('已取消').waitFor();

    // The citizen books the first free slot.
    const offer = await citizen.get(`/api/applications/${id}/interview`);
    expect(offer.body.required).toBe(true);
    const slot = offer.body.days.find((day: { slots: unknown[] }) => day.slots.length > 0).slots[0];
    expect(slot.local.time).toBe('09:00');
    const booked = await citizen.post(`/api/applications/${id}/interview/booking`, { slotId: slot.id });
    expect(booked.status).toBe(200);

    // The schedule shows it booked, with the order and the applicant; open the application from there.
    await page.click(byTestId('schedule-refresh'));
    await page.locator(byTestId(`slot-status-${slot.id}`)).getByText('已预约').waitFor();
    const booking = page.locator(byTestId(`slot-booking-${slot.id}`));
    expect(await booking.innerText()).toContain('王芳');
    await page.screenshot({ path: scheduleShot });
    await booking.getByText(orderNo).click();
    await page.locator(byTestId('application-status')).getByText('待视频面审').waitFor();
    const panel = page.locator(byTestId('interview-panel'));
    await panel.locator(byTestId('interview-booking-status')).getByText('已预约').waitFor();
    expect(await panel.locator(byTestId('interview-booking')).innerText()).toContain(`${slot.local.dateLabel} 09:00`);

    // Start the call: the reviewer waits for the applicant.
    await page.click(byTestId('interview-start'));
    const staffState = page.locator(byTestId('interview-call-state'));
    await staffState.getByText('等待申请人进入').waitFor();

    // The citizen opens the call page with a ticket (the mini-program's web-view).
    const ticket = await citizen.post(`/api/applications/${id}/interview/call-ticket`);
    const firstTicketPath: string = ticket.body.path;
    expect(ticket.status).toBe(200);
    const callPage = citizenBrowser.page;
    await callPage.goto(server.baseUrl + ticket.body.path);
    const callStatus = callPage.locator(byTestId('call-status'));
    await callStatus.getByText('通话中').waitFor();
    await staffState.getByText('通话中').waitFor();

    // Real frames both ways: the reviewer sees the applicant, the applicant the officer.
    await expectPlaying(page, byTestId('interview-remote-video'));
    const tapToPlay = callPage.locator('#play');
    if (await tapToPlay.isVisible()) await tapToPlay.click();
    await expectPlaying(callPage, byTestId('call-remote'));

    // The citizen's page reloads (a fresh ticket from the mini-program): the reviewer renegotiates.
    const again = await citizen.post(`/api/applications/${id}/interview/call-ticket`);
    await callPage.goto(server.baseUrl + again.body.path);
    await callStatus.getByText('通话中').waitFor();
    await staffState.getByText('通话中').waitFor();
    // The console reloads and rejoins: it offers again to the citizen who is still there.
    await page.reload();
    await page.click(byTestId('interview-start'));
    await staffState.getByText('通话中').waitFor();
    await callStatus.getByText('通话中').waitFor();
    await expectPlaying(page, byTestId('interview-remote-video'));
    if (await tapToPlay.isVisible()) await tapToPlay.click();
    await expectPlaying(callPage, byTestId('call-remote'));
    await callPage.screenshot({ path: callPageShot });

    // The citizen moves to a second device: the first is told the call goes on there, and offered 重新进入.
    const secondDevice = await citizenBrowser.context.newPage();
    const moved = await citizen.post(`/api/applications/${id}/interview/call-ticket`);
    await secondDevice.goto(server.baseUrl + moved.body.path);
    await secondDevice.locator(byTestId('call-status')).getByText('通话中').waitFor();
    await callPage.locator(byTestId('call-message')).getByText('面审已在您的另一台设备上继续').waitFor();
    expect(await callPage.locator(byTestId('call-message')).innerText()).not.toContain('面审已结束');
    const reenter = callPage.locator(byTestId('call-reenter'));
    expect(await reenter.getAttribute('data-target')).toBe(`/packages/interview/call/index?id=${id}`);
    await extraShot(callPage, 'call-page-moved');
    // WeChat's 刷新 reloads the page without its spent ticket: not "链接已失效", but 重新进入.
    await callPage.reload();
    await callPage.locator(byTestId('call-message')).getByText('页面已刷新，需要重新进入面审').waitFor();
    expect(await reenter.innerText()).toBe('重新进入');
    expect(await reenter.getAttribute('data-target')).toBe(`/packages/interview/call/index?id=${id}`);
    // 重新进入 (the mini-program gets a fresh ticket): back on the first device, the second one is told.
    const back = await citizen.post(`/api/applications/${id}/interview/call-ticket`);
    await callPage.goto(server.baseUrl + back.body.path);
    await callStatus.getByText('通话中').waitFor();
    await staffState.getByText('通话中').waitFor();
    await secondDevice.locator(byTestId('call-message')).getByText('面审已在您的另一台设备上继续').waitFor();
    await secondDevice.close();

    // 截图: it shows in the gallery and the server has it (a PNG).
    await page.click(byTestId('interview-screenshot'));
    await page.locator('[data-testid^="interview-shot-"]').first().waitFor();
    await page.locator('[data-testid^="interview-shot-"] img').first().waitFor();
    // The console scrolls inside its content area: a tall window shows the whole panel.
    await page.setViewportSize({ width: 1440, height: 1600 });
    await panel.screenshot({ path: consoleShot });
    await page.setViewportSize({ width: 1440, height: 900 });
    const stored = await server.app.inject({ method: 'GET', url: `/api/console/applications/${id}/interview`, cookies: { cc_staff: cookie } });
    expect(stored.json().screenshots).toHaveLength(1);
    const image = await server.app.inject({ method: 'GET', url: stored.json().screenshots[0].url, cookies: { cc_staff: cookie } });
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    // 结束面审: the citizen's page says it is over.
    await page.click(byTestId('interview-end'));
    await page.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click();
    await callPage.locator(byTestId('call-message')).getByText('面审已结束，请返回小程序').waitFor();
    expect(await callPage.locator(byTestId('call-hangup')).isVisible()).toBe(false);
    await extraShot(callPage, 'call-page-ended');
    await page.locator(byTestId('interview-call')).waitFor({ state: 'detached' });
    // Held, not yet decided: the console says so (no second call), and so does the citizen's side.
    await page.locator(byTestId('interview-held')).waitFor();
    expect(await page.locator(byTestId('interview-start')).count()).toBe(0);
    expect(await page.locator(byTestId('action-interview_passed')).innerText()).toContain('面审通过');
    expect((await citizen.get(`/api/applications/${id}/timeline`)).body.nextStep.text).toBe('面审已完成，等待审核结果');
    expect((await citizen.get(`/api/applications/${id}/interview`)).body).toMatchObject({ days: [], heldNotice: '面审已完成，等待审核结果' });

    // 面审通过 → 复审中.
    await page.click(byTestId('action-interview_passed'));
    await page.locator(byTestId('action-dialog')).getByRole('button', { name: '确定' }).click();
    await page.locator(byTestId('application-status')).getByText('复审中').waitFor();
    expect((await citizen.get(`/api/applications/${id}/interview`)).body.past[0]).toMatchObject({ status: 'held', statusLabel: '已面审' });

    // A used ticket: opening it again is refused in words.
    await callPage.goto(server.baseUrl + firstTicketPath);
    await callPage.locator(byTestId('call-message')).getByText(interviewMessages.ticketInvalid).waitFor();
    await extraShot(callPage, 'call-page-ticket-invalid');
    console.log(`interview scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
  timeout,
);

test('the call page is served at /interview/call, uncached, with the camera and microphone allowed for this origin only', async () => {
  const response = await fetch(`${server.baseUrl}/interview/call?ticket=whatever`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('permissions-policy')).toContain('camera=(self), microphone=(self)');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  const html = await response.text();
  // Its assets come from the console's build under /console/, and it has no Vue app.
  expect(html).toMatch(/src="\/console\/assets\/interview-call-[\w-]+\.js"/);
  expect(html).not.toContain('id="app"');
  // The console itself is as before.
  const consolePage = await fetch(`${server.baseUrl}/console/`);
  expect(consolePage.headers.get('cache-control')).toBe('no-cache');
  expect(await consolePage.text()).toContain('id="app"');
});

test('without a built console the call page answers 503 in words', async () => {
  const app = Fastify();
  await serveConsole(app, path.join(os.tmpdir(), 'no-such-console-dist'));
  const page = await app.inject({ method: 'GET', url: '/interview/call?ticket=x' });
  expect(page.statusCode).toBe(503);
  expect(page.headers['content-type']).toContain('text/plain');
  expect(page.body).toContain('视频面审页面暂不可用');
  expect(page.body).toContain('npm run build:console');
  expect((await app.inject({ method: 'GET', url: '/console/' })).statusCode).toBe(503);
  await app.close();
});
