import type { Kysely, Selectable } from 'kysely';
import type { Mission } from '../../miniprogram/domain/api-types';
import type { Database, MissionTable } from '../db/schema';
import { demoMissions } from './demo-missions';

export function toMission(row: Selectable<MissionTable>): Mission {
  return {
    id: row.id,
    kind: row.kind,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    countryCode: row.country_code,
    countryZh: row.country_zh,
    cityZh: row.city_zh,
    cityEn: row.city_en,
    addressZh: row.address_zh,
    addressEn: row.address_en,
    phone: row.phone,
    hoursZh: row.hours_zh,
    timezone: row.timezone,
    districtZh: row.district_zh,
  };
}

export async function listMissions(db: Kysely<Database>): Promise<Mission[]> {
  const rows = await db.selectFrom('missions').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(toMission);
}

export async function findMission(db: Kysely<Database>, id: string): Promise<Mission | null> {
  const row = await db.selectFrom('missions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMission(row) : null;
}

/** First start only: an empty database gets the demo missions; later edits are kept. */
export async function seedDemoMissions(db: Kysely<Database>): Promise<number> {
  const existing = await db.selectFrom('missions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  await db
    .insertInto('missions')
    .values(
      demoMissions.map((m, index) => ({
        id: m.id,
        kind: m.kind,
        name_zh: m.nameZh,
        name_en: m.nameEn,
        country_code: m.countryCode,
        country_zh: m.countryZh,
        city_zh: m.cityZh,
        city_en: m.cityEn,
        address_zh: m.addressZh,
        address_en: m.addressEn,
        phone: m.phone,
        hours_zh: m.hoursZh,
        timezone: m.timezone,
        district_zh: m.districtZh,
        sort_order: index,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return demoMissions.length;
}
