/** PostgreSQL error codes the server reacts to (the same on PGlite and PostgreSQL). */
const UNIQUE_VIOLATION = '23505';

/** A unique index or constraint refused the write (two racing inserts, a duplicate key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
