import { fetchApplication } from '../../../api/applications';
import { ApiError } from '../../../api/request';
import { ROUTES } from '../../../routes';
import { ordersStore } from '../../../stores/orders-store';
import { fetchPayment } from '../api';
import { formatFen, type PaymentView } from '../domain/services/payment-api-types';
import { formatTime } from '../format';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/**
 * After wx.requestPayment: "支付确认中" while the server has not had WeChat's notification
 * yet — polling GET /api/applications/:id/payment with backoff — then the paid order
 * (已支付, and the order's status: 待审核). Only the server's word counts: requestPayment's
 * own success callback never marks anything paid.
 */

/** Backoff: the first look at once, then 1 s growing ×1.5 up to 5 s; "slow" after ~1 minute. */
const POLL_FIRST_DELAY_MS = 1000;
const POLL_MAX_DELAY_MS = 5000;
const POLL_GIVE_UP_MS = 60_000;

type Phase = 'confirming' | 'slow' | 'paid' | 'closed' | 'error';

Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }))],
  data: {
    id: '',
    phase: 'confirming' as Phase,
    errorMessage: '',
    amountText: '',
    orderNo: '',
    serviceTitle: '',
    statusLabel: '',
    stateLabel: '',
    paidAt: '',
    paidVia: '',
    receiptNo: '',
  },
  lifetimes: {
    detached() {
      this.stopPolling();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      this.startPolling();
    },
    onUnload() {
      this.stopPolling();
    },
    startPolling() {
      this.stopPolling();
      const self = this as unknown as { pollRun: number; pollTimer: number | null };
      const run = (self.pollRun ?? 0) + 1;
      self.pollRun = run;
      const started = Date.now();
      this.setData({ phase: 'confirming', errorMessage: '' });
      const tick = async (delay: number) => {
        if (self.pollRun !== run) return;
        let payment: PaymentView | null = null;
        try {
          payment = await fetchPayment(this.data.id);
        } catch (error) {
          // A client error will not get better by asking again; a network blip may.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
            if (self.pollRun === run) this.setData({ phase: 'error', errorMessage: error.message });
            return;
          }
        }
        if (self.pollRun !== run) return;
        if (payment?.state === 'paid') return this.showPaid(payment);
        if (payment?.state === 'closed') return void this.setData({ phase: 'closed', stateLabel: payment.stateLabel });
        if (Date.now() - started >= POLL_GIVE_UP_MS) return void this.setData({ phase: 'slow' });
        self.pollTimer = setTimeout(() => void tick(Math.min(delay * 1.5, POLL_MAX_DELAY_MS)), delay) as unknown as number;
      };
      void tick(POLL_FIRST_DELAY_MS);
    },
    stopPolling() {
      const self = this as unknown as { pollRun: number; pollTimer: number | null };
      self.pollRun = (self.pollRun ?? 0) + 1;
      if (self.pollTimer) clearTimeout(self.pollTimer);
      self.pollTimer = null;
    },
    async showPaid(payment: PaymentView) {
      this.setData({
        amountText: formatFen(payment.amountFen, payment.currency),
        orderNo: payment.orderNo,
        stateLabel: payment.stateLabel,
        paidAt: formatTime(payment.paidAt),
        paidVia: payment.paidVia ? text.paidVia[payment.paidVia] : '',
        receiptNo: payment.receiptNo ?? '',
      });
      try {
        // The order moved on with the notification (待支付 → 待审核).
        const detail = await fetchApplication(this.data.id);
        // 我的订单 and home's 需要您处理 show it paid at once, without reloading.
        ordersStore.updateOrder(detail);
        this.setData({ phase: 'paid', serviceTitle: detail.serviceTitle, statusLabel: detail.statusLabel, orderNo: detail.orderNo ?? payment.orderNo });
      } catch {
        this.setData({ phase: 'paid' });
      }
    },
    refresh() {
      this.startPolling();
    },
    goOrder() {
      wx.redirectTo({ url: `${ROUTES.orderDetail}?id=${encodeURIComponent(this.data.id)}` });
    },
    goOrders() {
      wx.switchTab({ url: ROUTES.orders });
    },
    goHome() {
      wx.switchTab({ url: ROUTES.home });
    },
  },
});
