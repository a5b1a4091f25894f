import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../db/schema';
import { ApiError, forbidden, unauthenticated } from '../http/api-error';
import { serverMessages } from '../messages';
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

/** What a member of staff may still reach before changing an admin-issued password. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/console/me', '/api/console/me/password', '/api/console/session']);

/** preHandler: 401 without a live staff session, 403 below `minimumRole`. */
export function requireStaff(db: Kysely<Database>, sessions: SessionStore, minimumRole: StaffRole = 'reviewer') {
  return async (request: FastifyRequest) => {
    const token = request.cookies[STAFF_COOKIE];
    const session = token ? await sessions.resolve(token) : null;
    if (!session) throw unauthenticated();
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'role', 'mission_id', 'must_change_password'])
      .where('id', '=', session.ownerId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!staff) throw unauthenticated();
    // Set before the role check, so a refused attempt can be audited against the mission.
    request.staff = { sessionId: session.sessionId, staffId: staff.id, role: staff.role, missionId: staff.mission_id };
    if (staff.must_change_password && !BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
      throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', serverMessages.passwordChangeRequired);
    }
    if (RANK[staff.role] < RANK[minimumRole]) throw forbidden();
  };
}
