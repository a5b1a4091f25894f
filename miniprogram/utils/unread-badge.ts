/**
 * The unread count on the 消息 tab. Refreshed when the app comes to the foreground (once
 * logged in) and after reading; best effort — no badge is better than an error. The count
 * lives in ordersStore, so every page bound to it shows the same number as the badge.
 */
import { fetchUnreadCount } from '../api/messages';
import { currentToken } from '../api/request';
import { ordersStore } from '../stores/orders-store';

/** Position of pages/messages/index in app.json's tabBar.list. */
export const MESSAGES_TAB_INDEX = 2;

const noop = () => undefined;

export function showUnreadBadge(unread: number): void {
  ordersStore.setUnread(unread);
  if (unread > 0) wx.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread), fail: noop });
  else wx.removeTabBarBadge({ index: MESSAGES_TAB_INDEX, fail: noop });
}

/** Asks the server; without a session there is nothing to count (no login is forced). Never rejects. */
export function refreshUnreadBadge(): Promise<number | null> {
  if (!currentToken()) return Promise.resolve(null);
  return fetchUnreadCount().then(
    (unread) => {
      showUnreadBadge(unread);
      return unread;
    },
    () => null,
  );
}
