import { sessionStore } from './stores/session-store';
import { installPrivacyHandler } from './utils/privacy';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    installPrivacyHandler();
    // Silent login: pages that need the account wait on the store, public pages don't care.
    sessionStore.silentLogin().catch(() => {
      // Offline or server down: stay anonymous; the next authenticated request logs in.
    });
  },
});
