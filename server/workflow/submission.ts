import type { Kysely } from 'kysely';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';
import type { PiiCipher } from '../security/pii-cipher';
import { isInDistrict } from './district';
import { type ApplicationRow, recordHistoryAndNotify } from './transitions';

/** Name and masked ID number of the applicant, for the queue (never the full number). */
export async function applicantDisplay(
  db: Kysely<Database>,
  order: Pick<ApplicationRow, 'service' | 'user_id'>,
  answers: Answers,
): Promise<{ name: string | null; masked: string | null; tail: string | null }> {
  const service = findApplicationService(order.service);
  if (!service) return { name: null, masked: null, tail: null };
  const fields = service.applicantFields;
  if (answerOf(answers, fields.relation) === 'self' || answerOf(answers, fields.relation) === undefined) {
    const identity = await db.selectFrom('identities').select(['name', 'id_number_masked']).where('user_id', '=', order.user_id).executeTakeFirst();
    if (identity && answerOf(answers, fields.relation) === 'self') {
      return { name: identity.name, masked: identity.id_number_masked, tail: identity.id_number_masked.slice(-4).toUpperCase() };
    }
  }
  const name = fields.nameFields.map((f) => String(answerOf(answers, f) ?? '')).join('') || null;
  const idNumber = answerOf(answers, fields.idNumber);
  if (typeof idNumber === 'string' && idNumber.length >= 4) {
    const normalized = idNumber.trim().toUpperCase();
    return { name, masked: maskIdNumber(normalized), tail: normalized.slice(-4) };
  }
  return { name, masked: null, tail: null };
}

/**
 * Called by the submit route inside its transaction, right after the order was created
 * (draft → the status of the service's submission transition `action`): stores the queue columns (place, district, applicant's name
 * and masked number, hint inputs) and records the transition (history, message,
 * subscription job) like every later one.
 */
export async function recordSubmission(db: Kysely<Database>, pii: PiiCipher, order: ApplicationRow, action: string): Promise<ApplicationRow> {
  const answers = JSON.parse(pii.decrypt(order.answers_enc)) as Answers;
  const mission = await db.selectFrom('missions').select(['id', 'country_code', 'district_zh']).where('id', '=', order.mission_id).executeTakeFirstOrThrow();
  const sameCountry = await db.selectFrom('missions').select(['id', 'country_code', 'district_zh']).where('country_code', '=', mission.country_code).execute();
  const applicant = await applicantDisplay(db, order, answers);
  const now = new Date();
  const updated = await db
    .updateTable('applications')
    .set({
      version: order.version + 1,
      status_changed_at: now,
      // In the queue from now unless it waits for payment first.
      queue_at: order.status === 'awaiting_payment' ? order.queue_at : (order.queue_at ?? now),
      cross_district: !isInDistrict(mission, sameCountry, {
        district: findApplicationService(order.service)?.rules.district ?? 'residence',
        residenceCountry: answers.residenceCountry,
        addressAbroad: answers.addressAbroad,
      }),
      applicant_name: applicant.name,
      applicant_id_masked: applicant.masked,
      applicant_id_tail: applicant.tail,
      mail_old_passport: answers.materialsSubmission === 'mail_old_passport',
      collection: typeof answers.collection === 'string' ? answers.collection : null,
    })
    .where('id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordHistoryAndNotify(db, {
    order: updated,
    actor: { kind: 'citizen', id: order.user_id },
    action,
    from: 'draft',
    to: order.status,
    note: null,
    data: {},
  });
  return updated;
}
