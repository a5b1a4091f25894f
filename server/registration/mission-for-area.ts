import type { Kysely } from 'kysely';
import type { Mission } from '../../miniprogram/domain/api-types';
import { regionsOf } from '../../miniprogram/domain/registration';
import type { Database } from '../db/schema';
import { listMissions } from '../missions/mission-repository';
import { addressNamesDistrict } from '../workflow/district';

export type AreaMatch =
  | { ok: true; mission: Mission }
  | { ok: false; field: 'countryCode' | 'region' };

/**
 * The mission whose consular district (领区) holds a registrant: the one listing the chosen
 * region (state / province, picked from the missions' own district names); when several
 * or none list it, the address decides (the same matcher as applications' in-district
 * rule); otherwise the country's embassy. A country without missions cannot register.
 */
export async function missionForArea(db: Kysely<Database>, area: { countryCode: string; region: string; address: string }): Promise<AreaMatch> {
  const missions = (await listMissions(db)).filter((m) => m.countryCode === area.countryCode);
  if (missions.length === 0) return { ok: false, field: 'countryCode' };
  if (!regionsOf(missions, area.countryCode).includes(area.region)) return { ok: false, field: 'region' };
  const listing = missions.filter((m) => m.districtZh.includes(area.region));
  if (listing.length === 1) return { ok: true, mission: listing[0] };
  const byAddress = (listing.length > 0 ? listing : missions).filter((m) => m.districtZh.some((d) => addressNamesDistrict(area.address, d)));
  if (byAddress.length > 0) return { ok: true, mission: byAddress[0] };
  return { ok: true, mission: listing[0] ?? missions.find((m) => m.kind === 'embassy') ?? missions[0] };
}
