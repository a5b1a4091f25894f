import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkStorageKey, FileStore, isStorageKey } from './file-store';

/** Files in a local directory (DATA_DIR/files): one process, or a shared volume. */
export function createLocalFileStore(root: string): FileStore {
  const fileFor = (key: string) => path.join(root, checkStorageKey(key));
  return {
    kind: 'local',
    async put(key, data) {
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Write then rename: a crash never leaves a half file under the final name.
      const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temp, data, { mode: 0o600 });
      await fs.rename(temp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileFor(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(fileFor(key), { force: true });
    },
    async *keys() {
      let folders: string[];
      try {
        folders = (await fs.readdir(root)).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const folder of folders) {
        if (!/^[0-9a-f]{2}$/.test(folder)) continue;
        for (const name of (await fs.readdir(path.join(root, folder))).sort()) {
          const key = `${folder}/${name}`;
          if (isStorageKey(key)) yield key;
        }
      }
    },
  };
}
