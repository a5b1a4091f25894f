/** The legalization registry in the console: CSV imports, single records, revocation. */
import type {
  AuthorityList,
  CreateLegalizationRecordRequest,
  ImportBatch,
  ImportErrorBody,
  LegalizationRecord,
} from '../../../miniprogram/domain/info-api-types';
import { ApiError, NETWORK_ERROR, request } from './http';
import { t } from '../locale/zh-CN';

export type { AuthorityList, ImportBatch, LegalizationRecord } from '../../../miniprogram/domain/info-api-types';

export type ImportOutcome =
  | { ok: true; batch: ImportBatch }
  /** The whole batch was refused: the bad lines (line 1 is the header). */
  | { ok: false; code: string; message: string; lines: ImportErrorBody['error']['lines']; lineCount: number };

export const legalizationApi = {
  authorities: () => request<AuthorityList>('/api/legalization/authorities'),

  /**
   * Sends the file's bytes as they are (text/csv), so the server — not the browser — judges
   * the encoding and can say "this is GBK, save as UTF-8". A refused batch is an answer, not
   * an exception: its per-line errors are returned for the table.
   */
  async importCsv(file: File): Promise<ImportOutcome> {
    let response: Response;
    try {
      response = await fetch(`/api/console/legalization/imports?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'text/csv' },
        credentials: 'same-origin',
        body: await file.arrayBuffer(),
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, t.errors.network);
    }
    const payload = (await response.json().catch(() => undefined)) as
      | { batch: ImportBatch }
      | (ImportErrorBody & { error: { fields?: Record<string, string> } })
      | undefined;
    if (response.ok && payload && 'batch' in payload) return { ok: true, batch: payload.batch };
    const error = payload && 'error' in payload ? payload.error : undefined;
    if (response.status === 400 && error?.lines) {
      return { ok: false, code: error.code, message: error.message, lines: error.lines, lineCount: error.lineCount ?? error.lines.length };
    }
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? t.errors.unexpected);
  },

  imports: () => request<{ batches: ImportBatch[] }>('/api/console/legalization/imports'),

  records: (query: { legalizationNo?: string; authorityId?: string; batchId?: string }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    return request<{ records: LegalizationRecord[] }>(`/api/console/legalization/records?${params}`);
  },

  create: (record: CreateLegalizationRecordRequest) =>
    request<LegalizationRecord>('/api/console/legalization/records', { method: 'POST', body: record }),

  revoke: (id: string, reason: string) =>
    request<LegalizationRecord>(`/api/console/legalization/records/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } }),
};
