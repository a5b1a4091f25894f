/** Staff roles in rising order of what they may do; the server checks the same ranks. */
import type { StaffRole } from '../api/types';

const RANK: Record<StaffRole, number> = { reviewer: 0, supervisor: 1, admin: 2 };

export function hasRole(role: StaffRole | undefined, minimum: StaffRole | undefined): boolean {
  if (!minimum) return true;
  return role !== undefined && RANK[role] >= RANK[minimum];
}
