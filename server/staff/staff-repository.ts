import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../db/schema';
import { hashPassword } from '../security/passwords';

export const STAFF_ROLES: readonly StaffRole[] = ['reviewer', 'supervisor', 'admin'];

export interface NewStaff {
  username: string;
  password: string;
  displayName?: string;
  role: StaffRole;
  missionId: string;
  /** The MFA role: may handle Ministry / provincial legalization records. */
  mfaLegalization?: boolean;
}

/** Used by `npm run console:create-admin`, the development bootstrap and tests. */
export async function createStaff(db: Kysely<Database>, staff: NewStaff): Promise<string> {
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(staff.username)) {
    throw new Error('username: 3–64 letters, digits, dot, dash or underscore');
  }
  if (staff.password.length < 10) throw new Error('password: at least 10 characters');
  const row = await db
    .insertInto('staff')
    .values({
      username: staff.username,
      display_name: staff.displayName ?? staff.username,
      password_hash: await hashPassword(staff.password),
      role: staff.role,
      mission_id: staff.missionId,
      mfa_legalization: staff.mfaLegalization ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
