import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { lockDataDir } from '../../../server/db/data-dir-lock';
import { openDatabase } from '../../../server/db/database';

/**
 * The embedded database is one directory that only one process may open: a second server
 * on it would corrupt it, a crashed server must not leave it locked for ever, and what was
 * written must still be there after a restart.
 */
describe('PGlite data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-datadir-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('lock', () => {
    let holder: ChildProcess | null = null;
    afterEach(() => {
      holder?.kill('SIGKILL');
      holder = null;
    });

    it('refuses a directory that a live process holds, naming it', async () => {
      holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      fs.writeFileSync(path.join(dir, 'server.lock'), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${holder.pid}`));
      // Nothing was taken over: the holder's lock stays.
      expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(holder.pid));
    });

    it('takes over a lock left by a process that died, and releases it', async () => {
      const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
      await new Promise((resolve) => dead.once('exit', resolve));
      fs.writeFileSync(path.join(dir, 'server.lock'), String(dead.pid));
      const unlock = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
      unlock();
      expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false);
    });
  });

  it('keeps data and the schema across a restart, and migrates nothing twice', async () => {
    const pgliteDir = path.join(dir, 'pglite');
    const first = await openDatabase({ databaseUrl: null, pgliteDir });
    const migrations = await sql<{ count: string }>`select count(*)::text as count from schema_migrations`.execute(first.db);
    await first.db.insertInto('users').values({ openid: 'o_restart_test' } as never).execute();
    await first.close();

    const second = await openDatabase({ databaseUrl: null, pgliteDir });
    try {
      const user = await second.db.selectFrom('users').select('openid').where('openid', '=', 'o_restart_test').executeTakeFirst();
      expect(user?.openid).toBe('o_restart_test');
      const again = await sql<{ count: string }>`select count(*)::text as count from schema_migrations`.execute(second.db);
      expect(again.rows[0].count).toBe(migrations.rows[0].count);
    } finally {
      await second.close();
    }
  });
});
