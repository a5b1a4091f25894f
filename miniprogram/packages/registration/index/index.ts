import Toast from 'tdesign-miniprogram/toast/index';
import { fill } from '../../../locale/text';
import { localizedData } from '../../../locale/localized-page';
import { ROUTES } from '../../../routes';
import { confirmRegistration, deregister, exportMyRecords, fetchRegistrations } from '../api';
import type { RegistrationSummary } from '../domain/registration';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** A registration as its card shows it: the person, their relation and the status in the reader's language. */
type RegistrationRow = RegistrationSummary & { title: string };

const rowOf = (registration: RegistrationSummary): RegistrationRow => ({
  ...registration,
  title: fill(text.person, { name: registration.name, relation: text.relation[registration.relation] }),
  statusLabel: text.status[registration.status],
});

type Tap = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/** 海外公民登记: my registrations (myself and family), the yearly confirmation, certificate, update, deregister, export. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: { registrations: [] as RegistrationRow[], ready: false, loadError: '' },
  methods: {
    onShow() {
      void this.load();
    },
    async load() {
      try {
        this.setData({ registrations: (await fetchRegistrations()).map(rowOf), ready: true, loadError: '' });
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
        confirmText: text.deregisterYes,
        cancelText: text.deregisterNo,
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
