/**
 * 消息 against the real server (child process): the status changes and staff notes of an
 * order, newest first in pages of 20, the unread count on the tab badge, opening a message
 * (read, and its order opens), 全部已读, and the badge refreshed when the app comes back.
 */
import { fetchUnreadCount } from '../../miniprogram/api/messages';
import { clearSession } from '../../miniprogram/api/request';
import { t } from '../../miniprogram/locale/text';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { refreshUnreadBadge } from '../../miniprogram/utils/unread-badge';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { submittedOrder, until } from './helpers/orders';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer({ staff: true });
let reviewer: StaffHttpClient;

beforeAll(async () => {
  reviewer = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'reviewer')!);
});

type Page = ReturnType<typeof renderPage>;
interface MessagesData {
  phase: string;
  unread: number;
  hasMore: boolean;
  messages: Array<{ id: string; title: string; body: string; read: boolean; applicationId: string }>;
}
const data = (page: Page) => page.instance.data as MessagesData;
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');

describe('消息', () => {
  it('lists the status changes and notes, pages by 20, keeps the badge on the unread count, marks read', async () => {
    bindWxFiles();
    await readyCitizen(server, '王强');
    const order = await submittedOrder(server.images);
    await reviewer.act(order.id, 'request_supplements', { note: '请补充入境记录', items: ['other'] });
    for (let i = 1; i <= 21; i++) {
      const note = await reviewer.post(`/api/console/applications/${order.id}/notes`, { note: `第${i}条留言` });
      expect(note.status).toBe(200);
    }
    const setBadge = jest.fn();
    const removeBadge = jest.fn();
    wx.setTabBarBadge = setBadge;
    wx.removeTabBarBadge = removeBadge;
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo;

    const page = renderPage('pages/messages/index');
    show(page);
    await until(() => data(page).phase === 'ready', 'the messages');
    await simulate.sleep(0);
    // Newest first: the notes; 23 unread on the tab.
    expect(data(page).messages).toHaveLength(20);
    expect(data(page).messages[0].title).toBe('使领馆留言');
    expect(data(page).messages[0].body).toContain('第21条留言');
    expect(data(page).hasMore).toBe(true);
    expect(data(page).unread).toBe(23);
    expect(setBadge).toHaveBeenLastCalledWith(expect.objectContaining({ index: 2, text: '23' }));
    expect(textOf(page)).toContain(`23 ${t.messages.unread}`);
    expect(page.querySelectorAll('.msg--unread')).toHaveLength(20);

    // The next page: the two status changes, oldest last.
    await tapButton(page, '.load-more');
    await until(() => data(page).messages.length === 23, 'the second page');
    expect(data(page).hasMore).toBe(false);
    expect(textOf(page)).toContain(t.messages.noMore);
    const [requested, submitted] = data(page).messages.slice(-2);
    expect(submitted.title).toBe('提交申请（到馆缴费）：待审核');
    expect(submitted.body).toContain(order.orderNo!);
    expect(requested.title).toBe('要求补充材料：待补充材料');
    expect(textOf(page)).toContain('要求补充材料：待补充材料');

    // Opening a message: its order, read at once, the badge one lower.
    (page.querySelector(`.msg--${requested.id}`) as unknown as { dispatchEvent(name: string): void }).dispatchEvent('tap');
    await until(() => setBadge.mock.calls.some(([options]) => options.text === '22'), 'the badge at 22');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/orders/detail/index?id=${order.id}` });
    expect(data(page).messages.find((m) => m.id === requested.id)!.read).toBe(true);
    expect(await fetchUnreadCount()).toBe(22);
    // Opening it again sends nothing more.
    (page.querySelector(`.msg--${requested.id}`) as unknown as { dispatchEvent(name: string): void }).dispatchEvent('tap');
    await simulate.sleep(20);
    expect(await fetchUnreadCount()).toBe(22);

    // 全部已读: no badge, nothing unread.
    await tapButton(page, '.read-all');
    await until(() => removeBadge.mock.calls.length > 0, 'the badge removed');
    expect(removeBadge).toHaveBeenLastCalledWith(expect.objectContaining({ index: 2 }));
    expect(data(page).messages.every((m) => m.read)).toBe(true);
    expect(page.querySelectorAll('.msg--unread')).toHaveLength(0);
    expect(await fetchUnreadCount()).toBe(0);

    // A new note while the app was in the background: the badge comes back on app show.
    await reviewer.post(`/api/console/applications/${order.id}/notes`, { note: '请留意邮件' });
    expect(await refreshUnreadBadge()).toBe(1);
    expect(setBadge).toHaveBeenLastCalledWith(expect.objectContaining({ index: 2, text: '1' }));
    // And the tab shows it when visited again.
    show(page);
    // The count is shared (ordersStore): wait for the list itself.
    await until(() => data(page).messages[0].body.includes('请留意邮件'), 'the list refreshed');
    expect(data(page).unread).toBe(1);
  });

  it('asks to log in when there is no session, and counts nothing without one', async () => {
    clearSession();
    await sessionStore.logout().catch(() => undefined);
    const setBadge = jest.fn();
    wx.setTabBarBadge = setBadge;
    expect(await refreshUnreadBadge()).toBeNull();
    expect(setBadge).not.toHaveBeenCalled();
    const page = renderPage('pages/messages/index');
    await simulate.sleep(0);
    expect(textOf(page)).toContain(t.messages.loginPrompt);
  });
});
