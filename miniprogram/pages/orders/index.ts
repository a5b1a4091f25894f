import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { listApplications } from '../../api/applications';
import { ApiError } from '../../api/request';
import type { ApplicationSummary } from '../../domain/services/application-api-types';
import { localizedPage, localizeTabBar } from '../../locale/localized-page';
import { fill, t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { elderModeStore } from '../../stores/elder-mode-store';
import { sessionStore } from '../../stores/session-store';
import { formatDate } from '../../utils/format';

type Todo = keyof typeof t.orders.todo;

interface OrderRow {
  id: string;
  service: string;
  serviceTitle: string;
  status: string;
  statusLabel: string;
  orderNo: string;
  dates: string;
  hint: string;
  /** The citizen must act: highlighted, with the action's button. */
  yourTurn: boolean;
  todo: Todo | '';
  todoLabel: string;
  final: boolean;
  section: string;
}

const FINAL = ['completed', 'rejected', 'returned', 'withdrawn', 'expired'];

function row(a: ApplicationSummary): OrderRow {
  const todo = (a.nextStep?.todo ?? (a.status === 'draft' ? 'continue' : '')) as Todo | '';
  const dates =
    a.status === 'draft'
      ? [fill(t.orders.savedAt, { date: formatDate(a.updatedAt) }), a.expiresAt ? fill(t.orders.keptUntil, { date: formatDate(a.expiresAt) }) : '']
          .filter(Boolean)
          .join(' · ')
      : a.submittedAt
        ? fill(t.orders.submittedAt, { date: formatDate(a.submittedAt) })
        : '';
  return {
    id: a.id,
    service: a.service,
    serviceTitle: a.serviceTitle,
    status: a.status,
    statusLabel: a.statusLabel,
    orderNo: a.orderNo ?? '',
    dates,
    hint: a.nextStep?.text ?? '',
    yourTurn: a.nextStep ? a.nextStep.who === 'citizen' : a.status === 'draft',
    todo,
    todoLabel: todo ? t.orders.todo[todo] : '',
    final: FINAL.includes(a.status),
    section: '',
  };
}

/** Pages whose list is on its way (the login observer and onShow may both ask). */
const loading = new WeakSet<object>();

type TapEvent = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/**
 * 我的订单: drafts to resume, then every order with its status, what happens next and —
 * when it is the citizen's turn — the button for it. The detail, timeline and supplement
 * uploads live in the orders subpackage (preloaded from this tab).
 */
ComponentWithStore({
  ...localizedPage(() => ({ text: t.orders, loadingText: t.loading }), () => t.orders.title),
  data: {
    phase: 'idle' as 'idle' | 'loading' | 'ready' | 'error',
    errorMessage: '',
    /** Drafts first, then orders; the first of each group carries its section title. */
    rows: [] as OrderRow[],
  },
  storeBindings: [
    {
      store: sessionStore,
      fields: ['loggedIn', 'status'],
      actions: {},
    },
    // Every page's root class (长辈模式), as behaviors/elder-mode.ts gives plain Component pages.
    { store: elderModeStore, fields: ['pageClass'], actions: {} },
  ],
  observers: {
    loggedIn(loggedIn: boolean) {
      if (loggedIn && this.data.phase === 'idle') void this.load();
    },
  },
  pageLifetimes: {
    show() {
      localizeTabBar();
      // Back from the detail, the form or a supplement upload: statuses may have moved.
      if (sessionStore.loggedIn) void this.load();
    },
  },
  // Promise chains rather than async functions: this tab is in the main package (see pages/messages).
  methods: {
    /** A subscription message opens `pages/orders/index?id=<order>`: straight on to that order. */
    onLoad(query: Record<string, string | undefined>) {
      if (query.id) wx.navigateTo({ url: `${ROUTES.orderDetail}?id=${query.id}` });
    },
    load(): Promise<void> {
      if (loading.has(this)) return Promise.resolve();
      loading.add(this);
      // A refresh keeps the list on screen; only the first load shows 加载中.
      if (this.data.phase !== 'ready') this.setData({ phase: 'loading', errorMessage: '' });
      return listApplications()
        .then(
          (all) => {
            const drafts = all.filter((a) => a.status === 'draft').map(row);
            // Never-submitted drafts that were dropped or expired are of no interest.
            const orders = all.filter((a) => a.status !== 'draft' && a.orderNo).map(row);
            if (orders[0]) orders[0].section = t.orders.list;
            if (drafts[0]) drafts[0].section = t.orders.drafts;
            this.setData({ phase: 'ready', rows: drafts.concat(orders) });
          },
          (error: unknown) => this.setData({ phase: 'error', errorMessage: error instanceof ApiError ? error.message : t.orders.loadFailed }),
        )
        .then(() => {
          loading.delete(this);
        });
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    login() {
      sessionStore.login().catch(() => Toast({ context: this, selector: '#t-toast', message: t.loginFailed }));
    },
    /** A draft reopens the form; an order its detail. */
    open(event: TapEvent) {
      const item = this.data.rows.find((r) => r.id === event.currentTarget.dataset.id);
      if (!item) return;
      if (item.status === 'draft') wx.navigateTo({ url: `${ROUTES.applyForm}?service=${item.service}&id=${item.id}` });
      else wx.navigateTo({ url: `${ROUTES.orderDetail}?id=${item.id}` });
    },
    /** The citizen's action: straight to the form, the upload or the pay page; the rest is explained on the detail. */
    act(event: TapEvent) {
      const item = this.data.rows.find((r) => r.id === event.currentTarget.dataset.id);
      if (item?.todo === 'supplement') wx.navigateTo({ url: `${ROUTES.orderSupplements}?id=${item.id}` });
      else if (item?.todo === 'pay') wx.navigateTo({ url: `${ROUTES.pay}?id=${item.id}` });
      else this.open(event);
    },
  },
});
