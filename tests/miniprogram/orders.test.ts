/**
 * 我的订单 and the order subpackage against the real server (child process) with a
 * consulate reviewer acting through the console API: the list shows a submitted order's
 * status and next step and a draft to resume; a requested supplement appears on the
 * detail page, is uploaded item by item and resubmitted — back to 待审核.
 */
import { createApplication, submitApplication } from '../../miniprogram/api/applications';
import { fetchTimeline } from '../../miniprogram/api/orders';
import { t } from '../../miniprogram/packages/orders/text';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { emergencyUpToReview, submittedOrder, until } from './helpers/orders';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer({ staff: true, severalPages: true });
let reviewer: StaffHttpClient;

beforeAll(async () => {
  reviewer = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'reviewer')!);
});

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> };
/** Calls the page's onLoad, then lets its components attach (TDesign sets its classes then). */
async function load(page: Page, query: Record<string, string>): Promise<void> {
  await (page.instance as unknown as Loadable).onLoad(query);
  await simulate.sleep(0);
}
/** miniprogram-simulate has it; its typings do not. */
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
const data = <T>(page: Page) => page.instance.data as T;
const tap = async (page: Page, selector: string) => {
  const node = page.querySelector(selector) as unknown as { dispatchEvent(name: string): void } | undefined;
  if (!node) throw new Error(`nothing matches ${selector}`);
  node.dispatchEvent('tap');
  await simulate.sleep(0);
};

let navigateTo: jest.Mock;
let redirectTo: jest.Mock;

beforeEach(() => {
  bindWxFiles();
  navigateTo = jest.fn();
  redirectTo = jest.fn();
  wx.navigateTo = navigateTo;
  wx.redirectTo = redirectTo;
  wx.navigateBack = jest.fn();
  wx.showToast = jest.fn();
  wx.setTabBarBadge = jest.fn();
  wx.removeTabBarBadge = jest.fn();
});

describe('我的订单', () => {
  it('lists a submitted order with its status and what happens next, and a draft to resume', async () => {
    const { counters } = await readyCitizen(server, '王强');
    const order = await submittedOrder(server.images);
    const draft = await createApplication('passport', 'us-new-york');

    const page = renderPage('pages/orders/index');
    show(page);
    await until(() => data<{ phase: string }>(page).phase === 'ready', 'the list');
    const text = textOf(page);
    expect(text).toContain(t.orders.drafts);
    expect(text).toContain(t.orders.list);
    expect(text).toContain(order.orderNo!);
    expect(text).toContain('待审核');
    expect(text).toContain('使领馆正在审核您的申请，请耐心等待');
    expect(text).toContain('护照'); // the draft's service
    expect(text).toContain(t.orders.todo.continue);

    // The draft reopens the form where it was left; the order opens its detail.
    await tap(page, `.order--${draft.id}`);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/apply/form/index?service=passport&id=${draft.id}` });
    await tapButton(page, `.act--${draft.id}`);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/apply/form/index?service=passport&id=${draft.id}` });
    await tap(page, `.order--${order.id}`);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/orders/detail/index?id=${order.id}` });
    // Waiting for the mission: no action button.
    expect(page.querySelector(`.act--${order.id}`)).toBeFalsy();

    // The detail: key facts, next step and the timeline.
    const detail = renderPage('packages/orders/detail/index');
    const before = counters.requests.length;
    await load(detail, { id: order.id });
    // One request: the order, its timeline and its mission's contact come in one response.
    const viewRequests = counters.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    expect(viewRequests).toEqual([`GET ${server.baseUrl}/api/applications/${order.id}/order`]);
    const detailText = textOf(detail);
    expect(detailText).toContain('应急旅行证');
    expect(detailText).toContain(order.orderNo!);
    expect(detailText).toContain('待审核');
    expect(detailText).toContain('使领馆正在审核您的申请，请耐心等待');
    // Its place in the queue (no decisions yet at this mission: a place, no date).
    expect(detailText).toMatch(/审核队列中排第 \d+ 位/);
    expect(detailText).toContain('暂无法估算审核时间');
    expect(detailText).toContain('中华人民共和国驻纽约总领事馆');
    expect(detailText).toContain('提交申请（到馆缴费） · 待审核');
    expect(detailText).toContain(t.order.timeline);
  });

  it('a requested supplement: shown on the list and the detail, uploaded item by item, resubmitted → 待审核', async () => {
    const { counters } = await readyCitizen(server, '王强');
    const order = await submittedOrder(server.images);
    await reviewer.act(order.id, 'request_supplements', { note: '照片背景不符合要求，请重新上传；另请补充入境记录', items: ['id_photo', 'other'] });

    // The list: the citizen's turn, with the upload button.
    const list = renderPage('pages/orders/index');
    show(list);
    await until(() => data<{ phase: string }>(list).phase === 'ready', 'the list');
    expect(textOf(list)).toContain('待补充材料');
    expect(textOf(list)).toContain(t.orders.yourTurn);
    await tapButton(list, `.act--${order.id}`);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/orders/supplements/index?id=${order.id}` });

    // The detail: what is asked for, the note, and the way to it.
    const detail = renderPage('packages/orders/detail/index');
    const before = counters.requests.length;
    await load(detail, { id: order.id });
    // The requested items come with the order, not in a second round.
    expect(counters.requests.length - before).toBe(1);
    let text = textOf(detail);
    expect(text).toContain('待补充材料');
    expect(text).toContain('请按要求上传补充材料并重新提交');
    expect(text).toContain('照片背景不符合要求');
    expect(text).toContain(`${t.order.requested}证件照、其他补充材料`);
    expect(text).toContain('要求补充材料 · 待补充材料');
    await tapButton(detail, '.next__action');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/orders/supplements/index?id=${order.id}` });

    // The upload page: exactly the two items; nothing goes before both are there.
    const page = renderPage('packages/orders/supplements/index');
    await load(page, { id: order.id });
    expect(data<{ items: Array<{ id: string }> }>(page).items.map((i) => i.id)).toEqual(['id_photo', 'other']);
    expect(textOf(page)).toContain('证件照');
    expect(textOf(page)).toContain('其他补充材料');
    await tapButton(page, '.resubmit');
    expect(textOf(page)).toContain(t.order.supplements.missing);
    expect((await fetchTimeline(order.id)).status).toBe('supplement_requested');

    // Camera/album → (ID photo: crop 3:4, compress) → upload.
    let next = server.images.goodPhoto;
    wx.chooseMedia = ((options: WechatMiniprogram.ChooseMediaOption) =>
      options.success?.({ tempFiles: [{ tempFilePath: next, size: 40_000, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' } as never)) as typeof wx.chooseMedia;
    const cropImage = jest.fn((options: WechatMiniprogram.CropImageOption) => options.success?.({ tempFilePath: options.src, errMsg: 'cropImage:ok' }));
    wx.cropImage = cropImage as unknown as typeof wx.cropImage;
    wx.compressImage = ((options: WechatMiniprogram.CompressImageOption) => options.success?.({ tempFilePath: options.src, errMsg: 'compressImage:ok' })) as typeof wx.compressImage;

    await tapButton(page, '.pick--id_photo');
    await until(() => data<{ items: Array<{ uploaded: boolean }> }>(page).items[0].uploaded, 'the photo');
    expect(cropImage).toHaveBeenCalledTimes(1);
    next = server.images.document;
    await tapButton(page, '.pick--other');
    await until(() => data<{ items: Array<{ uploaded: boolean }> }>(page).items[1].uploaded, 'the other document');
    expect(cropImage).toHaveBeenCalledTimes(1); // not for an ordinary document
    expect(data<{ items: Array<{ ok: boolean }> }>(page).items.every((i) => i.ok)).toBe(true);
    expect(textOf(page)).toContain(`✓ ${t.order.supplements.uploaded}`);

    await tapButton(page, '.resubmit');
    await until(() => redirectTo.mock.calls.length > 0, 'back to the detail');
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/orders/detail/index?id=${order.id}` });
    const timeline = await fetchTimeline(order.id);
    expect(timeline.status).toBe('submitted');
    expect(timeline.entries.map((e) => e.action)).toEqual(['submit_pay_at_mission', 'request_supplements', 'resubmit']);

    // Back on the detail (onShow): 待审核 again, the resubmission in the timeline.
    (detail.instance as unknown as { onShow(): void }).onShow();
    await until(() => data<{ info: { status: string } }>(detail).info.status === 'submitted', 'the detail refreshed');
    text = textOf(detail);
    expect(text).toContain('待审核');
    expect(text).toContain('补充材料后重新提交 · 待审核');
    expect(detail.querySelector('.next__action')).toBeFalsy();

    // The slot is closed now.
    const again = renderPage('packages/orders/supplements/index');
    await load(again, { id: order.id });
    expect(textOf(again)).toContain(t.order.supplements.closed);
  });

  it('待支付: 去支付 on the list and the detail opens the pay page', async () => {
    await readyCitizen(server, '王强');
    const order = await submitApplication(await emergencyUpToReview(server.images, { paymentMethod: 'online' }), { confirmNoWithdrawal: true });
    expect(order.status).toBe('awaiting_payment');
    const list = renderPage('pages/orders/index');
    show(list);
    await until(() => data<{ phase: string }>(list).phase === 'ready', 'the list');
    expect(textOf(list)).toContain('请完成支付，支付成功后进入审核');
    await tapButton(list, `.act--${order.id}`);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/pay/index/index?id=${order.id}` });
    const detail = renderPage('packages/orders/detail/index');
    await load(detail, { id: order.id });
    expect(textOf(detail)).toContain(t.orders.todo.pay);
    await tapButton(detail, '.next__action');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/pay/index/index?id=${order.id}` });
  });

  it('a subscription message opens the tab with ?id=: straight on to that order', async () => {
    const page = renderPage('pages/orders/index');
    (page.instance as unknown as { onLoad(query: Record<string, string>): void }).onLoad({ id: 'abc' });
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/orders/detail/index?id=abc' });
  });

  it('已寄出: the tracking number and 确认收到证件 complete the order', async () => {
    await readyCitizen(server, '王强');
    const order = await submittedOrder(server.images);
    const supervisor = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'supervisor')!);
    await reviewer.act(order.id, 'approve');
    await supervisor.act(order.id, 'approve');
    await reviewer.act(order.id, 'start_production');
    await reviewer.act(order.id, 'mail', { trackingNo: 'SF1234567890' });

    const detail = renderPage('packages/orders/detail/index');
    await load(detail, { id: order.id });
    expect(textOf(detail)).toContain('已寄出');
    expect(textOf(detail)).toContain('SF1234567890');
    await tapButton(detail, '.next__action');
    await until(() => data<{ info: { status: string } }>(detail).info.status === 'completed', 'completed');
    expect(textOf(detail)).toContain('已完成');
    expect(textOf(detail)).toContain('确认收到证件 · 已完成');
  });
});
