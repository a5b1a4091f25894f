import type { Kysely } from 'kysely';
import { applicationServices } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';

/**
 * Writes every registered service into the `services` table (the foreign key of
 * applications.service), at start: the registry is the list, the table follows it.
 */
export async function syncServiceTable(db: Kysely<Database>): Promise<void> {
  for (const service of applicationServices()) {
    await db
      .insertInto('services')
      .values({ id: service.id, title: service.title, order_code: service.orderCode })
      .onConflict((oc) => oc.column('id').doUpdateSet({ title: service.title, order_code: service.orderCode, updated_at: new Date() }))
      .execute();
  }
}
