/**
 * Shapes of the console API. Mission comes from the shared domain so the console, the
 * server and the mini-program read the same definition.
 */
import type { Mission } from '../../../miniprogram/domain/api-types';

export type { ApiErrorBody, Mission, MissionList } from '../../../miniprogram/domain/api-types';

export type StaffRole = 'reviewer' | 'supervisor' | 'admin';

export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mission: Mission;
  /** Signed in with a one-time password from an admin: the account page first. */
  mustChangePassword: boolean;
}

export interface StaffSession {
  staff: StaffProfile;
}

export interface SignInRequest {
  username: string;
  password: string;
}
