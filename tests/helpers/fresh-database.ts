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

/** `describe.each(databaseKinds)` runs a suite on every database available here. */
export const databaseKinds: Array<'pglite' | 'postgres'> = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
