/** Embassies and consulates general; public, so it works before (or without) login. */
import type { Mission, MissionList } from '../domain/api-types';
import { ApiError, requestRevalidated, savedResponse } from './request';

const MISSIONS_PATH = '/api/missions';

/** Revalidated with the server's ETag; offline, the last list fetched (missions rarely change). */
export async function fetchMissions(): Promise<Mission[]> {
  try {
    return (await requestRevalidated<MissionList>(MISSIONS_PATH)).missions;
  } catch (error) {
    const saved = error instanceof ApiError && error.status === 0 ? savedResponse<MissionList>(MISSIONS_PATH) : null;
    if (!saved) throw error;
    return saved.data.missions;
  }
}
