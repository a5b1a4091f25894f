import type { Mission, MissionKind } from './api-types';

export const missionKindLabels: Record<MissionKind, string> = {
  embassy: '大使馆',
  consulate_general: '总领事馆',
};

/** Case-insensitive match on the names a citizen might type: country, city, mission, district. */
export function missionMatches(mission: Mission, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [
    mission.nameZh,
    mission.nameEn,
    mission.countryZh,
    mission.cityZh,
    mission.cityEn,
    ...mission.districtZh,
  ].some((text) => text.toLowerCase().includes(q));
}
