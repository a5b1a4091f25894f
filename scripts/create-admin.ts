/**
 * `npm run console:create-admin -- --username NAME --password PASS [--mission ID] [--role admin|supervisor|reviewer] [--name 显示名]`
 * Creates a console account in the configured database (DATABASE_URL, or the PGlite data
 * directory — stop the server first, PGlite allows one process).
 */
import { parseArgs } from 'node:util';
import { createServer } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import type { StaffRole } from '../server/db/schema';
import { STAFF_ROLES, createStaff } from '../server/staff/staff-repository';

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      mission: { type: 'string', default: 'us-new-york' },
      role: { type: 'string', default: 'admin' },
      name: { type: 'string' },
      // The MFA role: may register and revoke Ministry / provincial legalization records.
      'mfa-legalization': { type: 'boolean', default: false },
    },
  });
  const username = values.username ?? process.env.CONSOLE_ADMIN_USERNAME;
  const password = values.password ?? process.env.CONSOLE_ADMIN_PASSWORD;
  if (!username || !password) throw new Error('Give --username and --password (or CONSOLE_ADMIN_USERNAME / CONSOLE_ADMIN_PASSWORD).');
  if (!STAFF_ROLES.includes(values.role as StaffRole)) throw new Error(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  const server = await createServer(loadConfig());
  try {
    await createStaff(server.database.db, {
      username,
      password,
      role: values.role as StaffRole,
      missionId: values.mission!,
      displayName: values.name,
      mfaLegalization: values['mfa-legalization'],
    });
    console.log(`Created ${values.role} "${username}" at mission ${values.mission}.`);
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
