/** CSV import: send the file, show the refused lines or the new batch, keep the history fresh. */
import { onMounted, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { registryApis, type ImportBatch, type ImportOutcome, type RegistryName } from '../../api/legalization-api';
import { ApiError } from '../../api/http';
import { loginRedirect } from '../../router/locations';
import { forgetSession } from '../../stores/session';
import { t } from '../../locale/zh-CN';
import { formatDateTime } from './format';

/** A file's first lines, shown beside the upload button. */
export const CSV_HEADER_EXAMPLE: Record<RegistryName, string> = {
  legalization: '认证号,贴纸号,签署机关,文书类型,认证日期\nLA20250001,ST000001,mfa,学历学位证明,2025-03-01',
  apostille: '附加证明书编号,签发日期,签署人,签署身份,印章所属机关,签发机关\nAP20250001,2025-03-01,李华,副主任,,fao-guangdong',
};

export interface BatchRow extends ImportBatch {
  [key: string]: unknown;
  createdAtText: string;
  fileNameText: string;
}

export function useImport(registry: RegistryName) {
  const api = registryApis[registry];
  const route = useRoute();
  const router = useRouter();
  const uploading = ref(false);
  const outcome = ref<ImportOutcome | null>(null);
  const errorMessage = ref('');
  const batches = ref<BatchRow[]>([]);
  const historyLoading = ref(false);

  async function loadHistory() {
    historyLoading.value = true;
    try {
      batches.value = (await api.imports()).batches.map((batch) => ({
        ...batch,
        createdAtText: formatDateTime(batch.createdAt),
        fileNameText: batch.fileName ?? t.legalization.import.noFileName,
      }));
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      historyLoading.value = false;
    }
  }

  async function importFile(file: File) {
    uploading.value = true;
    outcome.value = null;
    errorMessage.value = '';
    try {
      outcome.value = await api.importCsv(file);
      if (outcome.value.ok) await loadHistory();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forgetSession();
        await router.replace(loginRedirect(route.fullPath));
        return;
      }
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      uploading.value = false;
    }
  }

  onMounted(loadHistory);
  return { uploading, outcome, errorMessage, batches, historyLoading, importFile, loadHistory };
}
