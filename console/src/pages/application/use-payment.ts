/** The payments panel of one application: its payment and refunds; 登记到馆缴费 and 退款. */
import { computed, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { formatFen, parseYuan, paymentsApi, type StaffPayment, yuanText } from '../../api/payments-api';
import { hasRole } from '../../router/roles';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

export function usePayment(applicationId: () => string, onChanged: () => void) {
  const payment = ref<StaffPayment | null>(null);
  /** The order has nothing to pay (no payment record). */
  const none = ref(false);
  const loading = ref(false);
  const errorMessage = ref('');
  const dialog = reactive({ visible: false, kind: 'markPaid' as 'markPaid' | 'refund', receiptNo: '', amount: '', reason: '', error: '', busy: false });

  const isSupervisor = computed(() => hasRole(session.staff?.role, 'supervisor'));
  const money = (fen: number) => formatFen(fen, payment.value?.currency ?? 'CNY');
  const canMarkPaid = computed(() => payment.value?.status === 'pending');
  /** Offered only where a refund can be: paid, refundable service (never an emergency travel certificate), something left. */
  const canRefund = computed(() => {
    const p = payment.value;
    return Boolean(p && isSupervisor.value && p.refundable && p.state === 'paid' && p.refundableFen > 0);
  });

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      payment.value = await paymentsApi.payment(applicationId());
      none.value = false;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_PAYMENT') {
        payment.value = null;
        none.value = true;
      } else {
        errorMessage.value = error instanceof ApiError ? error.message : t.payments.panel.loadFailed;
      }
    } finally {
      loading.value = false;
    }
  }

  function open(kind: 'markPaid' | 'refund') {
    Object.assign(dialog, {
      visible: true,
      kind,
      receiptNo: '',
      amount: kind === 'refund' && payment.value ? yuanText(payment.value.refundableFen) : '',
      reason: '',
      error: '',
      busy: false,
    });
  }

  /** Hides the dialog; its kind stays, so the title does not change while it fades out. */
  function close() {
    dialog.visible = false;
  }

  async function confirm() {
    const p = t.payments.panel;
    let call: () => Promise<unknown>;
    let done: string;
    if (dialog.kind === 'markPaid') {
      const receiptNo = dialog.receiptNo.trim();
      if (!receiptNo) return void (dialog.error = p.receiptNoRequired);
      call = () => paymentsApi.markPaid(applicationId(), receiptNo);
      done = p.markedPaid;
    } else {
      const amountFen = parseYuan(dialog.amount);
      if (amountFen === null || amountFen <= 0) return void (dialog.error = p.refundAmountInvalid);
      const reason = dialog.reason.trim();
      if (!reason) return void (dialog.error = p.refundReasonRequired);
      call = () => paymentsApi.refund(applicationId(), amountFen, reason);
      done = p.refunded_;
    }
    dialog.busy = true;
    dialog.error = '';
    try {
      await call();
      close();
      void toast.success(done);
      await load();
      onChanged();
    } catch (error) {
      // The server's word (too much, not paid, emergency: no refunds, …) is shown as it is.
      const fields = error instanceof ApiError ? error.fields : undefined;
      dialog.error = fields ? Object.values(fields).join('；') : error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      dialog.busy = false;
    }
  }

  return { payment, none, loading, errorMessage, dialog, canMarkPaid, canRefund, money, load, open, close, confirm };
}
