import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live: one interface, a local directory by default (DATA_DIR/files),
 * S3-compatible storage later. Keys are opaque and generated here, so no personal data
 * ends up in file names. Callers encrypt before `put` (see file-cipher.ts).
 */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh opaque key, fanned out over 256 directories. */
export function newStorageKey(): string {
  const id = crypto.randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function createLocalFileStore(root: string): FileStore {
  const fileFor = (key: string) => {
    // Keys come from newStorageKey; anything else (../, absolute paths) is refused.
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  return {
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
  };
}
