import type { Kysely } from 'kysely';
import type { Profile } from '../../miniprogram/domain/api-types';
import { LruCache } from '../cache/lru-cache';
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
 * Profiles by user id, kept in memory when this process makes every write (PGlite).
 * Whoever changes a user, their identity or a mission calls invalidate.
 */
export class ProfileReader {
  private readonly cache: LruCache<string, Profile>;

  constructor(
    private readonly db: Kysely<Database>,
    cacheInProcess: boolean,
  ) {
    this.cache = new LruCache(cacheInProcess ? 10_000 : 0);
  }

  async load(userId: string): Promise<Profile | null> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const profile = await loadProfile(this.db, userId);
    if (profile) this.cache.set(userId, profile);
    return profile;
  }

  invalidate(userId: string): void {
    this.cache.delete(userId);
  }

  /** A mission's details changed: every profile naming it is stale. */
  invalidateAll(): void {
    this.cache.clear();
  }
}
