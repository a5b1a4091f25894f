import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { FileStore } from './file-store';
import { createLocalFileStore } from './local-file-store';
import { createPostgresFileStore } from './postgres-file-store';
import { createS3FileStore } from './s3-file-store';

/** The file store FILE_STORAGE names (local: DATA_DIR/files). */
export function createFileStore(config: Pick<Config, 'dataDir' | 'files'>, db: Kysely<Database>): FileStore {
  switch (config.files.storage) {
    case 'postgres':
      return createPostgresFileStore(db);
    case 's3':
      return createS3FileStore(config.files.s3!);
    default:
      return createLocalFileStore(path.join(config.dataDir, 'files'));
  }
}
