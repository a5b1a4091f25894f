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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; null → PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; null → in memory (tests). */
  pgliteDir: string | null;
}

/** Opens the database the config names and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.pgliteDir);
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dir: string | null): Promise<DatabaseHandle> {
  const unlock = dir ? lockDataDir(path.dirname(dir)) : () => undefined;
  try {
    const pg = dir ? await PGlite.create(dir) : await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pg) });
    return {
      db,
      kind: 'pglite',
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
