import { fetchApplication } from '../../../api/applications';
import { ApiError } from '../../../api/request';
import { interviewReasonLabels } from '../domain/services/engine';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../text';
import { ROUTES } from '../../../routes';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** 申请已提交: the order number to quote, the status, and what happens next. */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      text: t.apply,
      result: t.apply.result,
      loadingText: t.loading,
    }), () => t.apply.result.pageTitle),
  ],
  data: {
    loading: true,
    errorMessage: '',
    id: '',
    serviceTitle: '',
    orderNo: '',
    statusLabel: '',
    interview: [] as string[],
    mailOldPassport: false,
    awaitingPayment: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    async load() {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const detail = await fetchApplication(this.data.id);
        this.setData({
          loading: false,
          serviceTitle: detail.serviceTitle,
          orderNo: detail.orderNo ?? '',
          statusLabel: detail.statusLabel,
          interview: detail.interviewReasons.map((reason) => interviewReasonLabels[reason] ?? reason),
          mailOldPassport: detail.answers.materialsSubmission === 'mail_old_passport',
          awaitingPayment: detail.status === 'awaiting_payment',
        });
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : t.apply.loadFailed });
      }
    },
    goPay() {
      wx.navigateTo({ url: `${ROUTES.pay}?id=${encodeURIComponent(this.data.id)}` });
    },
    goOrders() {
      wx.switchTab({ url: ROUTES.orders });
    },
    goHome() {
      wx.switchTab({ url: ROUTES.home });
    },
  },
});
