import type { Kysely } from 'kysely';
import { DOMESTIC_AUTHORITIES, type IssuingAuthority } from '../../contracts/legalization';
import type { Database } from '../db/schema';
import type { SignedInStaff } from '../staff/authenticate';

/**
 * Whose legalization records a staff member may see, add and revoke: those issued by their
 * own mission; those of the Ministry (MFA) and the provincial foreign affairs offices only
 * with the MFA role (`staff.mfa_legalization`). Every console legalization route asks here.
 */
export interface LegalizationScope {
  missionId: string;
  mfa: boolean;
}

export async function legalizationScope(db: Kysely<Database>, staff: SignedInStaff): Promise<LegalizationScope> {
  const row = await db.selectFrom('staff').select('mfa_legalization').where('id', '=', staff.staffId).executeTakeFirst();
  return { missionId: staff.missionId, mfa: row?.mfa_legalization === true };
}

export function mayHandle(scope: Pick<LegalizationScope, 'missionId' | 'mfa'>, authority: IssuingAuthority | undefined): boolean {
  if (!authority) return false;
  return authority.kind === 'mission' ? authority.id === scope.missionId : scope.mfa;
}

/** The authority ids a scope covers, for queries. */
export function handledAuthorityIds(scope: LegalizationScope): string[] {
  return [scope.missionId, ...(scope.mfa ? DOMESTIC_AUTHORITIES.map((a) => a.id) : [])];
}
