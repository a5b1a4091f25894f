import { sessionStore } from './stores/session-store';
import { refreshUnreadBadge } from './utils/unread-badge';
import { installPrivacyHandler } from './utils/privacy';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    installPrivacyHandler();
    // Silent login: pages that need the account wait on the store, public pages don't care.
    sessionStore
      .silentLogin()
      .then(() => refreshUnreadBadge())
      .catch(() => {
        // Offline or server down: stay anonymous; the next authenticated request logs in.
      });
  },
  onShow() {
    // Back in the foreground: new messages may have arrived (launch waits for the login above).
    if (sessionStore.loggedIn) void refreshUnreadBadge();
  },
});
