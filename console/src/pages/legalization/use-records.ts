/** Looking records up (by number, authority or import batch) and revoking one with a reason. */
import { ref } from 'vue';
import { toast } from '../../components/toast';
import { registryApis, type ApostilleRecord, type LegalizationRecord, type RegistryName } from '../../api/legalization-api';
import { ApiError } from '../../api/http';
import { documentTypeLabels } from '../../../../miniprogram/domain/legalization';
import { t } from '../../locale/zh-CN';

/** A record of either registry as the table shows it: the number it is known by, its status, and its own columns. */
export interface RecordRow {
  [key: string]: unknown;
  id: string;
  numberText: string;
  status: 'genuine' | 'revoked';
  revokedReason: string | null;
}

const toRow: Record<RegistryName, (record: never) => RecordRow> = {
  legalization: (record: LegalizationRecord) => ({
    ...record,
    numberText: record.legalizationNo,
    documentTypeText: documentTypeLabels[record.documentType] ?? record.documentType,
  }),
  apostille: (record: ApostilleRecord) => ({
    ...record,
    numberText: record.apostilleNo,
    // Signed documents name the signer and capacity; unsigned ones the seal's authority.
    signedByText: record.signerName ? `${record.signerName}（${record.signerCapacity}）` : t.legalization.apostille.sealOf(record.sealOf ?? ''),
  }),
};

export function useRecords(registry: RegistryName) {
  const api = registryApis[registry];
  const rowOf = toRow[registry] as (record: LegalizationRecord | ApostilleRecord) => RecordRow;
  const number = ref('');
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
    if (!number.value.trim() && !batch.value) {
      errorMessage.value = registry === 'apostille' ? t.legalization.apostille.searchRequired : t.legalization.records.searchRequired;
      return;
    }
    loading.value = true;
    try {
      const { records: found } = await api.records({
        number: number.value.trim() || undefined,
        authorityId: authorityId.value || undefined,
        batchId: batch.value?.id,
      });
      records.value = found.map(rowOf);
      searched.value = true;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      loading.value = false;
    }
  }

  function showBatch(id: string, fileName: string) {
    batch.value = { id, fileName };
    number.value = '';
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
      const updated = rowOf(await api.revoke(row.id, reason.value.trim()));
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
    number,
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
