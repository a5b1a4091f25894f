import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { lockDataDir } from './data-dir-lock';
import { migrate } from './migrate';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * PGlite only: LISTEN on its one session (PostgreSQL listeners use a connection of their
   * own, server/cache/invalidation-bus.ts). Call before serving, outside any transaction.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; null → PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; null → in memory (tests). */
  pgliteDir: string | null;
  /**
   * In-memory PGlite only: start from this dump (PGlite's dumpDataDir tarball) instead of
   * an empty cluster. Tests load a migrated template: about 1 s instead of 4–5 s of initdb
   * and migrations in WASM. Migrations still run after loading, so a stale dump is safe.
   */
  pgliteDump?: Buffer | null;
}

/** Opens the database the config names and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.pgliteDir, options.pgliteDump ?? null);
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: 10 });
  let closing = false;
  // An idle connection that dies (PostgreSQL restarted or failed over, a network cut, an
  // administrator ending sessions — or, while we close, the server ending them first) is
  // dropped by the pool and the next query opens a new one. Without a listener, pg-pool
  // re-emits the error as an unhandled 'error' event, which would end the process.
  pool.on('error', (error) => {
    if (!closing) console.warn(`PostgreSQL: an idle connection was lost (${error.message}); it will be replaced`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    close: () => {
      closing = true;
      return db.destroy();
    },
  };
}

async function openPglite(dir: string | null, dump: Buffer | null): Promise<DatabaseHandle> {
  const unlock = dir ? lockDataDir(path.dirname(dir)) : () => undefined;
  try {
    // In memory (tests, throwaway instances) there is nothing to make durable: PGlite's
    // relaxedDurability stops it awaiting a file-system sync after every query — about 4×
    // less CPU per query. On disk, every commit stays synced before it is acknowledged.
    const pg = dir
      ? await PGlite.create(dir)
      : await PGlite.create({ relaxedDurability: true, ...(dump ? { loadDataDir: new Blob([new Uint8Array(dump)]) } : {}) });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pg) });
    return {
      db,
      kind: 'pglite',
      listen: async (channel, onPayload) => {
        await pg.listen(channel, onPayload);
      },
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
