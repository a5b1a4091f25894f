import type { Kysely, Selectable } from 'kysely';
import type { AppointmentKind } from '../../miniprogram/domain/appointments';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, type AppointmentTypeView } from '../../contracts/appointments';
import type { AppointmentTypeTable, Database } from '../db/schema';

/**
 * A mission's appointment types and their settings. The rows are written with these
 * defaults the first time the mission's staff open 预约设置 (nothing in the migration:
 * missions are seeded after it, and a mission added later gets them the same way). Only
 * the video interview starts active, as it has always been; fingerprints and pickup at the
 * counter are offered once the mission turns them on.
 */
export type AppointmentTypeRow = Selectable<AppointmentTypeTable>;

const DEFAULTS: Readonly<Record<AppointmentKind, { minutes: number; capacity: number; cutoff_hours: number; active: boolean }>> = {
  // As 0007 has it: one person per call, changeable until an hour before (BOOKING_LEAD_MINUTES).
  video_interview: { minutes: 30, capacity: 1, cutoff_hours: 1, active: true },
  fingerprints: { minutes: 15, capacity: 4, cutoff_hours: 24, active: false },
  pickup: { minutes: 15, capacity: 6, cutoff_hours: 24, active: false },
};

export async function ensureMissionTypes(db: Kysely<Database>, missionId: string): Promise<AppointmentTypeRow[]> {
  await db
    .insertInto('appointment_types')
    .values(APPOINTMENT_KINDS.map((kind) => ({ mission_id: missionId, kind, ...DEFAULTS[kind] })))
    .onConflict((oc) => oc.columns(['mission_id', 'kind']).doNothing())
    .execute();
  const rows = await db.selectFrom('appointment_types').selectAll().where('mission_id', '=', missionId).execute();
  return APPOINTMENT_KINDS.map((kind) => rows.find((row) => row.kind === kind)!);
}

/** The mission's active type of `kind`, or undefined. */
export function activeType(db: Kysely<Database>, missionId: string, kind: AppointmentKind): Promise<AppointmentTypeRow | undefined> {
  return db.selectFrom('appointment_types').selectAll().where('mission_id', '=', missionId).where('kind', '=', kind).where('active', '=', true).executeTakeFirst();
}

export const typeView = (row: AppointmentTypeRow): AppointmentTypeView => ({
  id: row.id,
  kind: row.kind,
  kindLabel: APPOINTMENT_KIND_LABELS[row.kind],
  minutes: row.minutes,
  capacity: row.capacity,
  cutoffHours: row.cutoff_hours,
  active: row.active,
});
