import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { dialable, HOTLINE } from '../../domain/hotline';
import { findService, SERVICES } from '../../domain/service-grid';
import { fill, t } from '../../locale/zh-CN';
import { ROUTES } from '../../routes';
import { sessionStore } from '../../stores/session-store';


/** 首页: the service grid, the citizen's mission, and the 12308 hotline. Public and indexable. */
ComponentWithStore({
  data: {
    text: t.home,
    hotline: {
      ...t.hotline,
      content: fill(t.hotline.content, { primary: HOTLINE.primary, backup: HOTLINE.backup }),
    },
    services: SERVICES.map(({ id, nameZh, icon }) => ({ id, nameZh, icon })),
    hotlineVisible: false,
  },
  storeBindings: {
    store: sessionStore,
    fields: ['mission'],
    actions: {},
  },
  methods: {
    onServiceTap(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const service = findService(event.currentTarget.dataset.id);
      if (!service) return;
      switch (service.entry.kind) {
        case 'page':
          wx.navigateTo({ url: service.entry.path });
          break;
        case 'hotline':
          this.setData({ hotlineVisible: true });
          break;
        default:
          Toast({ context: this, selector: '#t-toast', message: t.comingSoon });
      }
    },
    callHotline() {
      this.setData({ hotlineVisible: false });
      wx.makePhoneCall({ phoneNumber: dialable(HOTLINE.primary) });
    },
    closeHotline() {
      this.setData({ hotlineVisible: false });
    },
    chooseMission() {
      wx.navigateTo({ url: ROUTES.missionPicker });
    },
    onShareAppMessage() {
      return { title: t.home.shareTitle, path: ROUTES.home };
    },
  },
});
