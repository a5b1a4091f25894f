import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { listLoad } from '../../behaviors/list-load';
import { localizedPage, localizeTabBar } from '../../locale/localized-page';
import { t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { elderModeStore } from '../../stores/elder-mode-store';
import { ordersStore } from '../../stores/orders-store';
import { sessionStore } from '../../stores/session-store';
import { actOnOrderRow, openOrderRow, type OrderRow } from '../../utils/order-rows';

/** mobx-miniprogram-bindings' method (its typings leave it out): sends what changed in the stores now. */
type StoreBound = { updateStoreBindings(): void };
type TapEvent = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/**
 * 我的订单: drafts to resume, then every order with its status, what happens next and —
 * when it is the citizen's turn — the button for it. The detail, timeline and supplement
 * uploads live in the orders subpackage (preloaded from this tab).
 */
ComponentWithStore({
  ...localizedPage(() => ({ text: t.orders, loadingText: t.loading }), () => t.orders.title),
  data: {
    ...listLoad.data,
  },
  storeBindings: [
    { store: sessionStore, fields: ['loggedIn', 'status'], actions: {} },
    // Drafts first, then orders: shared with home's 需要您处理, updated by whichever page sees an order change.
    { store: ordersStore, fields: { rows: 'orderRows' }, actions: {} },
    // Every page's root class (长辈模式), as behaviors/elder-mode.ts gives plain Component pages.
    { store: elderModeStore, fields: ['pageClass'], actions: {} },
  ],
  observers: { ...listLoad.observers },
  pageLifetimes: {
    show() {
      localizeTabBar();
      ordersStore.relocalize();
      // Back from the detail, the form or a supplement upload: statuses may have moved.
      if (sessionStore.loggedIn) void this.load();
    },
  },
  // Promise chains rather than async functions: this tab is in the main package (see pages/messages).
  methods: {
    ...listLoad.methods,
    /** A subscription message opens `pages/orders/index?id=<order>`: straight on to that order. */
    onLoad(query: Record<string, string | undefined>) {
      if (query.id) wx.navigateTo({ url: `${ROUTES.orderDetail}?id=${query.id}` });
    },
    /** listLoad's fetch: the shared list, rendered through the binding — flushed now, so 暂无订单 never flashes before the rows. */
    fetchList(): Promise<void> {
      return ordersStore.refresh().then(() => (this as unknown as StoreBound).updateStoreBindings());
    },
    newApplication() {
      wx.switchTab({ url: ROUTES.home });
    },
    login() {
      sessionStore.login().catch(() => Toast({ context: this, selector: '#t-toast', message: t.loginFailed }));
    },
    open(event: TapEvent) {
      const row = (this.data.rows as OrderRow[]).find((r) => r.id === event.currentTarget.dataset.id);
      if (row) openOrderRow(row);
    },
    act(event: TapEvent) {
      const row = (this.data.rows as OrderRow[]).find((r) => r.id === event.currentTarget.dataset.id);
      if (row) actOnOrderRow(row);
    },
  },
});
