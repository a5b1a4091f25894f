import { sql, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Order numbers a citizen can read out on the phone: mission prefix, service letter, the
 * mission's local date, a daily sequence — `USNY-P-250615-0007`. The counter row is
 * upserted inside the submitting transaction, so concurrent submissions get distinct numbers.
 */

/** 'us-new-york' → 'USNY', 'gb-london' → 'GBL'. */
export function missionPrefix(missionId: string): string {
  const [country = 'XX', ...rest] = missionId.split('-');
  return (country + rest.map((word) => word.slice(0, 1)).join('')).toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The mission's calendar date as YYMMDD (falls back to UTC for an unknown time zone). */
export function localDay(timezone: string, now: Date): string {
  let iso: string;
  try {
    iso = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    iso = now.toISOString().slice(0, 10);
  }
  return iso.replace(/-/g, '').slice(2);
}

export async function nextOrderNumber(
  tx: Transaction<Database>,
  mission: { id: string; timezone: string },
  serviceCode: string,
  now: Date = new Date(),
): Promise<string> {
  const prefix = `${missionPrefix(mission.id)}-${serviceCode}`;
  const day = localDay(mission.timezone, now);
  const row = await tx
    .insertInto('order_sequences')
    .values({ prefix, day, last_value: 1 })
    .onConflict((oc) => oc.columns(['prefix', 'day']).doUpdateSet({ last_value: sql`order_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${prefix}-${day}-${String(row.last_value).padStart(4, '0')}`;
}
