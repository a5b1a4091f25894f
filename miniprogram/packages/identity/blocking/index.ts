import Toast from 'tdesign-miniprogram/toast/index';
import { type BlockingApplication, fetchBlockingApplications, objectToApplication } from '../../../api/blocking-applications';
import { ApiError } from '../../../api/request';
import { localizedData } from '../../../locale/localized-page';
import { fill, t } from '../text';
import { ROUTES } from '../../../routes';
import { formatDate } from '../../../utils/format';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface Row extends BlockingApplication {
  orderNoText: string;
  submittedAtText: string;
}

const toRow = (application: BlockingApplication): Row => ({
  ...application,
  orderNoText: application.orderNo ? fill(t.blocking.orderNo, { orderNo: application.orderNo }) : '',
  submittedAtText: application.submittedAt ? fill(t.blocking.submittedAt, { date: formatDate(application.submittedAt) }) : '',
});

/**
 * 以我名义提交的申请: applications other accounts submitted with my verified ID number (which
 * block my own), each with 提出异议 — a reason in a dialog — and, once objected, that state.
 */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      text: t.blocking,
    }), () => t.blocking.title),
  ],
  data: {
    phase: 'loading' as 'loading' | 'ready' | 'identity_required' | 'failed',
    failure: '',
    applications: [] as Row[],
    dialogVisible: false,
    objectingId: '',
    reason: '',
    sending: false,
    sendError: '',
  },
  pageLifetimes: {
    show() {
      void this.load();
    },
  },
  methods: {
    async load() {
      try {
        const applications = await fetchBlockingApplications();
        this.setData({ phase: 'ready', applications: applications.map(toRow), failure: '' });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'IDENTITY_REQUIRED') this.setData({ phase: 'identity_required' });
        else this.setData({ phase: 'failed', failure: error instanceof ApiError ? error.message : t.serverError });
      }
    },
    openIdentity() {
      wx.navigateTo({ url: ROUTES.identityForm });
    },
    openObjection(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      this.setData({ dialogVisible: true, objectingId: event.currentTarget.dataset.id, reason: '', sendError: '' });
    },
    closeObjection() {
      if (!this.data.sending) this.setData({ dialogVisible: false });
    },
    onReason(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value });
    },
    async sendObjection() {
      if (this.data.sending) return;
      this.setData({ sending: true, sendError: '' });
      try {
        await objectToApplication(this.data.objectingId, this.data.reason);
        this.setData({ sending: false, dialogVisible: false });
        Toast({ context: this, selector: '#t-toast', message: t.blocking.sent, theme: 'success' });
        await this.load();
      } catch (error) {
        // The dialog stays open with the reason kept, and says why.
        this.setData({ sending: false, sendError: error instanceof ApiError ? error.message : t.serverError });
      }
    },
  },
});
