/**
 * One orders store for every page that shows the citizen's orders (stores/orders-store.ts):
 * paying on the pay page updates 我的订单 and the home page's 需要您处理 card at once — no
 * reload, no second list request. Also what the list pages share (behaviors/list-load.ts):
 * a failed refresh keeps the list and shows the network banner with 重试; an empty list
 * offers 去办理. And a new version of the mini-program asks to restart.
 */
import { submitApplication } from '../../miniprogram/api/applications';
import { t } from '../../miniprogram/locale/text';
import { watchForUpdates } from '../../miniprogram/utils/app-update';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { httpFetch } from './helpers/http-fetch';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { emergencyUpToReview } from './helpers/orders';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer({ severalPages: true });

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> | void; onUnload?(): void };
/** miniprogram-simulate has it; its typings do not. */
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
const data = <T>(page: Page) => page.instance.data as T;
type Row = { id: string; statusLabel: string; todoLabel: string };

beforeEach(() => {
  bindWxFiles();
  wx.navigateTo = jest.fn();
  wx.setTabBarBadge = jest.fn();
  wx.removeTabBarBadge = jest.fn();
});

/** wx.requestPayment as WeChat behaves once the citizen pays: the sandbox takes the money and notifies our server. */
function payAtTheSandbox(): void {
  wx.requestPayment = ((options: WechatMiniprogram.RequestPaymentOption) => {
    const prepayId = options.package.replace(/^prepay_id=/, '');
    httpFetch(`${server.sandboxUrl}/sandbox/pay/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prepayId, delayMs: 0 }),
    }).then(
      (reply) => (reply.status === 200 ? options.success?.({ errMsg: 'requestPayment:ok' }) : options.fail?.({ errMsg: `requestPayment:fail ${reply.status}` })),
      (error: unknown) => options.fail?.({ errMsg: `requestPayment:fail ${String(error)}` }),
    );
  }) as typeof wx.requestPayment;
}

/** GET /api/applications: the list itself (not one application). */
const listRequests = (counters: { requests: Array<{ method: string; url: string }> }) =>
  counters.requests.filter((r) => r.method === 'GET' && /\/api\/applications(\?|$)/.test(r.url)).length;

describe('one orders store', () => {
  it('paying on the pay page moves the order to 待审核 on 我的订单 and off home’s 需要您处理, without a reload', async () => {
    const { counters } = await readyCitizen(server, '赵敏');
    const order = await submitApplication(await emergencyUpToReview(server.images, { paymentMethod: 'online' }), { confirmNoWithdrawal: true });
    expect(order.status).toBe('awaiting_payment');

    const list = renderPage('pages/orders/index');
    show(list);
    const home = renderPage('pages/home/index');
    show(home);
    await until(() => data<{ rows: Row[] }>(list).rows.some((r) => r.id === order.id && r.statusLabel === '待支付'), '我的订单 with the order 待支付');
    await until(() => data<{ todoRows: Row[] }>(home).todoRows.some((r) => r.id === order.id), 'home’s 需要您处理 card');
    // The card says what to do, with its action, and is named for screen readers.
    expect(textOf(home)).toContain(t.home.todoTitle);
    expect(home.querySelector(`.todo--${order.id}`)).toBeTruthy();
    expect(textOf(home)).toContain('去支付');
    const listRequestsBefore = listRequests(counters);

    // Pay: the pay page → wx.requestPayment → the result page, which polls until the server has WeChat's notification.
    payAtTheSandbox();
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo as unknown as typeof wx.redirectTo;
    const pay = renderPage('packages/pay/index/index');
    await (pay.instance as unknown as Loadable).onLoad({ id: order.id });
    await until(() => !data<{ loading: boolean }>(pay).loading, 'the pay page');
    await tapButton(pay, '.pay');
    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    const result = renderPage('packages/pay/result/index');
    (result.instance as unknown as Loadable).onLoad({ id: order.id });
    await until(() => data<{ phase: string }>(result).phase === 'paid', '已支付', 20_000);

    // The two tabs were never shown again nor reloaded: the store moved them.
    await until(() => data<{ rows: Row[] }>(list).rows.some((r) => r.id === order.id && r.statusLabel === '待审核'), '我的订单 showing 待审核');
    await until(() => !data<{ todoRows: Row[] }>(home).todoRows.some((r) => r.id === order.id), 'the card without the paid order');
    expect(textOf(list)).toContain('待审核');
    expect(textOf(list)).not.toContain('待支付');
    expect(home.querySelector(`.todo--${order.id}`)).toBeFalsy();
    expect(listRequests(counters)).toBe(listRequestsBefore);
    (result.instance as unknown as Loadable).onUnload?.();
  });

  it('a refresh that fails on a weak network keeps the list (and the order detail) and shows the banner; 重试 brings it back', async () => {
    await readyCitizen(server, '钱伟');
    const order = await submitApplication(await emergencyUpToReview(server.images, { paymentMethod: 'at_mission' }), { confirmNoWithdrawal: true });
    const list = renderPage('pages/orders/index');
    show(list);
    await until(() => data<{ phase: string }>(list).phase === 'ready', 'the list');
    expect(textOf(list)).not.toContain(t.networkError);
    const detail = renderPage('packages/orders/detail/index');
    await (detail.instance as unknown as Loadable).onLoad({ id: order.id });
    expect(textOf(detail)).toContain(order.orderNo!);

    // The phone's network drops: wx.request fails as WeChat reports it.
    const realRequest = wx.request;
    wx.request = ((options: WechatMiniprogram.RequestOption) => {
      setTimeout(() => options.fail?.({ errMsg: 'request:fail timeout', errno: 5 } as WechatMiniprogram.RequestFailCallbackErr));
      return { abort() {} } as WechatMiniprogram.RequestTask;
    }) as typeof wx.request;
    show(list);
    await until(() => data<{ refreshFailed: boolean }>(list).refreshFailed, 'the banner');
    // Not silent, and nothing lost: the banner says why, the order is still on screen.
    expect(textOf(list)).toContain(t.networkError);
    expect(textOf(list)).toContain(order.orderNo!);
    expect(data<{ phase: string }>(list).phase).toBe('ready');
    // The order detail the same way: back on it (onShow) offline, the order stays, the banner says so.
    (detail.instance as unknown as { onShow(): void }).onShow();
    await until(() => data<{ refreshFailed: boolean }>(detail).refreshFailed, 'the detail’s banner');
    expect(textOf(detail)).toContain(order.orderNo!);
    // (miniprogram-simulate renders our network-banner in the first page of a file only: the list shows its text above.)
    expect(data<{ networkMessage: string }>(detail).networkMessage).toBe(t.networkError);

    // Back online: 重试 in the banner (a real touch target, named) reloads and the banner goes.
    wx.request = realRequest;
    type Node = { querySelector(selector: string): Node; dispatchEvent(name: string): void; dom: HTMLElement };
    const retry = (list.querySelector('.network-banner') as unknown as Node).querySelector('.network-banner__retry');
    expect(retry.dom.outerHTML).toContain(t.networkBanner.retry);
    retry.dispatchEvent('tap');
    await until(() => !data<{ refreshFailed: boolean }>(list).refreshFailed, 'the banner gone');
    expect(textOf(list)).not.toContain(t.networkError);
    expect(textOf(list)).toContain(order.orderNo!);
  });

  it('empty 我的订单 and 消息 offer 去办理, which opens the home page', async () => {
    await readyCitizen(server, '孙丽');
    const switchTab = jest.fn();
    wx.switchTab = switchTab as unknown as typeof wx.switchTab;
    for (const path of ['pages/orders/index', 'pages/messages/index']) {
      const page = renderPage(path);
      show(page);
      await until(() => data<{ phase: string }>(page).phase === 'ready', `${path} loaded`);
      expect(textOf(page)).toContain(t.orders.startApplying);
      await tapButton(page, '.start-applying');
      expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/home/index' });
    }
    expect(switchTab).toHaveBeenCalledTimes(2);
  });
});

describe('a new version', () => {
  function fakeUpdateManager() {
    const handlers: { ready?: () => void; failed?: () => void } = {};
    const manager = {
      applyUpdate: jest.fn(),
      onUpdateReady: (handler: () => void) => void (handlers.ready = handler),
      onUpdateFailed: (handler: () => void) => void (handlers.failed = handler),
      onCheckForUpdate: () => undefined,
    };
    wx.getUpdateManager = (() => manager) as unknown as typeof wx.getUpdateManager;
    return { manager, handlers };
  }

  it('asks to restart when WeChat has downloaded it, and restarts only if the citizen agrees', () => {
    const { manager, handlers } = fakeUpdateManager();
    const answers = [false, true];
    const showModal = jest.fn((options: WechatMiniprogram.ShowModalOption) =>
      options.success?.({ confirm: answers.shift()!, cancel: false, errMsg: 'showModal:ok' } as WechatMiniprogram.ShowModalSuccessCallbackResult),
    );
    wx.showModal = showModal as unknown as typeof wx.showModal;
    watchForUpdates();
    expect(showModal).not.toHaveBeenCalled();

    handlers.ready!(); // 稍后
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: t.update.title, confirmText: t.update.restart, cancelText: t.update.later }));
    expect(manager.applyUpdate).not.toHaveBeenCalled();
    handlers.ready!(); // 重启
    expect(manager.applyUpdate).toHaveBeenCalledTimes(1);
  });
});
