/** 费用设置: the mission's fee table; supervisors and admins edit one amount at a time. */
import { computed, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { formatFen, parseYuan, paymentsApi, type StaffFee, yuanText } from '../../api/payments-api';
import { hasRole } from '../../router/roles';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

export const feeKey = (fee: Pick<StaffFee, 'code' | 'option'>) => `${fee.code}:${fee.option}`;

export function useFees() {
  const fees = ref<Array<StaffFee & { key: string; amountText: string }>>([]);
  const loading = ref(false);
  const errorMessage = ref('');
  const canEdit = computed(() => hasRole(session.staff?.role, 'supervisor'));
  const edit = reactive({ key: '', value: '', error: '', busy: false });

  const show = (rows: StaffFee[]) => {
    fees.value = rows.map((fee) => ({ ...fee, key: feeKey(fee), amountText: formatFen(fee.amountFen, fee.currency) }));
  };

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      show((await paymentsApi.fees()).fees);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.payments.fees.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  function startEdit(fee: StaffFee) {
    Object.assign(edit, { key: feeKey(fee), value: yuanText(fee.amountFen), error: '', busy: false });
  }

  function cancelEdit() {
    edit.key = '';
  }

  async function save(fee: StaffFee) {
    const amountFen = parseYuan(edit.value);
    if (amountFen === null) return void (edit.error = t.payments.fees.invalidAmount);
    edit.busy = true;
    edit.error = '';
    try {
      show((await paymentsApi.saveFees([{ code: fee.code, option: fee.option, amountFen, currency: fee.currency }])).fees);
      edit.key = '';
      void toast.success(t.payments.fees.saved);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : undefined;
      edit.error = fields ? Object.values(fields).join('；') : error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      edit.busy = false;
    }
  }

  return { fees, loading, errorMessage, canEdit, edit, load, startEdit, cancelEdit, save };
}
