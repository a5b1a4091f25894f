import type { InvalidatedCache, InvalidationBus } from './invalidation-bus';
import { LruCache } from './lru-cache';

/**
 * An in-process LRU whose entries the invalidation bus drops when the database row behind
 * them changes, on this instance or another. Served only while the bus is fresh.
 *
 * A read that started before an invalidation must not put its (possibly old) value back
 * after it: every invalidation bumps `generation`, and `store` keeps a value only if the
 * generation is still the one seen before the database was read.
 */
export class ExactCache<V> implements InvalidatedCache {
  private readonly entries: LruCache<string, V>;
  private currentGeneration = 0;

  constructor(
    private readonly bus: InvalidationBus,
    readonly topic: string,
    maxEntries: number,
  ) {
    this.entries = new LruCache(maxEntries);
    bus.register(this);
  }

  /** Take this before reading the database; hand it to `store`. */
  get generation(): number {
    return this.currentGeneration;
  }

  get(key: string): V | undefined {
    return this.bus.isFresh() ? this.entries.get(key) : undefined;
  }

  store(key: string, value: V, generationBeforeRead: number): void {
    if (generationBeforeRead === this.currentGeneration) this.entries.set(key, value);
  }

  /** Read through: `load` runs on a miss; null results are not kept. */
  async getOrLoad(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.currentGeneration;
    const value = await load();
    if (value !== null) this.store(key, value, generation);
    return value;
  }

  invalidate(key: string): void {
    this.currentGeneration++;
    this.entries.delete(key);
  }

  clear(): void {
    this.currentGeneration++;
    this.entries.clear();
  }
}
