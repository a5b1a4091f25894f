import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { createStaff } from '../server/staff/staff-repository';

/**
 * Development only: an empty staff table gets an `admin` with a random password, written
 * to <data>/dev-admin.txt so `npm start` can print it every time.
 */
export async function ensureDevAdmin(db: Kysely<Database>, dataDir: string): Promise<{ username: string; password: string } | null> {
  const file = path.join(dataDir, 'dev-admin.txt');
  const count = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) === 0) {
    const password = crypto.randomBytes(9).toString('base64url');
    await createStaff(db, { username: 'admin', password, role: 'admin', displayName: '系统管理员', missionId: 'us-new-york', mfaLegalization: true });
    fs.writeFileSync(file, `admin\n${password}\n`, { mode: 0o600 });
  }
  if (!fs.existsSync(file)) return null;
  const [username, password] = fs.readFileSync(file, 'utf8').split('\n');
  return { username, password };
}
