import type { FileStore } from './file-store';

export interface FileMigrationReport {
  copied: number;
  /** Already in the target with the same bytes (a re-run, or an interrupted run resumed). */
  alreadyThere: number;
}

/**
 * Copies every file of `from` into `to` under the same key — the sealed bytes as they are,
 * so nothing is decrypted and the database's storage keys stay valid. Safe to re-run: a
 * file already in the target with identical bytes is left alone; one that differs (a half
 * copy from an interrupted run) is written again. The source is never changed.
 */
export async function migrateFiles(from: FileStore, to: FileStore, onProgress?: (report: FileMigrationReport) => void): Promise<FileMigrationReport> {
  const report: FileMigrationReport = { copied: 0, alreadyThere: 0 };
  for await (const key of from.keys()) {
    const data = await from.get(key);
    if (!data) continue; // deleted while we walked
    const existing = await to.get(key);
    if (existing && existing.equals(data)) {
      report.alreadyThere++;
    } else {
      await to.put(key, data);
      report.copied++;
    }
    if ((report.copied + report.alreadyThere) % 100 === 0) onProgress?.(report);
  }
  return report;
}
