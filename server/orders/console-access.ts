/**
 * Who may use the review console's routes: every route signs the member of staff in
 * (requireStaff) and reads them with staffOf; refused attempts on an application are
 * recognised by their error code, for the refusal audit (routes.ts installRefusalAudit).
 */
import { ApiError, unauthenticated } from '../http/api-error';
import type { AppDeps } from '../app-deps';
import type { SessionStore } from '../security/session-store';
import type { SignedInStaff } from '../staff/authenticate';

export type ConsoleReviewOptions = AppDeps & { staffSessions: SessionStore };

/** The signed-in member of staff (requireStaff ran in the route's preHandler). */
export function staffOf(request: { staff?: SignedInStaff }): SignedInStaff {
  if (!request.staff) throw unauthenticated();
  return request.staff;
}

/** Refused attempts (403, or an application that is not the caller's to see) on the review routes, written to the audit log. */
export function isApplicationRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.statusCode === 403 || error.code === 'APPLICATION_NOT_FOUND');
}
