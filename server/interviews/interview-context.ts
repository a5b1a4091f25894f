import type { ApplicationsContext } from '../applications/application-context';
import { unauthenticated } from '../http/api-error';
import type { SignedInStaff } from '../staff/authenticate';
import type { SignalHub } from './signal-hub';

/** What the interview plugins share: the applications context (db, sessions, file store + cipher, config) and the signal hub. */
export interface InterviewContext extends ApplicationsContext {
  hub: SignalHub;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in staff member (requireStaff ran before). */
export function staffOf(request: { staff?: SignedInStaff }): SignedInStaff {
  if (!request.staff) throw unauthenticated();
  return request.staff;
}
