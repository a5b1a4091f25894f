/**
 * Supervisors' view of identity abuse (server/orders/applicant-objections.ts,
 * server/staff/routes.ts): citizens' objections to applications made in their name, and
 * the staff sign-in lockouts now in force.
 */
import type { ApplicantObjection, SignInLockout } from '../../../contracts/staff';
import { request } from './http';

export type { ApplicantObjection, SignInLockout };

export type ObjectionOutcome = 'void' | 'dismiss';

export const objectionsApi = {
  list: async () => (await request<{ objections: ApplicantObjection[] }>('/api/console/applicant-objections')).objections,
  /** `void` rejects the application (不予受理) through the state machine; `dismiss` leaves it. The note is required. */
  resolve: (id: string, outcome: ObjectionOutcome, note: string) =>
    request<{ ok: true }>(`/api/console/applicant-objections/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { outcome, note } }),
  lockouts: async () => (await request<{ lockouts: SignInLockout[] }>('/api/console/sign-in-lockouts')).lockouts,
};
