import type { Kysely } from 'kysely';
import { heldPassportMessages as hm, type RenewalDraft } from '../../miniprogram/domain/held-passport';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { firstIncompleteStep, pathThrough } from '../../miniprogram/domain/services/engine';
import { passportService } from '../../miniprogram/domain/services/passport';
import type { ApplicationsContext } from '../applications/application-context';
import { loadIdentity } from '../applications/applicant';
import { readAnswers, sealAnswers } from '../applications/application-view';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { serverMessages } from '../messages';
import type { HeldPassportRow } from './held-passports';

/**
 * A renewal already filled in from the last application, as a draft the citizen reviews
 * step by step and submits themselves (nothing is submitted here). What is copied and why
 * (docs/expiry-reminders.md):
 *   - copied: who the applicant is, personal details, family, guardian, contacts and
 *     addresses, occupation and last exit from China — facts about the person that rarely
 *     change and that the citizen sees again on every step and on the review page;
 *   - set anew: the case (renewal) and its reason (expired / expiring, from the dates),
 *     the current passport (the one being renewed: its number and expiry when the citizen
 *     entered them; an order's old "current passport" is the one it replaced);
 *   - never: the photo, the signature and every uploaded document (files are not copied at
 *     all), the declaration, the face check, travel history (last exit), loss details, and
 *     the per-order choices (how materials are sent, collection, mail address, payment).
 */
export const COPIED_FIELDS: readonly string[] = [
  'applicantRelation', 'applicantIdType', 'applicantIdNumber',
  'surnameZh', 'givenNameZh', 'surnamePinyin', 'givenNamePinyin', 'sex', 'birthDate', 'birthPlace',
  'fatherName', 'motherName', 'maritalStatus', 'spouseName',
  'guardianName', 'guardianRelation', 'guardianIdType', 'guardianIdNumber', 'guardianPhone',
  'phone', 'email', 'residenceCountry', 'addressAbroad', 'addressInChina', 'domesticContactName', 'domesticContactPhone',
  'occupation', 'employer', 'lastExitDate', 'lastExitPort',
];

/**
 * The application to copy from, with its answers: the passport's own order, else (a
 * passport the citizen added) the account's newest order for a passport for themselves.
 */
async function sourceApplication(db: Kysely<Database>, pii: ApplicationsContext['pii'], passport: HeldPassportRow) {
  let query = db.selectFrom('applications').selectAll();
  query = passport.application_id
    ? query.where('id', '=', passport.application_id)
    : query.where('user_id', '=', passport.user_id).where('service', '=', 'passport').where('order_no', 'is not', null).orderBy('submitted_at', 'desc').limit(20);
  for (const row of await query.execute()) {
    const answers = readAnswers(pii, row);
    if (passport.application_id || answers.applicantRelation === 'self') return { row, answers };
  }
  return null;
}

export function renewalAnswers(source: Answers | null, passport: HeldPassportRow, pii: ApplicationsContext['pii'], today: Date): { answers: Answers; copied: string[] } {
  const answers: Answers = {};
  const copied: string[] = [];
  for (const id of COPIED_FIELDS) {
    if (source && source[id] !== undefined && source[id] !== '') {
      answers[id] = source[id];
      copied.push(id);
    }
  }
  answers.case = 'renewal';
  if (!source) answers.applicantRelation = 'self';
  answers.renewalReason = passport.expiry_date <= today.toISOString().slice(0, 10) ? 'expired' : 'expiring';
  if (passport.number_enc) {
    answers.currentPassportNumber = pii.decrypt(passport.number_enc);
    answers.currentPassportExpiry = passport.expiry_date;
  }
  return { answers, copied };
}

/**
 * Opens (or reopens) the renewal draft for a held passport. The draft resumes at the first
 * step that is not complete with what was copied — the current passport when its number is
 * not known, else the signature, then the photo and documents.
 */
export async function prefillRenewal(ctx: ApplicationsContext, passport: HeldPassportRow, now: Date): Promise<RenewalDraft> {
  const { db, pii } = ctx;
  if (!(await loadIdentity(db, passport.user_id))) throw new ApiError(403, 'IDENTITY_REQUIRED', serverMessages.identityRequired);
  return db.transaction().execute(async (tx) => {
    // Row lock: two taps on the reminder open one draft.
    const current = await tx.selectFrom('held_passports').select('renewal_application_id').where('id', '=', passport.id).forUpdate().executeTakeFirstOrThrow();
    if (current.renewal_application_id) {
      const open = await tx
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', current.renewal_application_id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (open) {
        const answers = readAnswers(pii, open);
        return { applicationId: open.id, step: firstIncompleteStep(passportService, answers)?.id ?? open.current_step, copied: [] };
      }
    }
    const source = await sourceApplication(tx, pii, passport);
    const { answers, copied } = renewalAnswers(source?.answers ?? null, passport, pii, now);
    const missionId = source?.row.mission_id ?? passport.mission_id ?? (await tx.selectFrom('users').select('mission_id').where('id', '=', passport.user_id).executeTakeFirst())?.mission_id;
    if (!missionId) throw new ApiError(409, 'MISSION_REQUIRED', hm.renewalNoMission);
    const step = firstIncompleteStep(passportService, answers) ?? pathThrough(passportService, answers)[0];
    const row = await tx
      .insertInto('applications')
      .values({
        user_id: passport.user_id,
        mission_id: missionId,
        service: 'passport',
        answers_enc: sealAnswers(pii, answers),
        current_step: step.id,
        expires_at: new Date(now.getTime() + ctx.draftDays * 24 * 60 * 60 * 1000),
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('held_passports').set({ renewal_application_id: row.id }).where('id', '=', passport.id).execute();
    return { applicationId: row.id, step: step.id, copied };
  });
}
