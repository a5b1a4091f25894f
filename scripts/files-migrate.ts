/**
 * `npm run files:migrate -- --from local --to s3`: copies every uploaded file from one
 * storage backend to another (local | postgres | s3, configured as for the server:
 * DATA_DIR, DATABASE_URL, S3_*), then set FILE_STORAGE to the target and restart.
 * Files move sealed, under the same keys; re-running skips what is already there.
 * On PGlite, stop the server first (its data directory is locked).
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import type { FileStorageKind } from '../server/files/file-store';
import { createFileStore } from '../server/files/file-storage';
import { migrateFiles } from '../server/files/migrate-files';
import path from 'node:path';

const KINDS: FileStorageKind[] = ['local', 'postgres', 's3'];

function option(name: string): FileStorageKind {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value || !KINDS.includes(value as FileStorageKind)) {
    console.error(`usage: npm run files:migrate -- --from ${KINDS.join('|')} --to ${KINDS.join('|')}`);
    process.exit(2);
  }
  return value as FileStorageKind;
}

async function main() {
  const from = option('from');
  const to = option('to');
  if (from === to) throw new Error('--from and --to name the same backend');
  const settingsFor = (storage: FileStorageKind) => loadConfig({ ...process.env, FILE_STORAGE: storage });
  const config = settingsFor(from);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? null : path.join(config.dataDir, 'pglite') });
  try {
    const report = await migrateFiles(createFileStore(config, database.db), createFileStore(settingsFor(to), database.db), (progress) =>
      console.log(`… ${progress.copied} copied, ${progress.alreadyThere} already there`),
    );
    console.log(`files:migrate ${from} → ${to}: ${report.copied} copied, ${report.alreadyThere} already there. Now set FILE_STORAGE=${to} and restart.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
