/** The legalization and apostille registries in the console: CSV imports, single records, revocation. */
import type { AuthorityList } from '../../../miniprogram/domain/info-api-types';
import type {
  ApostilleRecord,
  CreateLegalizationRecordRequest,
  ImportBatch,
  ImportErrorBody,
  LegalizationRecord,
} from '../../../contracts/legalization';
import { ApiError, NETWORK_ERROR, request } from './http';
import { t } from '../locale/zh-CN';

export type { AuthorityList } from '../../../miniprogram/domain/info-api-types';
export type { ApostilleRecord, ImportBatch, LegalizationRecord } from '../../../contracts/legalization';

export type ImportOutcome =
  | { ok: true; batch: ImportBatch }
  /** The whole batch was refused: the bad lines (line 1 is the header). */
  | { ok: false; code: string; message: string; lines: ImportErrorBody['error']['lines']; lineCount: number };

/** Which registry a console page works on; both have the same import, batch and revocation routes. */
export type RegistryName = 'legalization' | 'apostille';

/** Looking records up: by number (and authority) or by import batch. */
export interface RecordQuery {
  number?: string;
  authorityId?: string;
  batchId?: string;
}

export interface RegistryApi<R> {
  importCsv(file: File): Promise<ImportOutcome>;
  imports(): Promise<{ batches: ImportBatch[] }>;
  records(query: RecordQuery): Promise<{ records: R[] }>;
  revoke(id: string, reason: string): Promise<R>;
}

/** The routes every registry shares, under its base path; `numberParam` is how its lookup names the number. */
function registryApi<R>(base: string, numberParam: string): RegistryApi<R> {
  return {
    /**
     * Sends the file's bytes as they are (text/csv), so the server — not the browser — judges
     * the encoding and can say "this is GBK, save as UTF-8". A refused batch is an answer, not
     * an exception: its per-line errors are returned for the table.
     */
    async importCsv(file: File): Promise<ImportOutcome> {
      let response: Response;
      try {
        response = await fetch(`${base}/imports?fileName=${encodeURIComponent(file.name)}`, {
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

    imports: () => request<{ batches: ImportBatch[] }>(`${base}/imports`),

    records: ({ number, ...rest }: RecordQuery) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ [numberParam]: number, ...rest })) if (value) params.set(key, value);
      return request<{ records: R[] }>(`${base}/records?${params}`);
    },

    revoke: (id: string, reason: string) => request<R>(`${base}/records/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } }),
  };
}

export const legalizationApi = {
  ...registryApi<LegalizationRecord>('/api/console/legalization', 'legalizationNo'),

  authorities: () => request<AuthorityList>('/api/legalization/authorities'),

  create: (record: CreateLegalizationRecordRequest) =>
    request<LegalizationRecord>('/api/console/legalization/records', { method: 'POST', body: record }),
};

export const apostilleApi = registryApi<ApostilleRecord>('/api/console/apostilles', 'apostilleNo');

export const registryApis = { legalization: legalizationApi, apostille: apostilleApi } as const;
