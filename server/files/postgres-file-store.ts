import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkStorageKey, FileStore } from './file-store';

/**
 * Files in the database itself (table file_chunks), so several instances need nothing but
 * PostgreSQL. Stored in 256 KiB chunks: no single huge bytea value to build or send, and
 * a row size that keeps TOAST and backups comfortable.
 */
export const FILE_CHUNK_BYTES = 256 * 1024;

export function createPostgresFileStore(db: Kysely<Database>): FileStore {
  return {
    kind: 'postgres',
    async put(key, data) {
      checkStorageKey(key);
      const write = async (tx: Kysely<Database>) => {
        await tx.deleteFrom('file_chunks').where('storage_key', '=', key).execute();
        const chunks = Math.max(1, Math.ceil(data.length / FILE_CHUNK_BYTES));
        for (let index = 0; index < chunks; index++) {
          await tx
            .insertInto('file_chunks')
            .values({ storage_key: key, chunk_index: index, data: data.subarray(index * FILE_CHUNK_BYTES, (index + 1) * FILE_CHUNK_BYTES) })
            .execute();
        }
      };
      await (db.isTransaction ? write(db) : db.transaction().execute(write));
    },
    async get(key) {
      checkStorageKey(key);
      const rows = await db.selectFrom('file_chunks').select('data').where('storage_key', '=', key).orderBy('chunk_index').execute();
      return rows.length === 0 ? null : Buffer.concat(rows.map((row) => Buffer.from(row.data)));
    },
    async delete(key) {
      checkStorageKey(key);
      await db.deleteFrom('file_chunks').where('storage_key', '=', key).execute();
    },
    async *keys() {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('file_chunks')
          .select('storage_key')
          .where('chunk_index', '=', 0)
          .where('storage_key', '>', after)
          .orderBy('storage_key')
          .limit(500)
          .execute();
        for (const row of rows) yield row.storage_key;
        if (rows.length < 500) return;
        after = rows[rows.length - 1].storage_key;
      }
    },
    inTransaction: (tx) => createPostgresFileStore(tx),
  };
}
