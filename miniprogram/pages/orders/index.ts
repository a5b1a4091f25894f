import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { t } from '../../locale/zh-CN';
import { sessionStore } from '../../stores/session-store';

/** 我的订单. Orders arrive with the first service; for now an empty list (or a login prompt). */
ComponentWithStore({
  data: {
    text: t.orders,
  },
  storeBindings: {
    store: sessionStore,
    fields: ['loggedIn', 'status'],
    actions: {},
  },
  methods: {
    async login() {
      try {
        await sessionStore.login();
      } catch {
        Toast({ context: this, selector: '#t-toast', message: t.loginFailed });
      }
    },
  },
});
