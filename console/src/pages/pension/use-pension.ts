/** The pension view's state: the overview, retrying a push, one certification's audit trail. */
import { ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { pensionApi, type PensionAudit, type PensionOverview } from '../../api/pension-api';
import { t } from '../../locale/zh-CN';

export function usePension() {
  const overview = ref<PensionOverview>({ interviews: [], pushes: [], decided: [] });
  const loading = ref(false);
  const errorMessage = ref('');
  const retrying = ref('');
  const audit = ref<PensionAudit | null>(null);
  const auditOrderNo = ref('');

  const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      overview.value = await pensionApi.overview();
    } catch (error) {
      errorMessage.value = message(error);
    } finally {
      loading.value = false;
    }
  }

  async function retry(applicationId: string) {
    retrying.value = applicationId;
    try {
      await pensionApi.retry(applicationId);
      toast.success(t.pension.retried);
      await load();
    } catch (error) {
      errorMessage.value = message(error);
    } finally {
      retrying.value = '';
    }
  }

  async function openAudit(applicationId: string, orderNo: string | null) {
    try {
      audit.value = await pensionApi.audit(applicationId);
      auditOrderNo.value = orderNo ?? '';
    } catch (error) {
      errorMessage.value = message(error);
    }
  }

  function closeAudit() {
    audit.value = null;
  }

  return { overview, loading, errorMessage, retrying, audit, auditOrderNo, load, retry, openAudit, closeAudit };
}
