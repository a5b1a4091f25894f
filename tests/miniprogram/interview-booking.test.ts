/**
 * 视频面审, the citizen's side, against the real server (child process) with the New York
 * mission's staff acting through the console API: a reviewer sends the order to 待视频面审,
 * staff open slots; the book page shows them in the mission's time zone (and the phone's
 * own time beside them), books one behind a confirm dialog, moves it (改约) and cancels it;
 * a slot someone else took meanwhile is refused with the shared message and the list
 * refreshes; the mission cancelling a slot shows up under 以往预约 with its note. The order
 * detail offers 预约面审 / 查看预约 with the booked time and, once staff start the call,
 * 进入面审; the call page checks camera and microphone, then opens our server's call page in
 * a <web-view> with a fresh one-use ticket each time.
 */
import { currentToken } from '../../miniprogram/api/request';
import { dialable } from '../../miniprogram/domain/hotline';
import { interviewMessages } from '../../miniprogram/domain/interview';
import { text } from '../../miniprogram/packages/interview/text';
import { phoneClock } from '../../miniprogram/packages/interview/view';
import { tapButton, textOf } from './helpers/interact';
import { asCitizen, bindAuthorization, createSlots, interviewOf, orderInInterview } from './helpers/interview';
import { renderPage, simulate } from './helpers/load';
import { until } from './helpers/orders';
import { serverWithReviewer } from './helpers/staff-server';
import { bindWxFiles } from './helpers/wx-files';

const env = serverWithReviewer();

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string): void };
type Instance = WechatMiniprogram.Component.TrivialInstance;

interface SlotRow {
  id: string;
  title: string;
  phoneTime: string;
  when: string;
}
interface BookData {
  ready: boolean;
  busy: boolean;
  notice: string;
  required: boolean;
  zoneText: string;
  zoneDiffers: boolean;
  openDate: string;
  changing: boolean;
  canChange: boolean;
  callOpen: boolean;
  booking: { when: string; phoneTime: string; statusLabel: string } | null;
  days: Array<{ date: string; dateLabel: string; slots: SlotRow[] }>;
  past: Array<{ when: string; statusLabel: string; note: string }>;
  dialog: { visible: boolean; title: string; content: string };
}
interface CallData {
  phase: string;
  url: string;
  message: string;
  notOpen: boolean;
}

const data = <T>(page: Page) => page.instance.data as T;

async function open(pagePath: string, id: string): Promise<Page> {
  const page = renderPage(pagePath);
  await (page.instance as unknown as { onLoad(query: Record<string, string>): Promise<void> }).onLoad({ id });
  await simulate.sleep(0);
  return page;
}

const openBook = (id: string) => open('packages/interview/book/index', id);

async function tapCell(page: Page, selector: string): Promise<void> {
  const host = page.querySelector(selector) as unknown as Node | undefined;
  const cell = host?.querySelector('.t-cell');
  if (!cell) throw new Error(`no t-cell in ${selector}`);
  cell.dispatchEvent('tap');
  await simulate.sleep(0);
}

/** Taps the slot, checks the confirm dialog says `expected`, confirms, waits for the page to settle. */
async function chooseAndConfirm(page: Page, slot: SlotRow, expected: string): Promise<void> {
  await tapCell(page, `.slot--${slot.id}`);
  const dialog = data<BookData>(page).dialog;
  expect(dialog.visible).toBe(true);
  expect(dialog.content).toContain(expected);
  (page.instance.selectComponent('.confirm-dialog') as Instance).triggerEvent('confirm');
  await simulate.sleep(0);
  await until(() => !data<BookData>(page).busy, 'the booking request');
}

const firstSlots = (page: Page) => data<BookData>(page).days[0].slots;

beforeEach(() => {
  bindWxFiles();
  wx.navigateTo = jest.fn();
  wx.navigateBack = jest.fn();
  wx.redirectTo = jest.fn();
  wx.showToast = jest.fn();
  wx.stopPullDownRefresh = jest.fn();
  wx.makePhoneCall = jest.fn();
  wx.setTabBarBadge = jest.fn();
  wx.removeTabBarBadge = jest.fn();
});

describe('预约视频面审', () => {
  it('no free slots yet: the mission time zone, why, and 致电使领馆 instead of a list', async () => {
    const { order } = await orderInInterview(env.server, env.reviewer, '赵敏', '护照照片与本人差异较大，需视频核实身份');
    const page = await openBook(order.id);
    const shown = textOf(page);
    expect(shown).toContain('以下时间均为纽约时间（UTC-5）');
    expect(shown).toContain(order.orderNo!);
    expect(shown).toContain(text.why);
    expect(shown).toContain('护照照片与本人差异较大，需视频核实身份');
    expect(shown).toContain(text.empty);
    await tapButton(page, '.call-mission');
    const interview = await interviewOf(env.server.baseUrl, currentToken()!, order.id);
    expect(interview.mission.phone).toBeTruthy();
    expect(wx.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: dialable(interview.mission.phone) });
  });

  it('book a slot (confirm dialog) → 改约 to another → 取消预约; the server agrees at each step', async () => {
    // Mission days 2–4, 09:00–11:00 New York time, 30 minutes: 4 slots a day.
    const made = await createSlots(env.reviewer, { fromDays: 2, toDays: 4, startTime: '09:00', endTime: '11:00', minutes: 30 });
    expect(made.created).toBe(12);
    const { order, token } = await orderInInterview(env.server, env.reviewer, '钱进');
    const page = await openBook(order.id);
    let view = data<BookData>(page);
    expect(view.required).toBe(true);
    expect(view.booking).toBeNull();
    expect(view.days).toHaveLength(3);
    expect(view.openDate).toBe(view.days[0].date);
    const [first, second] = firstSlots(page);
    // Mission time from the env.server, with the phone's own time when its clock reads differently.
    expect(first.title).toBe('09:00（30分钟）');
    const interview = await interviewOf(env.server.baseUrl, token, order.id);
    const startsAt = interview.days[0].slots[0].startsAt;
    expect(first.phoneTime).toBe(phoneClock(startsAt, interview.days[0].slots[0].local));
    const phone = new Date(startsAt);
    if (phone.getHours() !== 9) {
      expect(first.phoneTime).toContain(`${String(phone.getHours()).padStart(2, '0')}:00`);
      expect(view.zoneDiffers).toBe(true);
      expect(textOf(page)).toContain(text.zoneNote);
    }
    let shown = textOf(page);
    expect(shown).toContain(view.days[0].dateLabel);
    expect(shown).toContain('4个时段可预约');
    expect(shown).toContain('09:00（30分钟）');
    expect(shown).toContain('10:30（30分钟）');
    expect(shown).toContain(text.slotOpen); // 可预约, in words

    // Another day opens its own slots.
    await tapCell(page, `.day--${view.days[1].date}`);
    expect(data<BookData>(page).openDate).toBe(view.days[1].date);
    await tapCell(page, `.day--${view.days[0].date}`);

    // Book the first: the dialog names it; nothing is booked before the confirm.
    await tapCell(page, `.slot--${first.id}`);
    expect(data<BookData>(page).dialog.title).toBe(text.bookTitle);
    (page.instance.selectComponent('.confirm-dialog') as Instance).triggerEvent('cancel');
    await simulate.sleep(0);
    expect(data<BookData>(page).dialog.visible).toBe(false);
    expect((await interviewOf(env.server.baseUrl, token, order.id)).booking).toBeNull();

    await chooseAndConfirm(page, first, first.when);
    view = data<BookData>(page);
    expect(view.booking?.when).toBe(`${first.when}（30分钟）`);
    expect(view.booking?.statusLabel).toBe('已预约');
    expect(view.canChange).toBe(true);
    expect((await interviewOf(env.server.baseUrl, token, order.id)).booking?.slotId).toBe(first.id);
    shown = textOf(page);
    expect(shown).toContain(text.booking);
    expect(shown).toContain(text.booked);
    // The slot list gives way to the booking card; the booked slot is no longer free.
    expect(page.querySelector(`.slot--${second.id}`)).toBeFalsy();
    expect(view.days.flatMap((d) => d.slots).some((s) => s.id === first.id)).toBe(false);

    // 改约: the list again, the dialog names new and old, the server moves the booking.
    await tapButton(page, '.change');
    expect(data<BookData>(page).changing).toBe(true);
    expect(textOf(page)).toContain(text.changeHint);
    const next = firstSlots(page).find((s) => s.id === second.id)!;
    await chooseAndConfirm(page, next, `原预约 ${first.when}（30分钟）`);
    view = data<BookData>(page);
    expect(view.changing).toBe(false);
    expect(view.booking?.when).toBe(`${second.when}（30分钟）`);
    const moved = await interviewOf(env.server.baseUrl, token, order.id);
    expect(moved.booking?.slotId).toBe(second.id);
    expect(moved.days.flatMap((d) => d.slots).some((s) => s.id === first.id)).toBe(true); // the old slot is free again
    expect(textOf(page)).toContain(text.changed);

    // 取消预约, behind its own dialog.
    await tapButton(page, '.cancel');
    expect(data<BookData>(page).dialog.title).toBe(text.cancelTitle);
    (page.instance.selectComponent('.confirm-dialog') as Instance).triggerEvent('confirm');
    await until(() => data<BookData>(page).booking === null && !data<BookData>(page).busy, 'the cancellation');
    expect((await interviewOf(env.server.baseUrl, token, order.id)).booking).toBeNull();
    view = data<BookData>(page);
    expect(view.past.map((p) => p.statusLabel)).toEqual(['已取消', '已取消']);
    shown = textOf(page);
    expect(shown).toContain(text.past);
    expect(shown).toContain(text.cancelled);
    expect(shown).toContain(text.slots);
  });

  it('a slot someone else booked meanwhile: the shared message stays on the page and the list refreshes', async () => {
    const other = await orderInInterview(env.server, env.reviewer, '孙丽');
    const { order } = await orderInInterview(env.server, env.reviewer, '李雷');
    const page = await openBook(order.id);
    const [taken, free] = firstSlots(page);

    const theirs = await asCitizen(env.server.baseUrl, other.token, 'POST', `/api/applications/${other.order.id}/interview/booking`, { slotId: taken.id });
    expect(theirs.status).toBe(200);

    await chooseAndConfirm(page, taken, taken.when);
    const view = data<BookData>(page);
    expect(view.notice).toBe(interviewMessages.slotTaken);
    expect(view.booking).toBeNull();
    expect(textOf(page)).toContain(interviewMessages.slotTaken);
    expect(view.days.flatMap((d) => d.slots).map((s) => s.id)).not.toContain(taken.id);
    expect(page.querySelector(`.slot--${taken.id}`)).toBeFalsy();

    // The next one is still there, and booking it clears the message.
    await chooseAndConfirm(page, firstSlots(page).find((s) => s.id === free.id)!, free.when);
    expect(data<BookData>(page).booking?.when).toContain(free.when);
    expect(data<BookData>(page).notice).toBe('');
  });

  it('the mission cancels the booked slot: 以往预约 with its note; after 面审通过 the page says no interview is needed', async () => {
    const { order } = await orderInInterview(env.server, env.reviewer, '周杰');
    const page = await openBook(order.id);
    const slot = firstSlots(page)[0];
    await chooseAndConfirm(page, slot, slot.when);
    expect(data<BookData>(page).booking).not.toBeNull();

    const cancelled = await env.reviewer.post(`/api/console/interview-slots/${slot.id}/cancel`, { note: '使领馆当日闭馆' });
    expect(cancelled.status).toBe(200);
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
    const view = data<BookData>(page);
    expect(view.booking).toBeNull();
    expect(view.past).toEqual([expect.objectContaining({ when: `${slot.when}（30分钟）`, statusLabel: '已取消', note: '使领馆当日闭馆' })]);
    expect(textOf(page)).toContain('使领馆当日闭馆');

    // Staff finish the interview while the page is open (in person, the video slot having been
    // cancelled: 面审通过 then needs a note): a booking attempt is refused in words.
    await env.reviewer.act(order.id, 'interview_passed', { inPerson: true, note: '申请人到馆面谈，核实无误' });
    const another = firstSlots(page)[0];
    await chooseAndConfirm(page, another, another.when);
    expect(data<BookData>(page).notice).toBe(interviewMessages.notRequired);
    expect(data<BookData>(page).required).toBe(false);
    expect(textOf(page)).toContain(interviewMessages.notRequired);
    expect(page.querySelector(`.slot--${another.id}`)).toBeFalsy();
  });
});

describe('订单详情 and 进入面审', () => {
  it('预约面审 → the booked time and 查看预约 → staff start the call → 进入面审 (and 改约/取消 locked, with the reason)', async () => {
    const { order, token } = await orderInInterview(env.server, env.reviewer, '吴刚');
    const detail = await open('packages/orders/detail/index', order.id);
    expect(textOf(detail)).toContain('待视频面审');
    expect(textOf(detail)).toContain('预约面审');
    expect(detail.querySelector('.next__join')).toBeFalsy();
    await tapButton(detail, '.next__action');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/interview/book/index?id=${order.id}` });

    const slot = (await interviewOf(env.server.baseUrl, token, order.id)).days[0].slots[0];
    expect((await asCitizen(env.server.baseUrl, token, 'POST', `/api/applications/${order.id}/interview/booking`, { slotId: slot.id })).status).toBe(200);
    (detail.instance as unknown as { onShow(): void }).onShow();
    await until(() => textOf(detail).includes('查看预约'), 'the booking on the detail');
    expect(textOf(detail)).toContain(`面审时间：${slot.local.dateLabel} ${slot.local.time}（纽约时间（UTC-5））`);
    expect(detail.querySelector('.next__join')).toBeFalsy();

    // The citizen waits on the book page; staff start the call.
    const page = await openBook(order.id);
    expect(data<BookData>(page).callOpen).toBe(false);
    expect(textOf(page)).toContain(text.callWait);
    const started = await env.reviewer.post(`/api/console/applications/${order.id}/interview/calls`);
    expect(started.status).toBe(200);

    (detail.instance as unknown as { onShow(): void }).onShow();
    await until(() => !!detail.querySelector('.next__join'), '进入面审 on the detail');
    await tapButton(detail, '.next__join');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/interview/call/index?id=${order.id}` });

    (page.instance as unknown as { onShow(): void }).onShow();
    await until(() => data<BookData>(page).callOpen, '进入面审 on the book page');
    expect(textOf(page)).toContain(text.callOpen);
    expect(data<BookData>(page).canChange).toBe(false);
    expect(textOf(page)).toContain(text.lockedCall);
    await tapButton(page, '.change');
    expect(data<BookData>(page).changing).toBe(false);
    await tapButton(page, '.join');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/interview/call/index?id=${order.id}` });
  });

  it('the call page: not open yet → the message and 返回; camera refused → 去设置; then a web-view on a fresh one-use ticket each visit', async () => {
    const { order, token } = await orderInInterview(env.server, env.reviewer, '郑爽');
    const slot = (await interviewOf(env.server.baseUrl, token, order.id)).days[0].slots[0];
    await asCitizen(env.server.baseUrl, token, 'POST', `/api/applications/${order.id}/interview/booking`, { slotId: slot.id });

    // Before staff start the call.
    bindAuthorization({ camera: true, record: true });
    const early = await open('packages/interview/call/index', order.id);
    expect(data<CallData>(early)).toMatchObject({ phase: 'failed', notOpen: true, message: interviewMessages.callNotOpen });
    expect(textOf(early)).toContain(interviewMessages.callNotOpen);
    expect(early.querySelector('.retry')).toBeFalsy();
    await tapButton(early, '.back');
    expect(wx.navigateBack).toHaveBeenCalled();

    expect((await env.reviewer.post(`/api/console/applications/${order.id}/interview/calls`)).status).toBe(200);

    // Camera and microphone refused when asked: explained, and the settings page allows them.
    const state = { grantOnAsk: false, grantInSettings: true };
    const asked = bindAuthorization(state);
    const page = await open('packages/interview/call/index', order.id);
    expect(asked).toEqual(['scope.camera']);
    expect(data<CallData>(page).phase).toBe('denied');
    expect(textOf(page)).toContain(text.call.denied);
    expect(textOf(page)).toContain(text.call.permission);
    await tapButton(page, '.open-setting');
    await until(() => data<CallData>(page).phase === 'open', 'the call page');
    const first = data<CallData>(page).url;
    expect(first.startsWith(`${env.server.baseUrl}/interview/call?ticket=`)).toBe(true);
    expect(page.querySelector('.call-view')).toBeTruthy(); // the <web-view>, src="{{url}}"
    expect(textOf(page)).not.toContain(text.call.denied);

    // Back and in again: a new ticket (issuing does not spend one; joining does).
    bindAuthorization({ camera: true, record: true });
    const again = await open('packages/interview/call/index', order.id);
    const second = data<CallData>(again).url;
    expect(data<CallData>(again).phase).toBe('open');
    expect(second).not.toBe(first);
    const ticketOf = (url: string) => new URL(url).searchParams.get('ticket');
    const join = (ticket: string | null) => asCitizen(env.server.baseUrl, token, 'POST', '/api/interview-calls/join', { ticket });
    expect((await join(ticketOf(first))).status).toBe(200);
    expect((await join(ticketOf(first))).status).toBe(410);
    const joined = await join(ticketOf(second));
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ side: 'citizen', orderNo: order.orderNo });
  });

  it("the phone's own time is left out where its clock reads as the mission's", () => {
    const at = new Date(Date.UTC(2026, 11, 7, 14, 0));
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = {
      date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
      time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
      dateLabel: '',
      offset: '',
    };
    expect(phoneClock(at.toISOString(), local)).toBe('');
    expect(phoneClock(at.toISOString(), { ...local, time: '03:00' })).toBe(`（您的时间 ${local.time}）`);
    expect(phoneClock(at.toISOString(), { ...local, date: '1999-01-01' })).toBe(`（您的时间 ${at.getMonth() + 1}月${at.getDate()}日 ${local.time}）`);
  });
});
