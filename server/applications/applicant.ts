import type { Kysely } from 'kysely';
import { checkIdNumber, residentIdBirthDate } from '../../miniprogram/domain/identity';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import type { Answers, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import type { Database } from '../db/schema';
import type { PiiCipher } from '../security/pii-cipher';

/**
 * Who an application is for. The applicant is identified by the same keyed hash as
 * verified identities (`type:number`), so "one applicant, one active application" holds
 * whether they apply themselves or a relative applies for them, from any account.
 */
export interface Applicant {
  /** Null while the answers do not identify anyone yet. */
  index: Buffer | null;
  /** 'resident_id' | 'passport' | 'none' | null (unknown yet). */
  idType: string | null;
  /** For face verification: only resident ID holders. */
  cert: { certName: string; certNo: string } | null;
}

export async function loadIdentity(db: Kysely<Database>, userId: string) {
  return db.selectFrom('identities').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function resolveApplicant(
  db: Kysely<Database>,
  pii: PiiCipher,
  service: ServiceDefinition,
  answers: Answers,
  userId: string,
): Promise<Applicant> {
  const fields = service.applicantFields;
  const relation = answerOf(answers, fields.relation);
  if (relation === 'self') {
    const identity = await loadIdentity(db, userId);
    if (!identity) return { index: null, idType: null, cert: null };
    return {
      index: Buffer.from(identity.id_number_index),
      idType: identity.id_type,
      cert: identity.id_type === 'resident_id' ? { certName: identity.name, certNo: pii.decrypt(identity.id_number_enc) } : null,
    };
  }
  const idType = answerOf(answers, fields.idType);
  const name = fields.nameFields.map((f) => answerOf(answers, f) ?? '').join('');
  if (idType === 'resident_id' || idType === 'passport') {
    const checked = checkIdNumber(idType, answerOf(answers, fields.idNumber));
    if (!checked.ok) return { index: null, idType, cert: null };
    return {
      index: pii.blindIndex(`${idType}:${checked.value}`),
      idType,
      cert: idType === 'resident_id' && name ? { certName: name, certNo: checked.value } : null,
    };
  }
  if (idType === 'none') {
    // No document at all (a child born abroad): name + birth date + sex is the best key.
    const birth = service.birthDateField ? answerOf(answers, service.birthDateField) : undefined;
    const sex = answerOf(answers, 'sex');
    if (!name || typeof birth !== 'string') return { index: null, idType, cert: null };
    return { index: pii.blindIndex(`none:${name}:${birth}:${sex ?? ''}`), idType, cert: null };
  }
  return { index: null, idType: null, cert: null };
}

/**
 * A resident ID number encodes its holder's birth date: an application for someone else whose
 * answered birth date differs is not for the person the number names (a typo, or a stranger's
 * number typed in to block them). Applying for oneself uses the verified identity instead.
 * Returns the `step.field` key to report, or null when they agree (or nothing to compare).
 */
export function birthDateContradiction(service: ServiceDefinition, answers: Answers, applicant: Applicant): string | null {
  const field = service.birthDateField;
  if (!field || answerOf(answers, service.applicantFields.relation) === 'self') return null;
  const birth = answerOf(answers, field);
  if (applicant.idType !== 'resident_id' || !applicant.cert || typeof birth !== 'string') return null;
  if (residentIdBirthDate(applicant.cert.certNo) === birth.slice(0, 10)) return null;
  const step = service.steps.find((s) => s.fields.includes(field));
  return step ? `${step.id}.${field}` : field;
}
