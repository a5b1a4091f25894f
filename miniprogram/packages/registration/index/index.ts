import Toast from 'tdesign-miniprogram/toast/index';
import { ROUTES } from '../../../routes';
import { confirmRegistration, deregister, exportMyRecords, fetchRegistrations } from '../api';
import { relationLabels, type RegistrationSummary } from '../domain/registration';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

type Tap = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/** 海外公民登记: my registrations (myself and family), the yearly confirmation, certificate, update, deregister, export. */
Component({
  behaviors: [elderModeBehavior],
  data: { text, relationLabels, registrations: [] as RegistrationSummary[], ready: false, loadError: '' },
  methods: {
    onShow() {
      void this.load();
    },
    async load() {
      try {
        this.setData({ registrations: await fetchRegistrations(), ready: true, loadError: '' });
      } catch (error) {
        this.setData({ ready: true, loadError: (error as Error).message || text.loadFailed });
      }
    },
    add() {
      wx.navigateTo({ url: ROUTES.registrationForm });
    },
    openUpdate(event: Tap) {
      wx.navigateTo({ url: `${ROUTES.registrationForm}?id=${encodeURIComponent(event.currentTarget.dataset.id)}` });
    },
    openCertificate(event: Tap) {
      wx.navigateTo({ url: `${ROUTES.registrationCertificate}?id=${encodeURIComponent(event.currentTarget.dataset.id)}` });
    },
    async confirm(event: Tap) {
      await confirmRegistration(event.currentTarget.dataset.id);
      await this.load();
    },
    deregister(event: Tap) {
      const id = event.currentTarget.dataset.id;
      wx.showModal({
        content: text.deregisterConfirm,
        success: async (result) => {
          if (!result.confirm) return;
          await deregister(id);
          await this.load();
        },
      });
    },
    async exportRecords() {
      const records = await exportMyRecords();
      wx.setClipboardData({ data: JSON.stringify(records, null, 2), success: () => Toast({ context: this, selector: '#t-toast', message: text.exported }) });
    },
  },
});
