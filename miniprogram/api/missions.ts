/** Embassies and consulates general; public, so it works before (or without) login. */
import type { Mission, MissionList } from '../domain/api-types';
import { request } from './request';

export async function fetchMissions(): Promise<Mission[]> {
  const list = await request<MissionList>('/api/missions', { auth: false });
  return list.missions;
}
