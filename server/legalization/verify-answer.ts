import type { VerifyAnswer } from '../../miniprogram/domain/info-api-types';

/** The columns every registry's record has (schema.ts RegistryRecordColumns), for its select list. */
export const REGISTRY_RECORD_COLUMNS = ['status', 'revoked_at', 'revoked_reason', 'batch_id', 'created_by', 'created_at'] as const;

/**
 * The public answer of a registry check from the row looked up by its number (if any) and
 * whether the other details matched: an unknown number and a wrong detail both give
 * not_found, so the answer never says which one was wrong.
 */
export function verifyAnswer<R>(
  row: { status: 'genuine' | 'revoked'; revoked_at: Date | null } | undefined,
  detailsMatch: boolean,
  record: () => R,
): VerifyAnswer<R> {
  if (!row || !detailsMatch) return { result: 'not_found' };
  if (row.status === 'revoked') {
    return { result: 'revoked', record: { ...record(), revokedOn: new Date(row.revoked_at!).toISOString().slice(0, 10) } };
  }
  return { result: 'genuine', record: record() };
}
