import { type Kysely, type Selectable, sql } from 'kysely';
import { type HeldPassport, type HeldPassportInput, passportAdvice } from '../../miniprogram/domain/held-passport';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import { UNDER_GUARDIAN_AGE } from '../../miniprogram/domain/services/common-fields';
import { readAnswers } from '../applications/application-view';
import type { Database, HeldPassportTable } from '../db/schema';
import type { PiiCipher } from '../security/pii-cipher';

/**
 * The passports an account's people hold (我的证件). Two sources:
 *   - a completed passport order of the account (for the citizen or a family member they
 *     applied for): recorded by `recordIssuedPassports` — on the citizen's list and before
 *     each reminder sweep — with ON CONFLICT on application_id, so any number of callers
 *     record it once. The order does not tell us the new passport's number or printed
 *     dates, so they are estimated (issued when production finished; valid 10 years, 5 when
 *     the holder was under 16) and shown as such;
 *   - a passport the citizen adds (number sealed, dates as printed).
 */

const BATCH = 200;
/** A Chinese ordinary passport issued to someone under 16 is valid 5 years, otherwise 10. */
const CHILD_VALIDITY_YEARS = 5;
const ADULT_VALIDITY_YEARS = 10;

/** Statuses that mean the passport has been made and handed over (or is on its way). */
const ISSUED_STATUSES = ['ready_for_pickup', 'mailed'];
/** Cases of the passport service that produce a passport (a travel document is another document). */
const PASSPORT_CASES = new Set(['first_issue', 'renewal', 'replacement']);

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** Printed expiry: the day before the anniversary (issued 2016-03-10 → valid to 2026-03-09). */
export function estimatedExpiry(issueDate: string, birthDate: string | undefined): string {
  const [y, m, d] = issueDate.split('-').map(Number);
  const adultOn = birthDate ? `${Number(birthDate.slice(0, 4)) + UNDER_GUARDIAN_AGE}${birthDate.slice(4, 10)}` : '';
  const years = adultOn && issueDate < adultOn ? CHILD_VALIDITY_YEARS : ADULT_VALIDITY_YEARS;
  return isoDay(new Date(Date.UTC(y + years, m - 1, d - 1)));
}

/**
 * Records the passports completed orders produced that are not recorded yet (of one
 * account with `userId`, else of everyone, in batches). Resolves to how many were new.
 */
export async function recordIssuedPassports(db: Kysely<Database>, pii: PiiCipher, scope: { userId?: string } = {}): Promise<number> {
  let recorded = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    let query = db
      .selectFrom('applications as a')
      .leftJoin('held_passports as h', 'h.application_id', 'a.id')
      .selectAll('a')
      .where('a.service', '=', 'passport')
      .where('a.status', '=', 'completed')
      // The fee code says what was made: 'passport' (a travel document has its own), so
      // travel documents are not decrypted on every sweep.
      .where(sql<boolean>`'passport' = any(a.fee_codes)`)
      .where('h.id', 'is', null)
      .where('a.id', '>', after);
    if (scope.userId) query = query.where('a.user_id', '=', scope.userId);
    const rows = await query.orderBy('a.id').limit(BATCH).execute();
    for (const row of rows) {
      const answers = readAnswers(pii, row);
      if (!PASSPORT_CASES.has(String(answerOf(answers, 'case')))) continue;
      const issued = await db
        .selectFrom('application_history')
        .select((eb) => eb.fn.max('at').as('at'))
        .where('application_id', '=', row.id)
        .where('to_status', 'in', ISSUED_STATUSES)
        .executeTakeFirst();
      const issueDate = isoDay(new Date(issued?.at ?? row.status_changed_at ?? row.updated_at));
      const birthDate = answerOf(answers, 'birthDate');
      const self = answerOf(answers, 'applicantRelation') === 'self';
      const inserted = await db
        .insertInto('held_passports')
        .values({
          user_id: row.user_id,
          application_id: row.id,
          mission_id: row.mission_id,
          holder_name: self ? null : row.applicant_name,
          issue_date: issueDate,
          expiry_date: estimatedExpiry(issueDate, typeof birthDate === 'string' ? birthDate : undefined),
          dates_estimated: true,
        })
        .onConflict((oc) => oc.column('application_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) recorded++;
    }
    if (rows.length < BATCH) return recorded;
    after = rows[rows.length - 1].id;
  }
}

/** An estimate this close to a printed expiry is the same passport (production takes weeks, not months). */
const SAME_PASSPORT_DAYS = 120;

/**
 * A passport the citizen holds and enters in 我的证件 (validated by the caller). It replaces
 * the estimate for the same passport from one of their own orders (an estimated expiry
 * within SAME_PASSPORT_DAYS), so one passport is never listed or reminded twice.
 */
export async function addHeldPassport(db: Kysely<Database>, pii: PiiCipher, userId: string, input: HeldPassportInput): Promise<string> {
  await recordIssuedPassports(db, pii, { userId });
  await db
    .updateTable('held_passports')
    .set({ removed_at: new Date() })
    .where('user_id', '=', userId)
    .where('holder_name', 'is', null)
    .where('dates_estimated', '=', true)
    .where('removed_at', 'is', null)
    .where(sql<boolean>`abs(expiry_date - ${input.expiryDate}::date) <= ${SAME_PASSPORT_DAYS}`)
    .execute();
  const user = await db.selectFrom('users').select('mission_id').where('id', '=', userId).executeTakeFirst();
  const row = await db
    .insertInto('held_passports')
    .values({
      user_id: userId,
      mission_id: user?.mission_id ?? null,
      number_enc: pii.encrypt(input.number),
      number_masked: maskIdNumber(input.number),
      issue_date: input.issueDate,
      expiry_date: input.expiryDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A passport as read for the list, the renewal and advice: dates as YYYY-MM-DD, the mission's reminder months. */
export type HeldPassportRow = Omit<Selectable<HeldPassportTable>, 'removed_at' | 'created_at'> & { reminder_months: number[] | null };

/** The account's passports (not removed), soonest expiry first; `id` narrows to one. */
export async function findHeldPassports(db: Kysely<Database>, userId: string, id?: string): Promise<HeldPassportRow[]> {
  let query = db
    .selectFrom('held_passports as h')
    .leftJoin('missions as m', 'm.id', 'h.mission_id')
    .select([
      'h.id',
      'h.user_id',
      'h.application_id',
      'h.mission_id',
      'h.holder_name',
      'h.number_enc',
      'h.number_masked',
      sql<string>`h.issue_date::text`.as('issue_date'),
      sql<string>`h.expiry_date::text`.as('expiry_date'),
      'h.dates_estimated',
      'h.renewal_application_id',
      sql<number[] | null>`m.passport_reminder_months`.as('reminder_months'),
    ])
    .where('h.user_id', '=', userId)
    .where('h.removed_at', 'is', null);
  if (id) query = query.where('h.id', '=', id);
  return query.orderBy('h.expiry_date').orderBy('h.created_at').execute() as Promise<HeldPassportRow[]>;
}

/** Hides a passport from 我的证件 and from reminders; false when it is not the account's. */
export async function removeHeldPassport(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const removed = await db
    .updateTable('held_passports')
    .set({ removed_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return removed !== undefined;
}

export function toHeldPassport(row: HeldPassportRow, renewalDraftOpen: boolean, today: Date): HeldPassport {
  return {
    id: row.id,
    holderName: row.holder_name,
    numberMasked: row.number_masked,
    issueDate: row.issue_date,
    expiryDate: row.expiry_date,
    datesEstimated: row.dates_estimated,
    source: row.application_id ? 'application' : 'added',
    advice: passportAdvice(row.expiry_date, today, row.reminder_months ?? undefined),
    renewalApplicationId: renewalDraftOpen ? row.renewal_application_id : null,
  };
}
