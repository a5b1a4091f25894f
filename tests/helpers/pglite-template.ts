/**
 * A migrated, empty PGlite database as a dump (PGlite's dumpDataDir tarball), made once per
 * set of migrations and loaded by every in-memory test server: about 1 s instead of 4–5 s
 * of initdb + migrations in WASM, which over a test run's ~100 servers is minutes.
 *
 * Kept in dist/test-pglite/<hash of the migration files>.tar (git-ignored build output):
 * a changed or added migration gives a new file. Written to a temporary name and renamed,
 * so processes starting servers together (the mini-program tests' child servers) never
 * read half a file. The server still runs its migrations after loading the dump.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { migrate } from '../../server/db/migrate';
import { PGliteDialect } from '../../server/db/pglite-dialect';

const repoRoot = path.resolve(__dirname, '../..');
const migrationsDir = path.join(repoRoot, 'server', 'db', 'migrations');
const templateDir = path.join(repoRoot, 'dist', 'test-pglite');

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(migrationsDir).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update('\0').update(fs.readFileSync(path.join(migrationsDir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

let cached: { file: string; dump: Buffer } | null = null;

export async function migratedPgliteDump(): Promise<Buffer> {
  const file = path.join(templateDir, `${migrationsHash()}.tar`);
  if (cached?.file === file) return cached.dump;
  if (!fs.existsSync(file)) {
    const pg = await PGlite.create();
    const db = new Kysely<any>({ dialect: new PGliteDialect(pg) });
    try {
      await migrate(db);
      const dump = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
      fs.mkdirSync(templateDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, dump);
      fs.renameSync(temp, file);
    } finally {
      await db.destroy();
    }
  }
  cached = { file, dump: fs.readFileSync(file) };
  return cached.dump;
}
