import type { Kysely } from 'kysely';
import type { Mission } from '../../miniprogram/domain/api-types';
import { ExactCache } from '../cache/exact-cache';
import type { InvalidationBus } from '../cache/invalidation-bus';
import type { Database } from '../db/schema';
import { listMissions } from './mission-repository';

/** The topic the missions trigger (migration 0013) clears on any change to a mission. */
export const MISSIONS_TOPIC = 'missions';

/** All missions, read once and kept in memory until one changes (on any instance). */
export class MissionDirectory {
  private readonly cache: ExactCache<Mission[]>;

  constructor(
    private readonly db: Kysely<Database>,
    caches: InvalidationBus,
  ) {
    this.cache = new ExactCache(caches, MISSIONS_TOPIC, 1);
  }

  async list(): Promise<Mission[]> {
    return (await this.cache.getOrLoad('all', () => listMissions(this.db)))!;
  }

  async find(id: string): Promise<Mission | null> {
    return (await this.list()).find((mission) => mission.id === id) ?? null;
  }
}
