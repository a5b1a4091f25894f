import { dialable, HOTLINE } from '../../../domain/hotline';
import { answerAlert, fetchAlert } from '../api';
import type { AlertAnswer, RegistrationAlertView } from '../domain/registration';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { registrationMessages, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** 我平安 / 需要帮助: opened from the alert's 消息中心 message or subscription message, one answer per registered person. */
Component({
  behaviors: [
    elderModeBehavior,
    // The alert's level in the reader's words (the server's levelZh is 简体, for staff).
    localizedData(() => ({ text: { ...text }, helpSent: registrationMessages.helpShownToCitizen, levels: { ...t.alertBanner.levels } }), () => text.alertTitle),
  ],
  data: {
    alertId: '',
    view: null as RegistrationAlertView | null,
    loadError: '',
    helpAsked: false,
    busy: false,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ alertId: query.alertId ?? '' });
      try {
        const view = await fetchAlert(query.alertId ?? '');
        this.setData({ view, helpAsked: view.people.some((p) => p.answer === 'help') });
      } catch (error) {
        this.setData({ loadError: (error as Error).message || text.loadFailed });
      }
    },
    async answer(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string; answer: AlertAnswer }>) {
      if (this.data.busy) return;
      const { id, answer } = event.currentTarget.dataset;
      this.setData({ busy: true });
      try {
        const view = await answerAlert(this.data.alertId, id, answer);
        this.setData({ view, busy: false, helpAsked: view.people.some((p) => p.answer === 'help') });
      } catch (error) {
        this.setData({ busy: false, loadError: (error as Error).message || text.loadFailed });
      }
    },
    call12308() {
      wx.makePhoneCall({ phoneNumber: dialable(HOTLINE.primary) });
    },
  },
});
