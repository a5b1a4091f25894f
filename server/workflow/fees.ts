import type { Kysely } from 'kysely';
import type { Answers, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import { feeCodes } from '../../miniprogram/domain/services/engine';
import { FEE_OPTION_LABELS, type FeeLine, type FeeOption } from '../../miniprogram/domain/services/payment-api-types';
import type { MissionFees } from '../../contracts/payments';
import { applicationServices } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';

/**
 * Fees: each mission has a table of amounts per fee code (the service definitions'
 * `fees[].code`) and processing option, in its currency's minor unit (fen). An order is
 * priced from the codes its answers call for (engine `feeCodes`) at submission, and that
 * price is kept with the order (payments.amount_fen / items).
 */
export const FEE_OPTIONS: readonly FeeOption[] = ['normal', 'express', 'urgent'];

export interface FeeCodeInfo {
  code: string;
  label: string;
  service: ServiceDefinition;
}

/** Every fee code the services define (a code belongs to one service). */
export function allFeeCodes(): FeeCodeInfo[] {
  return applicationServices().flatMap((service) => service.fees.map((fee) => ({ code: fee.code, label: fee.label, service })));
}

export function feeCodeInfo(code: string): FeeCodeInfo | undefined {
  return allFeeCodes().find((fee) => fee.code === code);
}

/**
 * The processing option an application is priced at. The service definitions do not ask
 * for a speed yet, so every order is 'normal'; when a definition grows such a field, read
 * it here (and only here).
 */
export function feeOptionFor(_service: ServiceDefinition, _answers: Answers): FeeOption {
  return 'normal';
}

/**
 * Demo amounts seeded for every mission of an empty fee table (CNY, fen): each service's
 * fee declarations carry theirs (`demoAmountsFen`) — a mission sets its real table in the console.
 */
export const DEMO_FEES: ReadonlyArray<{ code: string; option: FeeOption; amountFen: number }> = applicationServices().flatMap((service) =>
  service.fees.flatMap((fee) =>
    FEE_OPTIONS.flatMap((option) => {
      const amountFen = fee.demoAmountsFen?.[option];
      return amountFen === undefined ? [] : [{ code: fee.code, option, amountFen }];
    }),
  ),
);

/** First start (or first start with payments): every mission gets the demo table. Later edits are kept. */
export async function seedDemoFees(db: Kysely<Database>): Promise<number> {
  const existing = await db.selectFrom('mission_fees').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const missions = await db.selectFrom('missions').select('id').execute();
  if (missions.length === 0) return 0;
  const rows = missions.flatMap((mission) =>
    DEMO_FEES.map((fee) => ({ mission_id: mission.id, fee_code: fee.code, fee_option: fee.option, amount_fen: fee.amountFen, currency: 'CNY' })),
  );
  await db
    .insertInto('mission_fees')
    .values(rows)
    .onConflict((oc) => oc.columns(['mission_id', 'fee_code', 'fee_option']).doNothing())
    .execute();
  return rows.length;
}

export interface FeeRow {
  code: string;
  option: FeeOption;
  amountFen: number;
  currency: string;
  updatedAt: Date;
}

export async function missionFeeRows(db: Kysely<Database>, missionId: string): Promise<FeeRow[]> {
  const rows = await db
    .selectFrom('mission_fees')
    .select(['fee_code', 'fee_option', 'amount_fen', 'currency', 'updated_at'])
    .where('mission_id', '=', missionId)
    .execute();
  const order = allFeeCodes().map((fee) => fee.code);
  return rows
    .map((row) => ({ code: row.fee_code, option: row.fee_option, amountFen: row.amount_fen, currency: row.currency, updatedAt: new Date(row.updated_at) }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || FEE_OPTIONS.indexOf(a.option) - FEE_OPTIONS.indexOf(b.option));
}

/** The public table, with labels: what each fee is called and which service it belongs to. */
/** The topic of a mission's fee table on the invalidation bus (key: mission id). */
export const FEES_TOPIC = 'fees';

export async function missionFees(db: Kysely<Database>, missionId: string): Promise<MissionFees> {
  const rows = await missionFeeRows(db, missionId);
  return {
    missionId,
    fees: rows.flatMap((row) => {
      const info = feeCodeInfo(row.code);
      if (!info) return [];
      return [
        {
          service: info.service.id,
          serviceTitle: info.service.title,
          code: row.code,
          label: info.label,
          option: row.option,
          optionLabel: FEE_OPTION_LABELS[row.option],
          amountFen: row.amountFen,
          currency: row.currency,
        },
      ];
    }),
  };
}

export interface Quote {
  option: FeeOption;
  amountFen: number;
  currency: string;
  items: FeeLine[];
}

/** The mission has no amount for a fee the application needs (or mixes currencies). */
export class FeeNotConfigured extends Error {}

/** Prices fee codes at a mission: one line per code, all in one currency. */
export async function quote(db: Kysely<Database>, missionId: string, codes: readonly string[], option: FeeOption): Promise<Quote> {
  const rows = codes.length
    ? await db
        .selectFrom('mission_fees')
        .select(['fee_code', 'amount_fen', 'currency'])
        .where('mission_id', '=', missionId)
        .where('fee_code', 'in', [...codes])
        .where('fee_option', '=', option)
        .execute()
    : [];
  const items: FeeLine[] = [];
  const currencies = new Set<string>();
  for (const code of codes) {
    const row = rows.find((r) => r.fee_code === code);
    if (!row) throw new FeeNotConfigured(`mission ${missionId} has no ${option} amount for ${code}`);
    currencies.add(row.currency);
    items.push({ code, label: feeCodeInfo(code)?.label ?? code, option, amountFen: row.amount_fen });
  }
  if (currencies.size > 1) throw new FeeNotConfigured(`mission ${missionId} mixes currencies for ${codes.join(', ')}`);
  return { option, items, amountFen: items.reduce((sum, item) => sum + item.amountFen, 0), currency: [...currencies][0] ?? 'CNY' };
}

/** What an application's answers cost at its mission now (drafts; orders keep their own price). */
export function quoteApplication(db: Kysely<Database>, missionId: string, service: ServiceDefinition, answers: Answers): Promise<Quote> {
  return quote(db, missionId, feeCodes(service, answers), feeOptionFor(service, answers));
}
