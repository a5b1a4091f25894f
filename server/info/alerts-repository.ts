import { Kysely, Selectable, sql } from 'kysely';
import { alertLevelLabels, alertSeverity } from '../../miniprogram/domain/alert-levels';
import type { TravelAlert } from '../../miniprogram/domain/info-api-types';
import type { Database, TravelAlertTable } from '../db/schema';

type Row = Selectable<TravelAlertTable>;

export function toAlert(row: Row): TravelAlert {
  return {
    id: row.id,
    countryCode: row.country_code,
    level: row.level,
    levelZh: alertLevelLabels[row.level],
    title: row.title,
    body: row.body,
    effectiveFrom: new Date(row.effective_from).toISOString(),
    effectiveUntil: row.effective_until ? new Date(row.effective_until).toISOString() : null,
  };
}

export function alertStatus(row: Row, now = Date.now()): 'scheduled' | 'active' | 'ended' {
  if (new Date(row.effective_from).getTime() > now) return 'scheduled';
  if (row.effective_until && new Date(row.effective_until).getTime() <= now) return 'ended';
  return 'active';
}

export function toStaffAlert(row: Row) {
  return { ...toAlert(row), status: alertStatus(row), missionId: row.mission_id, createdAt: new Date(row.created_at).toISOString(), region: row.region, city: row.city };
}

/** Alerts in force now (from ≤ now < until), most severe first, then newest. */
export async function listActiveAlerts(db: Kysely<Database>, countryCode?: string): Promise<TravelAlert[]> {
  let query = db
    .selectFrom('travel_alerts')
    .selectAll()
    .where('effective_from', '<=', sql<Date>`now()`)
    .where((eb) => eb.or([eb('effective_until', 'is', null), eb('effective_until', '>', sql<Date>`now()`)]));
  if (countryCode) query = query.where('country_code', '=', countryCode);
  const rows = await query.orderBy('effective_from', 'desc').orderBy('id').execute();
  return rows
    .map(toAlert)
    .sort((a, b) => alertSeverity(b.level) - alertSeverity(a.level) || b.effectiveFrom.localeCompare(a.effectiveFrom));
}
