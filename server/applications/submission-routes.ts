import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import { effectiveAnswers, feeCodes, validateApplication } from '../../miniprogram/domain/services/engine';
import { submissionTransition } from '../../miniprogram/domain/services/order-state-machine';
import { recordAudit } from '../audit/audit-log';
import { isUniqueViolation } from '../db/errors';
import { citizenId } from '../citizen-auth/authenticate';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import type { ApplicationsContext } from './application-context';
import { applicationDetailSchema, applicationParams } from './application-schemas';
import { engineContext, findOwnedApplication, interviewFor, listFiles, loadDetail, readAnswers, sealAnswers, serviceInReaderLanguage, serviceOf } from './application-view';
import { birthDateContradiction, resolveApplicant } from './applicant';
import { nextOrderNumber } from './order-number';
import { recordSubmission } from '../workflow/submission';
import { createOrderPayment } from '../workflow/payment-orders';

/** Thrown inside the transaction when the applicant already has an active application. */
class DuplicateApplication extends Error {}

/**
 * Submission: re-validates everything with the engine, enforces one active application
 * per applicant and service (checked first for a clear message, guaranteed by the partial
 * unique index under races), and creates the order exactly once — the row lock makes a
 * second tap or a second device see the order the first one created.
 */
export const submissionRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  // Only the caller's own order is named: another account's order number (or anything else
  // about it) would tell a stranger that this person has applied, and through whom.
  const duplicateError = async (applicantIndex: Buffer, service: ServiceDefinition, userId: string) => {
    const existing = await ctx.db
      .selectFrom('applications')
      .select(['order_no', 'user_id'])
      .where('applicant_index', '=', applicantIndex)
      .where('service', '=', service.id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (existing?.user_id === userId) {
      const message = serverMessages.applicationDuplicate.replace('{service}', service.title).replace('{orderNo}', existing.order_no ?? '');
      return new ApiError(409, 'DUPLICATE_APPLICATION', message);
    }
    return new ApiError(409, 'APPLICANT_BLOCKED', serverMessages.applicationApplicantBlocked.replace('{service}', service.title));
  };

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags: ['applications'],
        summary: 'Submit: creates the order (待支付, or 待审核 when paying at the mission)',
        params: applicationParams,
        body: z.object({ confirmNoWithdrawal: z.boolean().optional() }).default({}),
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      // Filled in inside the transaction, read when it fails on a duplicate.
      const seen: { applicantIndex?: Buffer; service?: ServiceDefinition } = {};
      try {
        const row = await ctx.db.transaction().execute(async (tx) => {
          const current = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
          // Already submitted (second tap, other device): the same order, not a second one.
          if (current.order_no) return current;
          if (current.status === 'expired') throw new ApiError(409, 'DRAFT_EXPIRED', serverMessages.applicationExpired);
          if (current.status !== 'draft') throw new ApiError(409, 'NOT_EDITABLE', serverMessages.applicationNotEditable);
          const service = serviceOf(current);
          seen.service = serviceInReaderLanguage(current) ?? service;

          const answers = readAnswers(ctx.pii, current);
          const confirmation = service.rules.confirmationField;
          if (confirmation && request.body.confirmNoWithdrawal === true) answers[confirmation] = true;
          if (confirmation && answerOf(answers, confirmation) !== true) {
            throw new ApiError(400, 'CONFIRMATION_REQUIRED', serverMessages.applicationConfirmRequired, { [confirmation]: serverMessages.applicationConfirmRequired });
          }

          const files = await listFiles(tx, current.id);
          const applicant = await resolveApplicant(tx, ctx.pii, service, answers, userId);
          const engine = engineContext(current, files, applicant);
          // The refusals in the reader's language (the same checks; the service's words differ).
          const words = serviceInReaderLanguage(current) ?? service;
          const check = validateApplication(words, answers, engine);
          if (!check.ok) {
            const fields: Record<string, string> = {};
            for (const [stepId, errors] of Object.entries(check.stepErrors)) {
              for (const [fieldId, message] of Object.entries(errors)) fields[`${stepId}.${fieldId}`] = message;
            }
            const failedChecks = new Set(files.filter((f) => !f.check_ok).map((f) => f.doc_id));
            for (const doc of check.missingDocuments) {
              fields[`documents.${doc.id}`] = failedChecks.has(doc.id) && doc.id === 'id_photo' ? serverMessages.photoFailed : doc.message;
            }
            if (check.face) fields.face = check.face;
            throw new ApiError(400, 'SUBMISSION_INCOMPLETE', serverMessages.applicationIncomplete, fields);
          }
          if (!applicant.index) throw new ApiError(400, 'SUBMISSION_INCOMPLETE', serverMessages.applicationIncomplete);
          const birthDateField = birthDateContradiction(service, answers, applicant);
          if (birthDateField) {
            throw new ApiError(400, 'SUBMISSION_INCOMPLETE', serverMessages.applicationIncomplete, { [birthDateField]: serverMessages.birthDateNotIdNumber });
          }
          seen.applicantIndex = applicant.index;

          // A yearly service (pension): another account's submission for the same person
          // within the window is refused without saying whose it is.
          const months = service.rules.oncePerApplicantWithinMonths;
          if (months) {
            const since = new Date();
            since.setUTCMonth(since.getUTCMonth() - months);
            const elsewhere = await tx
              .selectFrom('applications')
              .select('id')
              .where('applicant_index', '=', applicant.index)
              .where('service', '=', service.id)
              .where('user_id', '<>', userId)
              .where('submitted_at', '>=', since)
              .where('status', 'not in', ['withdrawn', 'expired', 'rejected'])
              .executeTakeFirst();
            if (elsewhere) throw new ApiError(409, 'ALREADY_DONE_ELSEWHERE', words.messages?.alreadyDoneElsewhere ?? serverMessages.applicationAlreadyDoneElsewhere);
          }

          // One applicant, one mission: any active application for this applicant and service.
          const clash = await tx
            .selectFrom('applications')
            .select('id')
            .where('applicant_index', '=', applicant.index)
            .where('service', '=', service.id)
            .where('active', '=', true)
            .executeTakeFirst();
          if (clash) throw new DuplicateApplication();

          const mission = await tx.selectFrom('missions').select(['id', 'timezone']).where('id', '=', current.mission_id).executeTakeFirstOrThrow();
          const orderNo = await nextOrderNumber(tx, mission, service.orderCode);
          const paymentField = service.rules.paymentMethodField;
          const payAtMission = paymentField !== undefined && answerOf(answers, paymentField) === 'at_mission';
          const fees = feeCodes(service, answers);
          // The order's price, fixed now from the mission's fee table; decides 待支付 / 待审核.
          const payment = await createOrderPayment(tx, {
            application: current,
            orderNo,
            service,
            answers: effectiveAnswers(service, answers),
            feeCodes: fees,
            method: payAtMission ? 'at_mission' : 'online',
            expiryMinutes: ctx.config.payments.expiryMinutes,
          });
          const reasons = interviewFor(service, answers, applicant, engine.faceStatus ?? null);
          // Where the order starts: the service's submission transition for these facts.
          const transition = submissionTransition(service, { paysOnline: payment.applicationStatus === 'awaiting_payment', interviewRequired: reasons.length > 0 });
          if (!transition) throw new Error(`service ${service.id} has no submission transition for these facts`);
          const submitted = await tx
            .updateTable('applications')
            .set({
              status: transition.to,
              active: true,
              applicant_index: applicant.index,
              order_no: orderNo,
              // Only what is on the path is kept with the order.
              answers_enc: sealAnswers(ctx.pii, effectiveAnswers(service, answers)),
              interview_reasons: reasons,
              fee_codes: fees,
              submitted_at: new Date(),
              updated_at: new Date(),
              expires_at: null,
            })
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(tx, {
            actorKind: 'citizen',
            actorId: userId,
            missionId: current.mission_id,
            action: 'application.submit',
            subject: current.id,
            detail: { orderNo, service: service.id, interviewReasons: reasons },
          });
          // History, queue place, 消息中心 message and subscription job (server/orders).
          return recordSubmission(tx, ctx.pii, submitted, transition.action);
        });
        return loadDetail(ctx, row);
      } catch (error) {
        // The partial unique index caught a race the pre-check could not see.
        if ((error instanceof DuplicateApplication || isUniqueViolation(error)) && seen.applicantIndex && seen.service) {
          throw await duplicateError(seen.applicantIndex, seen.service, userId);
        }
        throw error;
      }
    },
  );
};
