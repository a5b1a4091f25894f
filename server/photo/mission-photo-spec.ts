import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { type PhotoFrameSpec, photoFrameSpecFor } from './photo-spec';

/**
 * The ID photo ranges of a mission: its `missions.photo_spec` overrides (migration 0011) on top
 * of the default. Read with plain SQL so that the column stays out of `MissionTable`, whose
 * rows are mapped field by field into the public mission view.
 */
export async function missionPhotoSpec(db: Kysely<Database>, missionId: string): Promise<PhotoFrameSpec> {
  const { rows } = await sql<{ photo_spec: unknown }>`select photo_spec from missions where id = ${missionId}`.execute(db);
  return photoFrameSpecFor(rows[0]?.photo_spec ?? null);
}
