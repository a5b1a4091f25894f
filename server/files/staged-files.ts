import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { FileStore } from './file-store';

/**
 * Files that no row references (yet, or any more) are written down in `file_staging`
 * before they exist unreferenced, so a crash at any point leaves nothing nobody owns:
 *
 * - an upload is staged, then written, then *claimed* in the transaction that references
 *   it; killed before that commit, its staging row remains and the sweep deletes the file
 *   once STAGING_GRACE_MS has passed (uploads in flight are never that old);
 * - a replaced file is *released* in the transaction that stops referencing it and deleted
 *   after the commit; killed in between, the sweep deletes it.
 */
export const STAGING_GRACE_MS = 60 * 60_000;

interface Files {
  db: Kysely<Database>;
  files: FileStore;
}

/** Writes a sealed upload that nothing references yet. */
export async function putStaged({ db, files }: Files, key: string, sealed: Buffer, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('file_staging')
    .values({ storage_key: key, delete_after: new Date(now.getTime() + STAGING_GRACE_MS) })
    .execute();
  await files.put(key, sealed);
}

/** In the transaction that references `key`: the file stays. */
export async function claimStaged(tx: Kysely<Database>, key: string): Promise<void> {
  const result = await tx.deleteFrom('file_staging').where('storage_key', '=', key).executeTakeFirst();
  // Only the sweep removes a staging row, and only an hour later: the upload was abandoned.
  if (Number(result.numDeletedRows) !== 1) throw new Error(`staged file ${key} is gone (swept)`);
}

/** In the transaction that stops referencing `key`: delete it after the commit (deleteReleased). */
export async function releaseInTransaction(tx: Kysely<Database>, key: string): Promise<void> {
  await tx
    .insertInto('file_staging')
    .values({ storage_key: key, delete_after: new Date() })
    .onConflict((oc) => oc.column('storage_key').doUpdateSet({ delete_after: new Date() }))
    .execute();
}

/**
 * Deletes a released file, or an upload whose transaction failed: the file first, then its
 * staging row (a crash in between leaves the row, and the sweep finishes the job).
 */
export async function deleteStaged({ db, files }: Files, key: string): Promise<void> {
  await files.delete(key);
  await db.deleteFrom('file_staging').where('storage_key', '=', key).execute();
}

/**
 * The sweep: deletes every staged file whose time has come. Each row is deleted in a
 * transaction that holds it while the file goes, so an upload claiming it at that moment
 * either wins (and the file stays) or finds it gone (and fails cleanly). Resolves to how many.
 */
export async function sweepStagedFiles({ db, files }: Files, now: Date = new Date()): Promise<number> {
  let swept = 0;
  for (;;) {
    const due = await db.selectFrom('file_staging').select('storage_key').where('delete_after', '<=', now).orderBy('delete_after').limit(100).execute();
    for (const { storage_key: key } of due) {
      await db.transaction().execute(async (tx) => {
        const taken = await tx.deleteFrom('file_staging').where('storage_key', '=', key).where('delete_after', '<=', now).executeTakeFirst();
        if (Number(taken.numDeletedRows) === 1) {
          await (files.inTransaction?.(tx) ?? files).delete(key);
          swept++;
        }
      });
    }
    if (due.length < 100) return swept;
  }
}

/** The recurring job that runs the sweep (once per slot across instances). */
export const FILE_SWEEP_JOB = 'files.sweep';
export const FILE_SWEEP_EVERY_MS = 15 * 60_000;

export function fileSweepJob(files: Files): () => Promise<{ note: string }> {
  return async () => ({ note: `${await sweepStagedFiles(files)} staged file(s) deleted` });
}
