import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { type CountdownLine, pensionCountdown } from '../../api/pension';
import type { VerifiedIdentity } from '../../domain/api-types';
import { chooseLocale, currentLocale, LANGUAGE_NAMES, localeChoice, LOCALES, type LocaleChoice } from '../../locale/language';
import { localizedPage, localizeTabBar, relocalizeNow } from '../../locale/localized-page';
import { fill, t } from '../../locale/text';
import { ROUTES } from '../../routes';
import { elderModeStore } from '../../stores/elder-mode-store';
import { sessionStore } from '../../stores/session-store';
import { formatDate } from '../../utils/format';


/** 我的 → 语言: the choices in the order the action sheet lists them. */
const LANGUAGE_CHOICES: readonly LocaleChoice[] = ['system', ...LOCALES];

/** The switch's note: the chosen language, or "follow the phone (its language)". */
function languageNote(): string {
  const choice = localeChoice();
  return choice === 'system' ? `${t.language.system}（${LANGUAGE_NAMES[currentLocale()]}）` : LANGUAGE_NAMES[choice];
}

function verifiedAtText(identity: VerifiedIdentity | null): string {
  return identity ? fill(t.me.verifiedAt, { date: formatDate(identity.verifiedAt) }) : '';
}

/** 我的: account, verified identity (masked), chosen mission, language, privacy guide. */
ComponentWithStore({
  ...localizedPage(
    () => ({ text: t.me, languageTitle: t.language.title, languageNote: languageNote(), verifiedAtText: verifiedAtText(sessionStore.identity) }),
    () => t.me.title,
  ),
  data: {
    countdown: [] as CountdownLine[],
  },
  storeBindings: [
    {
      store: sessionStore,
      fields: ['loggedIn', 'status', 'identity', 'missionName'],
      actions: {},
    },
    // Every page's root class (长辈模式), as behaviors/elder-mode.ts gives plain Component pages.
    { store: elderModeStore, fields: ['pageClass'], actions: {} },
  ],
  observers: {
    identity(identity: VerifiedIdentity | null) {
      this.setData({ verifiedAtText: verifiedAtText(identity) });
    },
  },
  pageLifetimes: {
    show() {
      localizeTabBar();
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
    /** 语言: follow the phone or one of the three; remembered on this device, applied at once. */
    chooseLanguage() {
      wx.showActionSheet({
        itemList: LANGUAGE_CHOICES.map((choice) => (choice === 'system' ? t.language.system : LANGUAGE_NAMES[choice])),
        success: ({ tapIndex }) => {
          const choice = LANGUAGE_CHOICES[tapIndex];
          if (!choice) return;
          chooseLocale(choice);
          localizeTabBar();
          relocalizeNow(this);
          // Same language as before (e.g. "follow the phone" on a 简体 phone): the note still changes.
          this.setData({ languageNote: languageNote() });
        },
      });
    },
    openDocuments() {
      wx.navigateTo({ url: ROUTES.documents });
    },
    openPrivacyContract() {
      wx.openPrivacyContract({});
    },
  },
});
