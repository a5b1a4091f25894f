import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { HeldPassportInput } from '../../miniprogram/domain/held-passport';
import type { IssuedPassportView } from '../../contracts/passports';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import { readAnswers } from '../applications/application-view';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { PiiCipher } from '../security/pii-cipher';
import type { SignedInStaff } from '../staff/authenticate';
import type { ApplicationRow } from '../workflow/transitions';

/**
 * The passport a mission issued for an order, recorded by staff at the issue step
 * (待领取 / 已寄出): its number (sealed) and printed dates. 我的证件 and the reminders then use
 * it instead of the estimate (held-passports.ts). Validated by the caller with the domain's
 * one validator, `validateHeldPassport`.
 */

/** Cases of the passport service that produce a passport (a travel document is another document). */
export const PASSPORT_CASES: ReadonlySet<string> = new Set(['first_issue', 'renewal', 'replacement']);

/** Statuses that mean the passport has been made and handed over (or is on its way): the issue step. */
export const ISSUED_STATUSES: readonly string[] = ['ready_for_pickup', 'mailed'];
/** The issue step and after. */
const ISSUE_STEP = [...ISSUED_STATUSES, 'completed'];
/** Recorded while production runs, just before the issue transition, or at/after the issue step. */
const RECORDABLE = ['in_production', ...ISSUE_STEP];

export const issuedPassportMessages = {
  notAPassportOrder: '该申请不签发护照，无需登记护照资料',
  notInProduction: '该申请尚未进入制证环节，不能登记签发的护照',
  correctionForSupervisors: '签发的护照资料已登记，如需更正请由审核主管操作',
} as const;

/** A completed order of the passport service whose case makes a passport (fee code 'passport'). */
export function issuesPassport(pii: PiiCipher, row: ApplicationRow): boolean {
  if (row.service !== 'passport' || !row.fee_codes.includes('passport')) return false;
  return PASSPORT_CASES.has(String(answerOf(readAnswers(pii, row), 'case')));
}

export async function issuedPassportOf(db: Kysely<Database>, pii: PiiCipher, row: ApplicationRow): Promise<IssuedPassportView> {
  const recorded = await db
    .selectFrom('issued_passports')
    .select(['number_masked', sql<string>`issue_date::text`.as('issue_date'), sql<string>`expiry_date::text`.as('expiry_date')])
    .where('application_id', '=', row.id)
    .executeTakeFirst();
  return {
    required: issuesPassport(pii, row),
    recorded: recorded ? { numberMasked: recorded.number_masked, issueDate: recorded.issue_date, expiryDate: recorded.expiry_date } : null,
  };
}

/**
 * Records (or a supervisor corrects) the issued passport of an order of the staff member's
 * mission. Any member of staff who may take the issue step records it; once the order is past
 * it, changing a recorded passport is a supervisor's. When 我的证件 already holds the order's
 * passport (the order completed first), it takes the real number and dates, and its reminders
 * start over from the real expiry. Runs in the caller's transaction.
 */
export async function recordIssuedPassport(
  db: Kysely<Database>,
  pii: PiiCipher,
  row: ApplicationRow,
  staff: SignedInStaff,
  input: HeldPassportInput,
): Promise<void> {
  if (!issuesPassport(pii, row)) throw new ApiError(409, 'NOT_A_PASSPORT_ORDER', issuedPassportMessages.notAPassportOrder);
  if (!RECORDABLE.includes(row.status)) throw new ApiError(409, 'NOT_IN_PRODUCTION', issuedPassportMessages.notInProduction);
  const existing = await db.selectFrom('issued_passports').select('application_id').where('application_id', '=', row.id).forUpdate().executeTakeFirst();
  if (existing && ISSUE_STEP.includes(row.status) && staff.role === 'reviewer') {
    throw new ApiError(403, 'SUPERVISOR_REQUIRED', issuedPassportMessages.correctionForSupervisors);
  }
  const values = {
    number_enc: pii.encrypt(input.number),
    number_masked: maskIdNumber(input.number),
    issue_date: input.issueDate,
    expiry_date: input.expiryDate,
    recorded_by: staff.staffId,
    recorded_at: new Date(),
  };
  await db
    .insertInto('issued_passports')
    .values({ application_id: row.id, ...values })
    .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
    .execute();
  const held = await db
    .selectFrom('held_passports')
    .select(['id', sql<string>`expiry_date::text`.as('expiry_date')])
    .where('application_id', '=', row.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!held) return;
  await db
    .updateTable('held_passports')
    .set({ number_enc: values.number_enc, number_masked: values.number_masked, issue_date: input.issueDate, expiry_date: input.expiryDate, dates_estimated: false })
    .where('id', '=', held.id)
    .execute();
  // Reminders sent for another expiry were about another day: the sweep reminds anew from the
  // real one (never several at once: it sends only the most urgent open window).
  if (held.expiry_date !== input.expiryDate) await db.deleteFrom('passport_expiry_reminders').where('passport_id', '=', held.id).execute();
}
