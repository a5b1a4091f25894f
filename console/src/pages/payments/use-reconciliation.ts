/** 对账: what reconciliation found at the mission; supervisors can run it now. */
import { computed, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { formatFen, paymentsApi, type Reconciliation } from '../../api/payments-api';
import { statusLabel } from '../../../../miniprogram/domain/services/application-status';
import { hasRole } from '../../router/roles';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

export function useReconciliation() {
  const data = ref<Reconciliation | null>(null);
  const loading = ref(false);
  const running = ref(false);
  const errorMessage = ref('');
  const canRun = computed(() => hasRole(session.staff?.role, 'supervisor'));

  const payments = computed(() =>
    (data.value?.payments ?? []).map((p) => ({ ...p, amountText: formatFen(p.amountFen, p.currency), applicationStatusLabel: statusLabel(p.applicationStatus), key: p.orderNo })),
  );
  /** Off: only payments that need someone (late notification, refund unknown…); on: every open one. */
  const showAll = ref(false);
  const attentionCount = computed(() => payments.value.filter((p) => p.attention).length);
  const visiblePayments = computed(() => (showAll.value ? payments.value : payments.value.filter((p) => p.attention)));
  const events = computed(() =>
    (data.value?.events ?? []).map((e, index) => ({
      ...e,
      key: `${e.orderNo}-${e.at}-${index}`,
      kindLabel: t.payments.reconciliation.kinds[e.kind] ?? e.kind,
      sourceLabel: t.payments.reconciliation.sources[e.source] ?? e.source,
    })),
  );

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      data.value = await paymentsApi.reconciliation();
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.payments.reconciliation.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  async function run() {
    running.value = true;
    errorMessage.value = '';
    try {
      data.value = await paymentsApi.runReconciliation();
      void toast.success(t.payments.reconciliation.ran);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      running.value = false;
    }
  }

  return { data, payments, visiblePayments, showAll, attentionCount, events, loading, running, errorMessage, canRun, load, run };
}
