import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { SignedInStaff } from '../staff/authenticate';
import { workstationMessages } from '../workflow/review-messages';

/** Who holds an order: the claim, its holder's name. */
export async function claimOf(db: Kysely<Database>, applicationId: string): Promise<{ id: string; name: string } | null> {
  const row = await db
    .selectFrom('applications')
    .innerJoin('staff', 'staff.id', 'applications.claimed_by')
    .select(['staff.id', 'staff.display_name'])
    .where('applications.id', '=', applicationId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.display_name } : null;
}

/**
 * A reviewer may act on an order nobody holds or they hold themselves; supervisors and
 * admins on any (they reassign). Else 409 with the holder's name.
 */
export async function assertMayDecide(db: Kysely<Database>, row: { id: string; claimed_by: string | null }, staff: SignedInStaff): Promise<void> {
  if (!row.claimed_by || row.claimed_by === staff.staffId || staff.role !== 'reviewer') return;
  const holder = await claimOf(db, row.id);
  throw new ApiError(409, 'CLAIMED_BY_OTHER', workstationMessages.claimedByOther(holder?.name ?? ''));
}

