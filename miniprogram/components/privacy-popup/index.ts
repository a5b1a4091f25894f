import { localizedData } from '../../locale/localized-page';
import { t } from '../../locale/text';
import { AGREE_BUTTON_ID, answerPrivacyRequest, reportPrivacyExposure, watchPrivacyRequests } from '../../utils/privacy';

/** Put <privacy-popup /> on any page whose features may call a privacy-sensitive API. */
Component({
  behaviors: [localizedData(() => ({ text: t.privacy }))],
  data: {
    visible: false,
    agreeButtonId: AGREE_BUTTON_ID,
  },
  lifetimes: {
    attached() {
      this.listen();
    },
    detached() {
      this.stopListening();
    },
  },
  // Tab pages stay alive when hidden; only the page on screen should answer.
  pageLifetimes: {
    show() {
      this.listen();
    },
    hide() {
      this.stopListening();
    },
  },
  methods: {
    listen() {
      if (unsubscribers.has(this)) return;
      unsubscribers.set(
        this,
        watchPrivacyRequests((open) => {
          this.setData({ visible: open });
          if (open) reportPrivacyExposure();
        }),
      );
    },
    stopListening() {
      unsubscribers.get(this)?.();
      unsubscribers.delete(this);
    },
    onAgree() {
      answerPrivacyRequest(true);
    },
    onDisagree() {
      answerPrivacyRequest(false);
    },
    openContract() {
      wx.openPrivacyContract({});
    },
  },
});

const unsubscribers = new WeakMap<object, () => void>();
