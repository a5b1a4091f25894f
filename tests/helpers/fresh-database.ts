import crypto from 'node:crypto';
import { Client } from 'pg';

/**
 * The server suite runs on PGlite always and, when TEST_DATABASE_URL names a PostgreSQL
 * server (CI does), on PostgreSQL too: each test server gets a database of its own there.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL || null;

export async function createFreshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cc_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * `describe.each(databaseKinds)` runs a suite on every database available here: for suites
 * where PostgreSQL behaves differently from PGlite — concurrency, locking, races,
 * cross-instance work, migrations — since PGlite serves one connection at a time.
 */
export const databaseKinds: Array<'pglite' | 'postgres'> = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * `describe.each(sqlOnlyKinds)`: suites that test request handling and plain SQL with no
 * concurrency. PGlite is the same PostgreSQL engine, so running them again on a server
 * checks nothing new and doubles their time; the end-to-end suites still walk every path
 * on PostgreSQL.
 */
export const sqlOnlyKinds: Array<'pglite' | 'postgres'> = ['pglite'];
