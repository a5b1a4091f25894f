import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql } from 'kysely';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/**
 * Applies server/db/migrations/*.sql in name order, each once, each in its own
 * transaction. An advisory lock keeps two instances starting together on one
 * PostgreSQL from running the same migration twice.
 */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  // Under the same lock: two instances creating the table at once would collide in the
  // catalog ("create table if not exists" is not safe against a concurrent create).
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(4823001)`.execute(tx);
    await sql`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(tx);
  });
  const applied: string[] = [];
  for (const name of files) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(4823001)`.execute(tx);
      const seen = await sql<{ name: string }>`select name from schema_migrations where name = ${name}`.execute(tx);
      if (seen.rows.length > 0) return false;
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
      await sql.raw(text).execute(tx);
      await sql`insert into schema_migrations (name) values (${name})`.execute(tx);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
