import { unauthenticated } from '../http/api-error';
import type { SignedInStaff } from '../staff/authenticate';

/** What the appointment routes read from a request: ids shaped as uuids (anything else is a 404 before any query), the signed-in staff member. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function staffOf(request: { staff?: SignedInStaff }): SignedInStaff {
  if (!request.staff) throw unauthenticated();
  return request.staff;
}
