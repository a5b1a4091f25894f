import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { type CountdownLine, pensionCountdown } from '../../api/pension';
import type { VerifiedIdentity } from '../../domain/api-types';
import { fill, t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { sessionStore } from '../../stores/session-store';
import { formatDate } from '../../utils/format';


/** 我的: account, verified identity (masked), chosen mission, privacy guide. */
ComponentWithStore({
  data: {
    text: t.me,
    verifiedAtText: '',
    countdown: [] as CountdownLine[],
  },
  storeBindings: {
    store: sessionStore,
    fields: ['loggedIn', 'status', 'identity', 'missionName'],
    actions: {},
  },
  observers: {
    identity(identity: VerifiedIdentity | null) {
      this.setData({ verifiedAtText: identity ? fill(t.me.verifiedAt, { date: formatDate(identity.verifiedAt) }) : '' });
    },
  },
  pageLifetimes: {
    show() {
      if (!sessionStore.loggedIn) return;
      pensionCountdown()
        .then((countdown) => this.setData({ countdown }))
        .catch(() => undefined);
    },
  },
  methods: {
    openPension() {
      wx.navigateTo({ url: ROUTES.pensionHome });
    },
    async login() {
      try {
        await sessionStore.login();
      } catch {
        Toast({ context: this, selector: '#t-toast', message: t.loginFailed });
      }
    },
    async logout() {
      await sessionStore.logout().catch(() => undefined);
    },
    openIdentity() {
      wx.navigateTo({ url: ROUTES.identityForm });
    },
    openBlockingApplications() {
      wx.navigateTo({ url: ROUTES.blockingApplications });
    },
    openMissionPicker() {
      wx.navigateTo({ url: ROUTES.missionPicker });
    },
    openRegistration() {
      wx.navigateTo({ url: ROUTES.registration });
    },
    openPrivacyContract() {
      wx.openPrivacyContract({});
    },
  },
});
