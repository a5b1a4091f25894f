import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../db/schema';
import { forbidden, unauthenticated } from '../http/api-error';
import type { SessionStore } from '../security/session-store';

export const STAFF_COOKIE = 'cc_staff';

export interface SignedInStaff {
  sessionId: string;
  staffId: string;
  role: StaffRole;
  missionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: SignedInStaff;
  }
}

const RANK: Record<StaffRole, number> = { reviewer: 1, supervisor: 2, admin: 3 };

/** preHandler: 401 without a live staff session, 403 below `minimumRole`. */
export function requireStaff(db: Kysely<Database>, sessions: SessionStore, minimumRole: StaffRole = 'reviewer') {
  return async (request: FastifyRequest) => {
    const token = request.cookies[STAFF_COOKIE];
    const session = token ? await sessions.resolve(token) : null;
    if (!session) throw unauthenticated();
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'role', 'mission_id'])
      .where('id', '=', session.ownerId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!staff) throw unauthenticated();
    // Set before the role check, so a refused attempt can be audited against the mission.
    request.staff = { sessionId: session.sessionId, staffId: staff.id, role: staff.role, missionId: staff.mission_id };
    if (RANK[staff.role] < RANK[minimumRole]) throw forbidden();
  };
}
