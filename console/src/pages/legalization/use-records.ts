/** Looking records up (by number, authority or import batch) and revoking one with a reason. */
import { ref } from 'vue';
import { toast } from '../../components/toast';
import { legalizationApi, type LegalizationRecord } from '../../api/legalization-api';
import { ApiError } from '../../api/http';
import { documentTypeLabels } from '../../../../miniprogram/domain/legalization';
import { t } from '../../locale/zh-CN';

export interface RecordRow extends LegalizationRecord {
  [key: string]: unknown;
  documentTypeText: string;
}

const toRow = (record: LegalizationRecord): RecordRow => ({ ...record, documentTypeText: documentTypeLabels[record.documentType] ?? record.documentType });

export function useRecords() {
  const legalizationNo = ref('');
  const authorityId = ref('');
  const batch = ref<{ id: string; fileName: string } | null>(null);
  const records = ref<RecordRow[]>([]);
  const searched = ref(false);
  const loading = ref(false);
  const errorMessage = ref('');

  const revoking = ref<RecordRow | null>(null);
  const reason = ref('');
  const reasonError = ref('');
  const revokeBusy = ref(false);

  async function search() {
    errorMessage.value = '';
    if (!legalizationNo.value.trim() && !batch.value) {
      errorMessage.value = t.legalization.records.searchRequired;
      return;
    }
    loading.value = true;
    try {
      const { records: found } = await legalizationApi.records({
        legalizationNo: legalizationNo.value.trim() || undefined,
        authorityId: authorityId.value || undefined,
        batchId: batch.value?.id,
      });
      records.value = found.map(toRow);
      searched.value = true;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      loading.value = false;
    }
  }

  function showBatch(id: string, fileName: string) {
    batch.value = { id, fileName };
    legalizationNo.value = '';
    void search();
  }

  function clearBatch() {
    batch.value = null;
    records.value = [];
    searched.value = false;
  }

  function startRevoke(row: RecordRow) {
    revoking.value = row;
    reason.value = '';
    reasonError.value = '';
  }

  async function confirmRevoke() {
    const row = revoking.value;
    if (!row) return;
    if (!reason.value.trim()) {
      reasonError.value = t.legalization.records.reason;
      return;
    }
    revokeBusy.value = true;
    try {
      const updated = toRow(await legalizationApi.revoke(row.id, reason.value.trim()));
      records.value = records.value.map((r) => (r.id === updated.id ? updated : r));
      revoking.value = null;
      void toast.success(t.legalization.records.revoked);
    } catch (error) {
      reasonError.value = error instanceof ApiError ? (error.fields?.reason ?? error.message) : t.errors.unexpected;
    } finally {
      revokeBusy.value = false;
    }
  }

  return {
    legalizationNo,
    authorityId,
    batch,
    records,
    searched,
    loading,
    errorMessage,
    search,
    showBatch,
    clearBatch,
    revoking,
    reason,
    reasonError,
    revokeBusy,
    startRevoke,
    confirmRevoke,
  };
}
