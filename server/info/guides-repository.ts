import type { Kysely } from 'kysely';
import type { ArticleBlock } from '../../miniprogram/domain/article-blocks';
import { GUIDE_SECTIONS, GuideSection } from '../../miniprogram/domain/destination-guides';
import type { DestinationGuide, EmergencyNumber } from '../../miniprogram/domain/info-api-types';
import type { Database } from '../db/schema';
import { listMissions } from '../missions/mission-repository';

/**
 * A country's guide: what staff wrote, plus the country's missions straight from the
 * missions table (contacts stay right when a mission's phone changes). Null when the
 * country has neither a guide nor a mission.
 */
export async function loadGuide(db: Kysely<Database>, countryCode: string): Promise<DestinationGuide | null> {
  const [row, missions] = await Promise.all([
    db.selectFrom('destination_guides').selectAll().where('country_code', '=', countryCode).executeTakeFirst(),
    listMissions(db).then((all) => all.filter((m) => m.countryCode === countryCode)),
  ]);
  if (!row && missions.length === 0) return null;
  const stored = (row?.sections ?? {}) as Partial<Record<GuideSection, ArticleBlock[]>>;
  const sections = Object.fromEntries(GUIDE_SECTIONS.map((key) => [key, stored[key] ?? []])) as Record<GuideSection, ArticleBlock[]>;
  return {
    countryCode,
    countryZh: missions[0]?.countryZh ?? countryCode,
    sections,
    emergencyNumbers: (row?.emergency_numbers ?? []) as EmergencyNumber[],
    missions,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}
