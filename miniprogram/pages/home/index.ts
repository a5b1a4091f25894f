import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { sharedAlerts } from '../../api/info';
import { messageOf } from '../../behaviors/list-load';
import { searchQueryOf } from '../../components/home-search/search-index';
import { type CountdownLine, pensionCountdown } from '../../api/pension';
import { mostSevereAlert } from '../../domain/alert-levels';
import type { TravelAlert } from '../../domain/info-api-types';
import { dialable, HOTLINE } from '../../domain/hotline';
import { ELDER_HOME_SERVICE_IDS, findService, serviceName, SERVICES } from '../../domain/service-grid';
import { currentLocale } from '../../locale/language';
import { localizedPage, localizeTabBar } from '../../locale/localized-page';
import { fill, t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { ordersStore } from '../../stores/orders-store';
import { elderModeStore } from '../../stores/elder-mode-store';
import { sessionStore, type MissionCard } from '../../stores/session-store';
import { actOnOrderRow, type OrderRow } from '../../utils/order-rows';
import { changedData } from '../../utils/set-data';


/** 首页: the search, the service grid, the citizen's mission, and the 12308 hotline. Public and indexable. */
ComponentWithStore({
  ...localizedPage(
    () => ({
      text: t.home,
      hotline: {
        ...t.hotline,
        content: fill(t.hotline.content, { primary: HOTLINE.primary, backup: HOTLINE.backup }),
      },
      services: SERVICES.map((service) => ({ id: service.id, name: serviceName(service, currentLocale(), t.home.tiles), icon: service.icon })),
      elderServices: ELDER_HOME_SERVICE_IDS.map(findService)
        .filter((service) => service !== undefined)
        .map((service) => ({ id: service.id, name: serviceName(service, currentLocale(), t.home.tiles), icon: service.icon })),
    }),
    () => t.home.title,
  ),
  data: {
    /** The most severe travel alert in force for the mission's country (alert-banner). */
    alert: null as TravelAlert | null,
    /** 养老金资格认证: "距下次认证截止还有 N 天" per certified person (logged-in citizens). */
    countdown: [] as CountdownLine[],
    /** The citizen's orders could not be refreshed (network-banner offers 重试). */
    refreshFailed: false,
    networkMessage: '',
    /** What the search starts with when WeChat search or a link opened the page with ?q= or ?elder=1. */
    searchQuery: '',
  },
  storeBindings: [
    {
      store: sessionStore,
      // Only what the page renders of the mission (not its districts): see SessionStore.missionCard.
      fields: { mission: 'missionCard', loggedIn: 'loggedIn' },
      actions: {},
    },
    // 长辈版: a simpler home (large tiles, 12308 always in view).
    { store: elderModeStore, fields: { elder: 'enabled', pageClass: 'pageClass' }, actions: {} },
    // 需要您处理: the orders waiting for the citizen, from the list 我的订单 shows (one store).
    { store: ordersStore, fields: ['todoRows'], actions: {} },
  ],
  observers: {
    mission(mission: MissionCard | null) {
      void this.loadAlert(mission);
    },
    loggedIn(loggedIn: boolean) {
      if (loggedIn) this.loadOrders();
    },
  },
  pageLifetimes: {
    show() {
      localizeTabBar();
      // 需要您处理 in the language chosen in 我的 meanwhile, before (and whether or not) the refresh lands.
      ordersStore.relocalize();
      void this.loadAlert(sessionStore.mission);
      this.loadCountdown();
      this.loadOrders();
    },
  },
  methods: {
    /** Opened from WeChat search or a shared link: `?q=长辈版` fills the search, `?elder=1` finds the switch. */
    onLoad(query: Record<string, string | undefined>) {
      const searchQuery = searchQueryOf(query);
      if (searchQuery) this.setData({ searchQuery });
    },
    /** Best effort: without a network the home page simply shows no banner. */
    async loadAlert(mission: MissionCard | null) {
      const country = mission?.countryCode;
      if (!country) {
        if (this.data.alert) this.setData({ alert: null });
        return;
      }
      try {
        const alert = mostSevereAlert(await sharedAlerts(country));
        // The citizen may have switched missions while this was on its way.
        const patch = sessionStore.mission?.countryCode === country ? changedData(this.data, { alert }) : null;
        if (patch) this.setData(patch);
      } catch {
        // Keep whatever was shown.
      }
    },
    /** Best effort, like the banner: offline or logged out, no card. */
    loadCountdown() {
      if (!sessionStore.loggedIn) return;
      pensionCountdown()
        .then((countdown) => this.setData({ countdown }))
        .catch(() => undefined);
    },
    /** Logged-in citizens: what waits for them. A failure shows the network banner, not nothing. */
    loadOrders() {
      if (!sessionStore.loggedIn) return;
      ordersStore.refresh().then(
        () => {
          if (this.data.refreshFailed) this.setData({ refreshFailed: false });
        },
        (error: unknown) => this.setData({ refreshFailed: true, networkMessage: messageOf(error, t.networkError) }),
      );
    },
    /** The banner's 重试: everything this page loads. */
    retry() {
      void this.loadAlert(sessionStore.mission);
      this.loadCountdown();
      this.loadOrders();
    },
    openTodo(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const row = (this.data.todoRows as OrderRow[]).find((r) => r.id === event.currentTarget.dataset.id);
      if (row) actOnOrderRow(row);
    },
    openPension() {
      wx.navigateTo({ url: ROUTES.pensionHome });
    },
    onServiceTap(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      this.openService(event.currentTarget.dataset.id);
    },
    /** A service's search result does what its tile does. */
    onSearchService(event: WechatMiniprogram.CustomEvent<{ id: string }>) {
      this.openService(event.detail.id);
    },
    openService(id: string) {
      const service = findService(id);
      if (!service) return;
      switch (service.entry.kind) {
        case 'page':
          wx.navigateTo({ url: service.entry.path });
          break;
        case 'hotline':
          this.openHotline();
          break;
        default:
          Toast({ context: this, selector: '#t-toast', message: t.comingSoon });
      }
    },
    /**
     * Ask before dialling, with the backup number in the question. WeChat's own modal rather
     * than t-dialog: it follows the phone's font size and keeps ~9 KB of TDesign out of the
     * main package that every launch downloads.
     */
    openHotline() {
      const hotline = t.hotline;
      wx.showModal({
        title: hotline.title,
        content: fill(hotline.content, { primary: HOTLINE.primary, backup: HOTLINE.backup }),
        confirmText: hotline.confirm,
        cancelText: hotline.cancel,
        confirmColor: '#c7000b',
        success: (result) => {
          if (result.confirm) wx.makePhoneCall({ phoneNumber: dialable(HOTLINE.primary) });
        },
      });
    },
    /** The empty search's 查看全部服务: the grid, in view. */
    showAllServices() {
      wx.pageScrollTo({ selector: '.section-title--services', duration: 300 });
    },
    chooseMission() {
      wx.navigateTo({ url: ROUTES.missionPicker });
    },
    onShareAppMessage() {
      return { title: t.home.shareTitle, path: ROUTES.home };
    },
  },
});
