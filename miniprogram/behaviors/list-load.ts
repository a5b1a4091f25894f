/**
 * Loading and refreshing a page's data, the same way on every list page (我的订单, 消息,
 * 新闻公告, 安全提醒…): 加载中 only the first time, a refresh keeps what is on screen,
 * pull-down refresh, one load at a time, and a failure is never silent — the first load
 * shows the error with 重试, a failed refresh shows the network banner over the list.
 *
 * The page provides `fetchList(): Promise<unknown>`, which fetches and renders (its own
 * setData or a store's bindings); `load()` is what lifetimes, pull-down and 重试 call. A page
 * that binds sessionStore's `loggedIn` gets its first load when the login lands.
 */
import { ApiError } from '../api/request';
import { t } from '../locale/text';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

interface ListPage {
  data: { phase: LoadPhase };
  setData(data: Record<string, unknown>): void;
  fetchList(): Promise<unknown>;
}

/** Per page instance: the load on its way (lifetimes, the login observer and pull-down may all ask). */
const inFlight = new WeakMap<object, Promise<void>>();

export const messageOf = (error: unknown, fallback: string = t.serverError): string => (error instanceof ApiError ? error.message : fallback);

/** Promise chains rather than async functions: main-package pages use it (see pages/messages). */
export function loadList(page: ListPage): Promise<void> {
  const running = inFlight.get(page);
  if (running) return running;
  if (page.data.phase !== 'ready') page.setData({ phase: 'loading', errorMessage: '' });
  const run = Promise.resolve()
    .then(() => page.fetchList())
    .then(
      () => page.setData({ phase: 'ready', errorMessage: '', refreshFailed: false }),
      (error: unknown) => {
        const errorMessage = messageOf(error, t.networkError);
        // What was on screen stays; the banner says it may be out of date and offers 重试.
        if (page.data.phase === 'ready') page.setData({ refreshFailed: true, errorMessage });
        else page.setData({ phase: 'error', errorMessage });
      },
    )
    .then(() => {
      inFlight.delete(page);
    });
  inFlight.set(page, run);
  return run;
}

/**
 * The behaviour itself, spread into a page's definition (`data: { ...listLoad.data, … }`,
 * `observers: { ...listLoad.observers }`, `methods: { ...listLoad.methods, fetchList() {…} }`)
 * rather than passed as `behaviors: [Behavior(…)]`: WeChat runs both alike, and spread
 * parts keep the page's `this.load()` and `this.data.phase` typed (mobx-miniprogram-bindings'
 * ComponentWithStore types no `behaviors`).
 */
export const listLoad = {
  data: {
    phase: 'idle' as LoadPhase,
    errorMessage: '',
    /** A refresh failed while a list was on screen (network-banner). */
    refreshFailed: false,
  },
  observers: {
    // Pages that need the account bind sessionStore's `loggedIn`: the first load follows the login.
    loggedIn(this: unknown, loggedIn: boolean) {
      const page = this as ListPage;
      if (loggedIn && page.data.phase === 'idle') void loadList(page);
    },
  },
  methods: {
    load(this: unknown): Promise<void> {
      return loadList(this as ListPage);
    },
    onPullDownRefresh(this: unknown) {
      void loadList(this as ListPage).then(() => wx.stopPullDownRefresh());
    },
  },
};
