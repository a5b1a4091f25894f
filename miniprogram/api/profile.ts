/** The signed-in citizen's own record: verified identity and chosen mission. */
import type { Profile, SelectMissionRequest } from '../domain/api-types';
import type { IdentityInput } from '../domain/identity-form';
import { request } from './request';

export function fetchProfile(): Promise<Profile> {
  return request<Profile>('/api/me');
}

/** 400 VALIDATION_FAILED carries per-field messages; 409 IDENTITY_TAKEN when another account holds the number. */
export function verifyIdentity(input: IdentityInput): Promise<Profile> {
  return request<Profile>('/api/me/identity', { method: 'PUT', body: input });
}

export function selectMission(missionId: string): Promise<Profile> {
  const body: SelectMissionRequest = { missionId };
  return request<Profile>('/api/me/mission', { method: 'PUT', body });
}
