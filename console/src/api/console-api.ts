/** The console's server endpoints, one typed function each. */
import { request } from './http';
import type { MissionList, SignInRequest, StaffSession } from './types';

export const consoleApi = {
  signIn: (credentials: SignInRequest) =>
    request<StaffSession>('/api/console/session', {
      method: 'POST',
      body: credentials,
      // 401 here means wrong credentials, to be shown on the form, not a lost session.
      redirectOnUnauthorized: false,
    }),

  signOut: () => request<void>('/api/console/session', { method: 'DELETE', redirectOnUnauthorized: false }),

  /** Who is signed in; 401 when nobody is (the router decides where to go). */
  me: () => request<StaffSession>('/api/console/me', { redirectOnUnauthorized: false }),

  missions: () => request<MissionList>('/api/console/missions'),
};
