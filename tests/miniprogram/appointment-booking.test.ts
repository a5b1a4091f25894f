/**
 * 到馆预约 (fingerprints), the citizen's side, against the real server: a New York supervisor
 * opens fingerprint collection and counter slots; a renewal submitted through the
 * mini-program's api layer then shows the book page with the mission's address, zone and
 * map link; the citizen books a slot (the QR code of the booking's check-in code appears),
 * moves it (改约) to another and cancels it — the server agrees at each step — and a booking
 * past its cut-off can no longer be changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentToken } from '../../miniprogram/api/request';
import { appointmentMessages, type CitizenAppointments } from '../../miniprogram/domain/appointments';
import { text } from '../../miniprogram/packages/appointment/text';
import { openFingerprintSlots, type RenewalFiles, renewalFiles, submittedRenewal as submitted } from './helpers/appointments';
import { type ChildServer, startChildServer } from './helpers/child-server';
import { textOf } from './helpers/interact';
import { asCitizen } from './helpers/interview';
import { renderPage, simulate } from './helpers/load';
import { until } from './helpers/orders';
import { allowSeveralPagesPerFile } from './helpers/several-pages';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';

let server: ChildServer;
let dir: string;
let supervisor: StaffHttpClient;
let files: RenewalFiles;

beforeAll(async () => {
  allowSeveralPagesPerFile();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-appointment-'));
  server = await startChildServer({ staff: true });
  files = renewalFiles(server, dir);
  supervisor = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'supervisor')!);
  expect(await openFingerprintSlots(supervisor)).toEqual({ created: 4, skipped: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  bindWxFiles();
  wx.showToast = jest.fn();
  wx.makePhoneCall = jest.fn();
  wx.navigateTo = jest.fn();
  wx.redirectTo = jest.fn();
  wx.stopPullDownRefresh = jest.fn();
  wx.setTabBarBadge = jest.fn();
  wx.removeTabBarBadge = jest.fn();
  wx.setClipboardData = jest.fn((options: { success?: () => void }) => options.success?.()) as never;
});

/** A renewal submitted (paying at the mission) through the mini-program's api layer. */
const submittedRenewal = (name: string) => submitted(server, name, files);

type Page = ReturnType<typeof renderPage>;
interface Row {
  kind: string;
  state: string;
  bookedText: string;
  codeText: string;
  qr: boolean[][];
  canChange: boolean;
  days: Array<{ date: string; slots: Array<{ id: string; label: string }> }>;
}
const rows = (page: Page) => (page.instance.data as { appointments: Row[] }).appointments;
const busy = (page: Page) => (page.instance.data as { busy: boolean }).busy;

async function open(id: string): Promise<Page> {
  const page = renderPage('packages/appointment/book/index');
  await (page.instance as unknown as { onLoad(query: Record<string, string>): Promise<void> }).onLoad({ id });
  await simulate.sleep(0);
  return page;
}

/** Taps a slot's cell and waits for the request to finish. */
async function tapSlot(page: Page, slotId: string): Promise<void> {
  const host = page.querySelector(`.slot--${slotId}`) as unknown as { querySelector(s: string): { dispatchEvent(name: string): void } | undefined };
  const cell = host?.querySelector('.t-cell');
  if (!cell) throw new Error(`no slot ${slotId}`);
  cell.dispatchEvent('tap');
  await simulate.sleep(0);
  await until(() => !busy(page), 'the booking request');
}

async function tapButton(page: Page, selector: string): Promise<void> {
  const host = page.querySelector(selector) as unknown as { querySelector(s: string): { dispatchEvent(name: string): void } | undefined };
  host!.querySelector('.t-button')!.dispatchEvent('tap');
  await simulate.sleep(0);
  await until(() => !busy(page), 'the request');
}

const serverView = async (id: string) => (await asCitizen(server.baseUrl, currentToken()!, 'GET', `/api/applications/${id}/appointments`)).body as CitizenAppointments;

describe('到馆预约 (采集指纹)', () => {
  it('book a slot (QR code shown) → 改约 to another → 取消预约; address, zone and map link; the server agrees', async () => {
    const id = await submittedRenewal('周兰');
    // The order detail leads there.
    const detail = renderPage('packages/orders/detail/index');
    await (detail.instance as unknown as { onLoad(query: Record<string, string>): Promise<void> }).onLoad({ id });
    await simulate.sleep(0);
    expect(textOf(detail)).toContain('到馆预约：采集指纹');
    (detail.querySelector('.appointments') as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } }).querySelector('.t-cell').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: `/packages/appointment/book/index?id=${id}` });

    const page = await open(id);
    const shown = textOf(page);
    const view = await serverView(id);
    expect(shown).toContain(view.mission.address);
    expect(shown).toMatch(/以下时间均为使领馆当地时间（UTC-[45]）/);
    expect(shown).toContain('采集指纹');
    await tapButton(page, '.copy-map');
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: view.mission.mapUrl }));

    let [row] = rows(page);
    expect(row!.state).toBe('choose');
    const [first, second] = row!.days[0]!.slots;
    expect(first!.label).toBe('10:00（剩余 2 个名额）');

    await tapSlot(page, first!.id);
    [row] = rows(page);
    expect(row!.state).toBe('booked');
    const booked = (await serverView(id)).appointments[0]!.booking!;
    expect(booked.slotId).toBe(first!.id);
    // The server's 简体 label for the same time (the page words it in the citizen's language from its date and time).
    expect(row!.bookedText).toBe(`已预约：${booked.local.dateLabel} ${booked.local.time}`);
    expect(row!.codeText).toBe(`预约码 ${booked.code}`);
    // The QR code: a square of modules with dark ones in it (a version-1 code and its quiet zone).
    expect(row!.qr.length).toBeGreaterThanOrEqual(25);
    expect(row!.qr.every((r) => r.length === row!.qr.length)).toBe(true);
    expect(row!.qr.flat().filter(Boolean).length).toBeGreaterThan(100);
    expect(page.querySelectorAll('.qr__cell--dark').length).toBe(row!.qr.flat().filter(Boolean).length);

    // 改约: the slot list comes back; choose the second slot.
    await tapButton(page, '.change');
    expect(rows(page)[0]!.state).toBe('choose');
    await tapSlot(page, second!.id);
    expect(rows(page)[0]!.state).toBe('booked');
    expect((await serverView(id)).appointments[0]!.booking!.slotId).toBe(second!.id);

    await tapButton(page, '.cancel');
    expect(rows(page)[0]!.state).toBe('choose');
    expect((await serverView(id)).appointments[0]!.booking).toBeNull();
  });

  it('past the cut-off: no 改约 / 取消, and the reason is said', async () => {
    const id = await submittedRenewal('吴涛');
    const slotId = (await serverView(id)).appointments[0]!.days[0]!.slots[0]!.id;
    const booked = await asCitizen(server.baseUrl, currentToken()!, 'POST', `/api/applications/${id}/appointments/fingerprints/booking`, { slotId });
    expect(booked.status).toBe(200);
    // The mission's cut-off becomes a week: a slot 3–4 days ahead is now inside it.
    expect((await supervisor.put('/api/console/appointment-types/fingerprints', { minutes: 15, capacity: 2, cutoffHours: 168, active: true })).status).toBe(200);
    const page = await open(id);
    expect(rows(page)[0]).toMatchObject({ state: 'booked', canChange: false });
    expect(page.querySelector('.change')).toBeFalsy();
    expect(textOf(page)).toContain(text.noChange);
    const refused = await asCitizen(server.baseUrl, currentToken()!, 'POST', `/api/applications/${id}/appointments/fingerprints/booking/cancel`);
    expect(refused.body.error.message).toBe(appointmentMessages.tooLate(168));
  });
});
