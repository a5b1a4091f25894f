import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Where uploaded files live: one interface, three backends — a local directory (the
 * embedded default, local-file-store.ts), PostgreSQL (postgres-file-store.ts) and
 * S3-compatible object storage (s3-file-store.ts); FILE_STORAGE picks one
 * (file-storage.ts). Keys are opaque and generated here, so no personal data ends up in
 * names. Callers seal (encrypt) before `put` (file-cipher.ts), so every backend only ever
 * holds ciphertext, and write new files through staged-files.ts so a crash leaves none
 * that nobody owns.
 */
export interface FileStore {
  readonly kind: FileStorageKind;
  put(key: string, data: Buffer): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key (files:migrate walks them). */
  keys(): AsyncIterable<string>;
  /**
   * The same store working inside a database transaction (the PostgreSQL backend only:
   * on single-connection PGlite a second connection would wait for the transaction).
   */
  inTransaction?(tx: Kysely<Database>): FileStore;
}

export type FileStorageKind = 'local' | 'postgres' | 's3';

/** A fresh opaque key, fanned out over 256 directories / prefixes. */
export function newStorageKey(): string {
  const id = crypto.randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** Keys come from newStorageKey; anything else (../, absolute paths) is refused by every backend. */
export function checkStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return key;
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
