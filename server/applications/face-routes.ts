import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { citizenId } from '../citizen-auth/authenticate';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { certHash, VERIFY_RET_PASSED } from '../wechat/face-verification';
import { WechatApiError } from '../wechat/wechat-login';
import type { ApplicationsContext } from './application-context';
import { applicationDetailSchema, applicationParams, startFaceSchema } from './application-schemas';
import { effectiveFaceStatus, faceAttemptsToday, findOwnedApplication, loadDetail, readAnswers, requireDraft, serviceOf } from './application-view';
import { resolveApplicant } from './applicant';

const faceBusy = () => new ApiError(502, 'FACE_SERVICE_ERROR', serverMessages.faceBusy);

/**
 * 身份核验: WeChat face verification 2.0 for resident-ID applicants, at most
 * `faceDailyLimit` attempts per person per rolling 24 h across all services and accounts;
 * or skip (→ video interview).
 */
export const faceRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  app.post(
    '/api/applications/:id/face/start',
    {
      schema: {
        tags: ['applications'],
        summary: 'Start a face check: returns the verifyId for wx.requestFacialVerify',
        params: applicationParams,
        response: { 200: startFaceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const application = await findOwnedApplication(ctx.db, request.params.id, userId);
      requireDraft(application);
      const service = serviceOf(application);
      const applicant = await resolveApplicant(ctx.db, ctx.pii, service, readAnswers(ctx.pii, application), userId);
      if (!applicant.index || !applicant.cert) throw new ApiError(409, 'FACE_UNAVAILABLE', serverMessages.faceUnavailable);
      const person = applicant.index;
      const user = await ctx.db.selectFrom('users').select('openid').where('id', '=', userId).executeTakeFirstOrThrow();
      const outSeqNo = `f${crypto.randomBytes(12).toString('hex')}`;
      const hash = certHash(applicant.cert);

      // Count and reserve under a per-person lock, so parallel starts cannot exceed the limit.
      const attemptId = await ctx.db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${person.toString('hex')}, 4823003))`.execute(tx);
        if ((await faceAttemptsToday(tx, person)) >= ctx.faceDailyLimit) {
          throw new ApiError(429, 'FACE_LIMIT', serverMessages.faceLimit);
        }
        const row = await tx
          .insertInto('face_attempts')
          .values({ application_id: application.id, user_id: userId, person_index: person, out_seq_no: outSeqNo, cert_hash: hash, openid: user.openid })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      });

      try {
        const { verifyId, expiresIn } = await ctx.face.getVerifyId({ outSeqNo, openid: user.openid, cert: applicant.cert });
        await ctx.db.updateTable('face_attempts').set({ verify_id: verifyId }).where('id', '=', attemptId).execute();
        const used = await faceAttemptsToday(ctx.db, person);
        return { verifyId, expiresIn, attemptsLeft: Math.max(0, ctx.faceDailyLimit - used) };
      } catch (error) {
        // WeChat never started the check: it does not count against the citizen.
        await ctx.db.deleteFrom('face_attempts').where('id', '=', attemptId).execute();
        if (error instanceof WechatApiError) {
          request.log.warn({ errcode: error.errcode }, 'getVerifyId failed');
          throw faceBusy();
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/applications/:id/face/result',
    {
      schema: {
        tags: ['applications'],
        summary: 'After wx.requestFacialVerify: the server asks WeChat for the real result and records it',
        params: applicationParams,
        body: z.object({ verifyId: z.string().min(1).max(256) }),
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const application = await findOwnedApplication(ctx.db, request.params.id, userId);
      requireDraft(application);
      const attempt = await ctx.db
        .selectFrom('face_attempts')
        .selectAll()
        .where('verify_id', '=', request.body.verifyId)
        .where('application_id', '=', application.id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!attempt) throw new ApiError(404, 'FACE_ATTEMPT_NOT_FOUND', serverMessages.faceAttemptNotFound);

      if (!attempt.outcome) {
        let verifyRet: number;
        try {
          ({ verifyRet } = await ctx.face.queryVerifyInfo({
            verifyId: request.body.verifyId,
            outSeqNo: attempt.out_seq_no,
            certHash: attempt.cert_hash,
            openid: attempt.openid,
          }));
        } catch (error) {
          if (error instanceof WechatApiError) {
            request.log.warn({ errcode: error.errcode }, 'queryVerifyInfo failed');
            throw faceBusy();
          }
          throw error;
        }
        const outcome = verifyRet === VERIFY_RET_PASSED ? 'passed' : 'failed';
        await ctx.db.transaction().execute(async (tx) => {
          await tx
            .updateTable('face_attempts')
            .set({ outcome, verify_ret: verifyRet, finished_at: new Date() })
            .where('id', '=', attempt.id)
            .execute();
          const current = await findOwnedApplication(tx, application.id, userId, { forUpdate: true });
          requireDraft(current);
          // A pass for this person stands; a later failure does not undo it.
          const keepPass = current.face_status === 'passed' && current.face_person_index && Buffer.from(current.face_person_index).equals(attempt.person_index);
          if (!keepPass) {
            await tx
              .updateTable('applications')
              .set({ face_status: outcome, face_person_index: attempt.person_index, updated_at: new Date() })
              .where('id', '=', application.id)
              .execute();
          }
          await recordAudit(tx, {
            actorKind: 'citizen',
            actorId: userId,
            missionId: application.mission_id,
            action: 'application.face',
            subject: application.id,
            detail: { outcome, verifyRet },
          });
        });
      }
      return loadDetail(ctx, await findOwnedApplication(ctx.db, application.id, userId));
    },
  );

  app.post(
    '/api/applications/:id/face/skip',
    {
      schema: {
        tags: ['applications'],
        summary: 'Skip the face check (the application will need a video interview)',
        params: applicationParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const row = await ctx.db.transaction().execute(async (tx) => {
        const current = await findOwnedApplication(tx, request.params.id, userId, { forUpdate: true });
        requireDraft(current);
        const applicant = await resolveApplicant(tx, ctx.pii, serviceOf(current), readAnswers(ctx.pii, current), userId);
        // Skipping after a pass for this very applicant changes nothing.
        if (effectiveFaceStatus(current, applicant) === 'passed') return current;
        return tx
          .updateTable('applications')
          .set({ face_status: 'skipped', face_person_index: null, updated_at: new Date() })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return loadDetail(ctx, row);
    },
  );
};
