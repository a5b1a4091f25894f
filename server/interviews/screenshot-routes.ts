import crypto from 'node:crypto';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import sharp from 'sharp';
import { z } from 'zod';
import { SCREENSHOT_MAX_BYTES } from '../../miniprogram/domain/interview';
import type { InterviewScreenshotView } from '../../contracts/interviews';
import { recordAudit } from '../audit/audit-log';
import { newStorageKey } from '../files/file-store';
import { claimStaged, deleteStaged, putStaged } from '../files/staged-files';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { missionApplication } from '../applications/application-view';
import { sniffImageFormat } from '../photo/photo-check';
import { requireStaff } from '../staff/authenticate';
import { type InterviewContext, staffOf, UUID } from './interview-context';
import { interviewErrors } from './interview-errors';
import { screenshotSchema } from './interview-schemas';
import { screenshotsOf } from './interview-view';

const TYPES = ['image/png', 'image/jpeg'];
/** A video frame is at most a few megapixels; far beyond that is not a screenshot. */
const MAX_PIXELS = 4096 * 4096;

/** Decodable PNG or JPEG by its bytes (magic bytes, then a full decode); the mime type to store it under. */
async function screenshotMime(body: Buffer): Promise<string> {
  const format = sniffImageFormat(body);
  if (!format) throw interviewErrors.screenshotInvalid();
  try {
    const image = sharp(body, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
    const meta = await image.metadata();
    if (meta.format !== format) throw new Error(`header says ${meta.format}`);
    await image.stats(); // decodes every pixel: a valid header over garbage fails here
  } catch {
    throw interviewErrors.screenshotInvalid();
  }
  return format === 'png' ? 'image/png' : 'image/jpeg';
}

/**
 * Screenshots staff take during the call (the console grabs a frame of the citizen's video):
 * encrypted in the application file store (the same store and cipher as the citizen's
 * documents), listed in the interview panel, read back by staff of the mission (audited).
 */
export const screenshotRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, ctx.staffSessions));
  app.addContentTypeParser(TYPES, { parseAs: 'buffer', bodyLimit: SCREENSHOT_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw interviewErrors.screenshotTooLarge();
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', serverMessages.documentUnsupportedType);
    }
    throw error;
  });

  app.post(
    '/api/console/applications/:id/interview/screenshots',
    {
      bodyLimit: SCREENSHOT_MAX_BYTES,
      schema: {
        tags: ['console'],
        summary: `A screenshot of the call (raw image/png or image/jpeg body, ≤ ${SCREENSHOT_MAX_BYTES / 1024 / 1024} MB), while the order is in 待视频面审`,
        params: z.object({ id: z.string().max(64) }),
        response: { 200: screenshotSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request): Promise<InterviewScreenshotView> => {
      const staff = staffOf(request);
      const order = await missionApplication(db, request.params.id, staff);
      if (order.status !== 'interview') throw interviewErrors.notRequired();
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', serverMessages.documentUnsupportedType);
      if (body.length > SCREENSHOT_MAX_BYTES) throw interviewErrors.screenshotTooLarge();
      const mime = await screenshotMime(body);
      const storageKey = newStorageKey();
      await putStaged(ctx, storageKey, ctx.fileCipher.seal(body, storageKey));
      try {
        const shot = await db.transaction().execute(async (tx) => {
          const call = await tx.selectFrom('interview_calls').select('id').where('application_id', '=', order.id).where('status', '=', 'open').executeTakeFirst();
          const row = await tx
            .insertInto('interview_screenshots')
            .values({
              application_id: order.id,
              call_id: call?.id ?? null,
              storage_key: storageKey,
              mime,
              bytes: body.length,
              sha256: crypto.createHash('sha256').update(body).digest('hex'),
              taken_by: staff.staffId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await claimStaged(tx, storageKey);
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: 'application.interview.screenshot.take',
            subject: order.id,
            detail: { screenshotId: row.id, callId: call?.id ?? null },
          });
          return row;
        });
        return (await screenshotsOf(db, order.id)).find((s) => s.id === shot.id)!;
      } catch (error) {
        await deleteStaged(ctx, storageKey);
        throw error;
      }
    },
  );

  app.get(
    '/api/console/applications/:id/interview/screenshots/:shotId',
    {
      schema: {
        tags: ['console'],
        summary: 'One screenshot of the call (staff of the mission; audited)',
        params: z.object({ id: z.string().max(64), shotId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const order = await missionApplication(db, request.params.id, staff);
      const shot = UUID.test(request.params.shotId)
        ? await db.selectFrom('interview_screenshots').selectAll().where('id', '=', request.params.shotId).where('application_id', '=', order.id).executeTakeFirst()
        : undefined;
      if (!shot) throw interviewErrors.screenshotNotFound();
      const stored = await ctx.files.get(shot.storage_key);
      if (!stored) throw interviewErrors.screenshotNotFound();
      const data = ctx.fileCipher.open(stored, shot.storage_key);
      await recordAudit(db, {
        actorKind: 'staff',
        actorId: staff.staffId,
        missionId: staff.missionId,
        action: 'application.interview.screenshot.read',
        subject: order.id,
        detail: { screenshotId: shot.id },
      });
      return reply.type(shot.mime).header('cache-control', 'private, no-store').send(data);
    },
  );
};
