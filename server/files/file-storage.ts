import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { FileStorageKind, FileStore } from './file-store';
import { createLocalFileStore } from './local-file-store';
import { createPostgresFileStore } from './postgres-file-store';
import { createS3FileStore, type S3Settings } from './s3-file-store';

/** FILE_STORAGE and, for s3, the S3_* settings (server/config.ts reads them). */
export interface FileStorageSettings {
  storage: FileStorageKind;
  s3: S3Settings | null;
}

/** The file store FILE_STORAGE names (local: DATA_DIR/files). */
export function createFileStore(config: { dataDir: string; files: FileStorageSettings }, db: Kysely<Database>): FileStore {
  switch (config.files.storage) {
    case 'postgres':
      return createPostgresFileStore(db);
    case 's3':
      return createS3FileStore(config.files.s3!);
    default:
      return createLocalFileStore(path.join(config.dataDir, 'files'));
  }
}
