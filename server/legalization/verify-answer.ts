import type { VerifyAnswer } from '../../miniprogram/domain/info-api-types';

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
