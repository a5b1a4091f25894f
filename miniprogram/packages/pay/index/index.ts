import { fetchApplication } from '../../../api/applications';
import { ApiError } from '../../../api/request';
import { devPayConfirmEnabled } from '../../../config';
import { ROUTES } from '../../../routes';
import { devConfirmPayment, fetchFee, requestPayment, startPayment } from '../api';
import { FEE_OPTION_LABELS, formatFen, type PaymentState } from '../domain/services/payment-api-types';
import { fill, formatTime } from '../format';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/**
 * 支付: what the order costs and what that covers, then 去支付 → wx.requestPayment → the
 * result page (支付确认中 until the server has WeChat's notification). A cancelled or failed
 * payment leaves the order payable here; the button is disabled while a payment is in
 * flight, and the server refuses a second payment (409 ALREADY_PAID → the result page).
 * 到馆缴费 orders get the counter instructions instead of a button.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    loading: true,
    errorMessage: '',
    id: '',
    serviceTitle: '',
    orderNo: '',
    amountText: '',
    items: [] as Array<{ code: string; label: string; amountText: string }>,
    covers: [] as string[],
    state: '' as PaymentState | '',
    stateLabel: '',
    payable: false,
    expiresText: '',
    paying: false,
    notice: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    async load() {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const [detail, fee] = await Promise.all([fetchApplication(this.data.id), fetchFee(this.data.id)]);
        const payment = detail.payment;
        if (!payment) throw new ApiError(409, 'NOT_PAYABLE', text.notRequired);
        const covers = fee.items.map((item) => fill(text.coversItem, { label: item.label, option: FEE_OPTION_LABELS[item.option] }));
        if (fee.fixed) covers.push(text.coversFixed);
        covers.push(fee.refundNote ?? (fee.refundable ? text.refundable : ''));
        this.setData({
          loading: false,
          serviceTitle: detail.serviceTitle,
          orderNo: detail.orderNo ?? payment.orderNo,
          amountText: formatFen(payment.amountFen, payment.currency),
          items: payment.items.map((item) => ({ code: item.code, label: item.label, amountText: formatFen(item.amountFen, payment.currency) })),
          covers: covers.filter(Boolean),
          state: payment.state,
          stateLabel: payment.stateLabel,
          payable: payment.state === 'unpaid' && detail.status === 'awaiting_payment',
          expiresText: payment.state === 'unpaid' && payment.expiresAt ? fill(text.expiresAt, { time: formatTime(payment.expiresAt) }) : '',
        });
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    async pay() {
      // One payment at a time: the button is disabled meanwhile, and this guards a double tap.
      if (this.data.paying || !this.data.payable) return;
      const id = this.data.id;
      this.setData({ paying: true, notice: '' });
      try {
        const { requestPayment: params } = await startPayment(id);
        const outcome = await requestPayment(params);
        if (outcome.ok) return this.toResult();
        if (outcome.cancelled) return void this.setData({ paying: false, notice: text.cancelled });
        // DevTools cannot pay a sandbox prepay id: let the sandbox pay (development only).
        if (devPayConfirmEnabled()) {
          try {
            await devConfirmPayment(id);
            return this.toResult();
          } catch {
            // No sandbox behind this server: a failed payment like any other.
          }
        }
        this.setData({ paying: false, notice: text.failed });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'ALREADY_PAID') return this.toResult();
        this.setData({ paying: false, notice: error instanceof ApiError ? error.message : text.failed });
        // The order may have changed (closed, paid at the counter): show what it is now.
        if (error instanceof ApiError && error.status === 409) await this.load();
      }
    },
    toResult() {
      wx.redirectTo({ url: `${ROUTES.payResult}?id=${encodeURIComponent(this.data.id)}` });
    },
  },
});
