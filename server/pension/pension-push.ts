import { type Kysely, type Selectable, sql } from 'kysely';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database, PensionCertificationTable } from '../db/schema';
import { recordAudit } from '../audit/audit-log';
import { enqueueJob, type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { applyTransition } from '../workflow/transitions';
import type { PiiCipher } from '../security/pii-cipher';
import { type AuthorityAnswer, AuthorityUnavailable, type CertificationPush, type PensionAuthorityClient } from './authority-client';
import { addMonths, addWorkingDays, CERTIFICATION_VALID_MONTHS, isoDay, RESULT_WORKING_DAYS } from './pension-dates';
import { pensionMessages } from './pension-messages';

/**
 * The push of a certification to the pension authority, as a job of the shared queue
 * (server/jobs): the service's workflow enqueues `pension.push` when an order reaches
 * 认证中 (at_authority) — right after submission with a passed face check, or when staff
 * confirm the person after a video interview. The job
 *   1. creates the certification row once (its idempotency key, the expected result date),
 *   2. pushes it, signed — or, once pushed, asks for the result (`pension.poll`, every
 *      PENSION_POLL_SECONDS: we poll because an authority on a government network does not
 *      call out to us, and a lost callback would leave a pensioner waiting),
 *   3. records the answer: accepted → 已完成 + the next deadline; rejected → 认证未通过 with
 *      the reason; no answer (down, timeout, unsigned) → the job fails and the queue retries
 *      with backoff — the same idempotency key every time, so the authority keeps one.
 */
export const PENSION_POLL_JOB = 'pension.poll';
const SYSTEM_ACTOR = { kind: 'system', id: 'pension' } as const;

export type CertificationRow = Selectable<PensionCertificationTable>;

export interface PensionPushDeps {
  db: Kysely<Database>;
  pii: PiiCipher;
  client: PensionAuthorityClient;
  pollSeconds: number;
  now?: () => Date;
}

const idempotencyKeyFor = (applicationId: string) => `cc-pension-${applicationId}`;

/** The certification of an order that is at the authority, created on first sight; null otherwise. */
async function certificationFor(db: Kysely<Database>, applicationId: string, now: Date): Promise<CertificationRow | null> {
  const existing = await db.selectFrom('pension_certifications').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  if (existing) return existing;
  const order = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).where('status', '=', 'at_authority').executeTakeFirst();
  if (!order || !order.applicant_index) return null;
  await db
    .insertInto('pension_certifications')
    .values({
      application_id: order.id,
      user_id: order.user_id,
      mission_id: order.mission_id,
      person_index: order.applicant_index,
      person_name: order.applicant_name ?? '',
      person_id_masked: order.applicant_id_masked ?? '',
      agency_code: '',
      idempotency_key: idempotencyKeyFor(order.id),
      verified_by: order.face_status === 'passed' ? 'face' : 'interview',
      expected_result_by: addWorkingDays(now, RESULT_WORKING_DAYS),
    })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute();
  return db.selectFrom('pension_certifications').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
}

/** What is sent: the pensioner's ID number and name, paying agency, social security number, how identity was checked. */
async function pushFor(deps: PensionPushDeps, certification: CertificationRow): Promise<CertificationPush> {
  const { db, pii } = deps;
  const order = await db
    .selectFrom('applications')
    .innerJoin('missions', 'missions.id', 'applications.mission_id')
    .select(['applications.id', 'applications.user_id', 'applications.service', 'applications.answers_enc', 'applications.submitted_at', 'missions.name_zh'])
    .where('applications.id', '=', certification.application_id)
    .executeTakeFirstOrThrow();
  const answers = JSON.parse(pii.decrypt(order.answers_enc)) as Answers;
  const service = findApplicationService(order.service);
  if (!service) throw new PermanentJobError(`unknown service ${order.service}`);
  const fields = service.applicantFields;
  let person: { idNumber: string; name: string };
  if (answerOf(answers, fields.relation) === 'self') {
    const identity = await db.selectFrom('identities').select(['name', 'id_number_enc']).where('user_id', '=', order.user_id).executeTakeFirst();
    if (!identity) throw new PermanentJobError('the account has no verified identity');
    person = { idNumber: pii.decrypt(identity.id_number_enc), name: identity.name };
  } else {
    person = { idNumber: String(answerOf(answers, fields.idNumber) ?? '').toUpperCase(), name: fields.nameFields.map((f) => String(answerOf(answers, f) ?? '')).join('') };
  }
  const verifiedAt = await db
    .selectFrom('application_history')
    .select('at')
    .where('application_id', '=', order.id)
    .where('to_status', '=', 'at_authority')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return {
    idempotencyKey: certification.idempotency_key,
    person,
    agencyCode: String(answerOf(answers, 'payingAgency') ?? ''),
    socialSecurityNumber: String(answerOf(answers, 'socialSecurityNumber') ?? '').toUpperCase(),
    accountName: String(answerOf(answers, 'pensionAccountName') ?? ''),
    verification: { method: certification.verified_by, at: new Date(verifiedAt?.at ?? order.submitted_at ?? Date.now()).toISOString() },
    mission: { id: certification.mission_id, name: order.name_zh },
    submittedAt: new Date(order.submitted_at ?? Date.now()).toISOString(),
  };
}

/** Records the authority's answer in one transaction (certification row, order status, 消息中心). */
export async function recordAnswer(deps: PensionPushDeps, certification: CertificationRow, answer: Exclude<AuthorityAnswer, { kind: 'unknown' }>): Promise<void> {
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction().execute(async (tx) => {
    // Decided once: a second poll or a racing instance finds it decided and does nothing.
    const locked = await tx.selectFrom('pension_certifications').selectAll().where('id', '=', certification.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.push_state === 'accepted' || locked.push_state === 'rejected') return;
    if (answer.kind === 'processing') {
      await tx
        .updateTable('pension_certifications')
        .set({ push_state: 'sent', authority_ref: answer.reference, last_push_error: null, updated_at: now })
        .where('id', '=', locked.id)
        .execute();
      await enqueueJob(tx, {
        kind: PENSION_POLL_JOB,
        missionId: locked.mission_id,
        payload: { applicationId: locked.application_id },
        runAt: new Date(now.getTime() + deps.pollSeconds * 1000),
        maxAttempts: 20,
        backoffMs: 60_000,
      });
      return;
    }
    if (answer.kind === 'accepted') {
      const certifiedOn = isoDay(now);
      const nextDeadline = addMonths(certifiedOn, CERTIFICATION_VALID_MONTHS);
      await tx
        .updateTable('pension_certifications')
        .set({
          push_state: 'accepted',
          authority_ref: answer.reference || locked.authority_ref,
          result_at: now,
          certified_on: certifiedOn,
          next_deadline: nextDeadline,
          last_push_error: null,
          updated_at: now,
        })
        .where('id', '=', locked.id)
        .execute();
      await applyTransition(tx, {
        applicationId: locked.application_id,
        action: 'authority_accepted',
        actor: SYSTEM_ACTOR,
        note: pensionMessages.nextDeadline(nextDeadline),
        data: { reference: answer.reference, nextDeadline },
      });
      return;
    }
    const reason = pensionMessages.rejection[answer.reasonCode] ?? pensionMessages.rejectionFallback(answer.reason);
    await tx
      .updateTable('pension_certifications')
      .set({ push_state: 'rejected', reject_reason: reason, authority_ref: answer.reference ?? locked.authority_ref, result_at: now, last_push_error: null, updated_at: now })
      .where('id', '=', locked.id)
      .execute();
    await applyTransition(tx, {
      applicationId: locked.application_id,
      action: 'authority_rejected',
      actor: SYSTEM_ACTOR,
      note: reason,
      data: { reasonCode: answer.reasonCode, reference: answer.reference },
    });
  });
}

/** The handler of `pension.push` and `pension.poll`. */
export function pensionPushJob(deps: PensionPushDeps): JobHandler {
  return async (job) => {
    const applicationId = (job.payload as { applicationId?: string }).applicationId;
    if (!applicationId) throw new PermanentJobError('bad payload');
    const now = deps.now?.() ?? new Date();
    const certification = await certificationFor(deps.db, applicationId, now);
    if (!certification) return { note: 'the order is not at the authority' };
    if (certification.push_state === 'accepted' || certification.push_state === 'rejected') return { note: `already ${certification.push_state}` };

    const attempt = async (): Promise<Exclude<AuthorityAnswer, { kind: 'unknown' }>> => {
      if (certification.push_state === 'sent') {
        const status = await deps.client.status(certification.idempotency_key);
        if (status.kind !== 'unknown') return status;
      }
      const push = await pushFor(deps, certification);
      await deps.db.updateTable('pension_certifications').set({ agency_code: push.agencyCode }).where('id', '=', certification.id).execute();
      const answer = await deps.client.push(push);
      if (answer.kind === 'unknown') throw new AuthorityUnavailable('the authority does not know a certification it was just sent');
      return answer;
    };

    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(deps.db, { actorKind: 'system', actorId: 'pension', missionId: certification.mission_id, action, subject: certification.application_id, detail });
    try {
      const answer = await attempt();
      await deps.db
        .updateTable('pension_certifications')
        .set({ push_attempts: sql`push_attempts + 1`, last_push_at: now, last_push_error: null })
        .where('id', '=', certification.id)
        .execute();
      await audit(certification.push_state === 'sent' ? 'pension.polled' : 'pension.pushed', { answer: answer.kind, attempt: job.attempts });
      await recordAnswer(deps, certification, answer);
      return answer.kind === 'processing' ? { note: 'pushed; waiting for the result' } : undefined;
    } catch (error) {
      if (!(error instanceof AuthorityUnavailable)) throw error;
      // Kept queued, visibly: staff see the error; the queue retries with backoff.
      await deps.db
        .updateTable('pension_certifications')
        .set({ push_attempts: sql`push_attempts + 1`, last_push_at: now, last_push_error: error.message.slice(0, 300), updated_at: now })
        .where('id', '=', certification.id)
        .execute();
      await audit('pension.push_failed', { error: error.message.slice(0, 300), attempt: job.attempts, willRetry: job.attempts < job.max_attempts });
      throw error;
    }
  };
}
