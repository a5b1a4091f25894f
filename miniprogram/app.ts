import { reaction } from 'mobx-miniprogram';
import { elderModeStore } from './stores/elder-mode-store';
import { sessionStore } from './stores/session-store';
import { refreshUnreadBadge } from './utils/unread-badge';
import { installPrivacyHandler } from './utils/privacy';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    installPrivacyHandler();
    // 长辈模式 follows the account on this device (or the font setting): before login the
    // device's choice, then the account's once it is known.
    reaction(() => sessionStore.profile?.id ?? null, (accountId) => elderModeStore.restore(accountId), { fireImmediately: true });
    // Silent login: pages that need the account wait on the store, public pages don't care.
    sessionStore
      .silentLogin()
      // After the pages' bindings have the profile (queued on the same nextTick before
      // this): the badge is not what the citizen waits for on the first screen.
      .then(() => wx.nextTick(() => void refreshUnreadBadge()))
      .catch(() => {
        // Offline or server down: stay anonymous; the next authenticated request logs in.
      });
  },
  onShow() {
    // Back in the foreground: new messages may have arrived (launch waits for the login above).
    if (sessionStore.loggedIn) void refreshUnreadBadge();
  },
});
