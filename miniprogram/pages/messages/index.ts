import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { fetchMessages, markAllMessagesRead, markMessageRead } from '../../api/messages';
import { listLoad, messageOf } from '../../behaviors/list-load';
import type { CitizenMessage } from '../../domain/order-api-types';
import { localizedPage, localizeTabBar } from '../../locale/localized-page';
import { t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { elderModeStore } from '../../stores/elder-mode-store';
import { ordersStore } from '../../stores/orders-store';
import { sessionStore } from '../../stores/session-store';
import { formatDateTime } from '../../utils/format';
import { showUnreadBadge } from '../../utils/unread-badge';

interface MessageRow {
  id: string;
  title: string;
  body: string;
  at: string;
  read: boolean;
  applicationId: string;
  alertId: string;
  passportId: string;
}

const toRow = (m: CitizenMessage): MessageRow => ({
  id: m.id,
  title: m.title,
  body: m.body,
  at: formatDateTime(m.createdAt),
  read: m.read,
  applicationId: m.applicationId ?? '',
  alertId: m.alertId ?? '',
  passportId: m.passportId ?? '',
});

const PAGE_SIZE = 20;
/** The next page's cursor, per page instance (not rendered). */
const cursors = new WeakMap<object, string | null>();

type TapEvent = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/**
 * 消息: every status change and staff note, newest first, 20 at a time. Opening a message
 * marks it read and goes to its order; the tab's badge follows the unread count.
 */
ComponentWithStore({
  ...localizedPage(() => ({ text: t.messages, loadingText: t.loading }), () => t.messages.title),
  data: {
    ...listLoad.data,
    messages: [] as MessageRow[],
    hasMore: false,
    loadingMore: false,
  },
  storeBindings: [
    { store: sessionStore, fields: ['loggedIn', 'status'], actions: {} },
    // The same count as the tab's badge (utils/unread-badge keeps them together).
    { store: ordersStore, fields: ['unread'], actions: {} },
    // Every page's root class (长辈模式), as behaviors/elder-mode.ts gives plain Component pages.
    { store: elderModeStore, fields: ['pageClass'], actions: {} },
  ],
  observers: { ...listLoad.observers },
  pageLifetimes: {
    show() {
      localizeTabBar();
      if (sessionStore.loggedIn) void this.load();
    },
  },
  // Promise chains rather than async functions: this tab is in the main package, and each
  // async method costs a regenerator state machine once compiled for WeChat.
  methods: {
    ...listLoad.methods,
    /** listLoad's fetch: the first page again (new messages arrive at the top). */
    fetchList(): Promise<void> {
      return fetchMessages(null, PAGE_SIZE).then((page) => {
        cursors.set(this, page.nextCursor);
        this.setData({ messages: page.messages.map(toRow), hasMore: !!page.nextCursor });
        showUnreadBadge(page.unread);
      });
    },
    newApplication() {
      wx.switchTab({ url: ROUTES.home });
    },
    loadMore(): Promise<void> {
      const cursor = cursors.get(this);
      if (!cursor || this.data.loadingMore) return Promise.resolve();
      this.setData({ loadingMore: true });
      return fetchMessages(cursor, PAGE_SIZE).then(
        (page) => {
          cursors.set(this, page.nextCursor);
          const seen = new Set(this.data.messages.map((m) => m.id));
          this.setData({
            messages: this.data.messages.concat(page.messages.filter((m) => !seen.has(m.id)).map(toRow)),
            hasMore: !!page.nextCursor,
            loadingMore: false,
          });
          showUnreadBadge(page.unread);
        },
        (error: unknown) => {
          this.setData({ loadingMore: false });
          this.toast(messageOf(error, t.messages.loadFailed));
        },
      );
    },
    onReachBottom() {
      void this.loadMore();
    },
    login() {
      sessionStore.login().catch(() => this.toast(t.loginFailed));
    },
    toast(message: string) {
      Toast({ context: this, selector: '#t-toast', message });
    },
    /** Opens its order and marks it read (shown at once, then confirmed by the server). */
    open(event: TapEvent): Promise<void> {
      const index = this.data.messages.findIndex((m) => m.id === event.currentTarget.dataset.id);
      const message = this.data.messages[index];
      if (!message) return Promise.resolve();
      // A passport expiry reminder opens its ready renewal.
      if (message.passportId) wx.navigateTo({ url: `${ROUTES.documents}?renew=${message.passportId}` });
      else if (message.applicationId) wx.navigateTo({ url: `${ROUTES.orderDetail}?id=${message.applicationId}` });
      else if (message.alertId) wx.navigateTo({ url: `${ROUTES.registrationAlert}?alertId=${message.alertId}` });
      if (message.read) return Promise.resolve();
      this.setData({ [`messages[${index}].read`]: true });
      showUnreadBadge(Math.max(0, ordersStore.unread - 1));
      return markMessageRead(message.id).then(
        (unread) => showUnreadBadge(unread),
        // Stays read here; the server catches up the next time it is opened.
        () => undefined,
      );
    },
    readAll(): Promise<void> {
      return markAllMessagesRead().then(
        (unread) => {
          this.setData({ messages: this.data.messages.map((m) => ({ ...m, read: true })) });
          showUnreadBadge(unread);
        },
        (error: unknown) => this.toast(messageOf(error, t.serverError)),
      );
    },
  },
});
