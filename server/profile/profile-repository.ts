import type { Kysely } from 'kysely';
import type { Profile } from '../../miniprogram/domain/api-types';
import { ExactCache } from '../cache/exact-cache';
import type { InvalidationBus } from '../cache/invalidation-bus';
import type { Database } from '../db/schema';
import { toMission } from '../missions/mission-repository';

/** The citizen's profile in one query: account, verified identity (masked), chosen mission. */
export async function loadProfile(db: Kysely<Database>, userId: string): Promise<Profile | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('identities as i', 'i.user_id', 'u.id')
    .leftJoin('missions as m', 'm.id', 'u.mission_id')
    .select([
      'u.id as user_id',
      'i.name as identity_name',
      'i.id_type',
      'i.id_number_masked',
      'i.phone',
      'i.email',
      'i.verified_at',
      'm.id',
      'm.kind',
      'm.name_zh',
      'm.name_en',
      'm.country_code',
      'm.country_zh',
      'm.city_zh',
      'm.city_en',
      'm.address_zh',
      'm.address_en',
      'm.phone as mission_phone',
      'm.hours_zh',
      'm.timezone',
      'm.district_zh',
      'm.sort_order',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.user_id,
    identity:
      row.id_type && row.identity_name && row.id_number_masked && row.verified_at
        ? {
            name: row.identity_name,
            idType: row.id_type,
            idNumberMasked: row.id_number_masked,
            phone: row.phone ?? null,
            email: row.email ?? null,
            verifiedAt: new Date(row.verified_at).toISOString(),
          }
        : null,
    mission:
      row.id && row.kind
        ? toMission({
            id: row.id,
            kind: row.kind,
            name_zh: row.name_zh!,
            name_en: row.name_en!,
            country_code: row.country_code!,
            country_zh: row.country_zh!,
            city_zh: row.city_zh!,
            city_en: row.city_en!,
            address_zh: row.address_zh!,
            address_en: row.address_en!,
            phone: row.mission_phone!,
            hours_zh: row.hours_zh!,
            timezone: row.timezone!,
            district_zh: row.district_zh!,
            sort_order: row.sort_order!,
          })
        : null,
  };
}

/**
 * Profiles by user id, kept in memory. Triggers on users, identities and missions send
 * `profile:<user id>` (or `profile:*`) through the invalidation bus; whoever changes a
 * profile here also calls invalidate, so the next read on this instance sees it at once.
 */
export class ProfileReader {
  private readonly cache: ExactCache<Profile>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly caches: InvalidationBus,
  ) {
    this.cache = new ExactCache(caches, PROFILE_TOPIC, 10_000);
  }

  load(userId: string): Promise<Profile | null> {
    return this.cache.getOrLoad(userId, () => loadProfile(this.db, userId));
  }

  invalidate(userId: string): void {
    this.caches.invalidate(PROFILE_TOPIC, userId);
  }
}

export const PROFILE_TOPIC = 'profile';
