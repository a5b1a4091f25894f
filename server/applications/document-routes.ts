import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { UploadedDocument } from '../../miniprogram/domain/services/application-api-types';
import type { DocumentKind } from '../../miniprogram/domain/services/definition-types';
import { applicableDocuments, findDocument } from '../../miniprogram/domain/services/engine';
import { citizenId } from '../citizen-auth/authenticate';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { missionPhotoSpec } from '../photo/mission-photo-spec';
import { checkDocumentImage, checkIdPhoto } from '../photo/photo-check';
import type { PhotoFrameSpec } from '../photo/photo-spec';
import { newStorageKey } from '../files/file-store';
import { deleteStaged, putStaged } from '../files/staged-files';
import type { ApplicationsContext } from './application-context';
import { uploadedDocumentSchema } from './application-schemas';
import { findOwnedApplication, readAnswers, requireDraft, serviceOf, toUploadedDocument } from './application-view';
import { checkSignature } from './signature-check';
import { type PreparedUpload, readStoredFile, upsertApplicationFile, withAutoCrop } from './stored-files';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Uploads arrive either as multipart/form-data with the image in the field `file` (what
 * wx.uploadFile sends: `wx.uploadFile({ url, filePath, name: 'file', header })`), or as the
 * raw request body (image/jpeg, image/png, application/octet-stream). Either way the
 * declared type is only a first filter: the bytes are sniffed and decoded by the checks.
 */
const RAW_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];
/** The file part's own Content-Type; some clients write image/jpg. */
const PART_TYPES = [...RAW_TYPES, 'image/jpg'];
export const UPLOAD_FIELD = 'file';

type Prepared = PreparedUpload;

const tooLarge = () => new ApiError(413, 'FILE_TOO_LARGE', serverMessages.documentTooLarge);
const unsupportedType = () => new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', serverMessages.documentUnsupportedType);
const malformedUpload = () => new ApiError(400, 'UPLOAD_MALFORMED', serverMessages.documentUploadMalformed);

/** The uploaded bytes, from a multipart `file` field or the raw body; 413/415/400 otherwise. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    if (!Buffer.isBuffer(request.body)) throw unsupportedType();
    if (request.body.length > MAX_UPLOAD_BYTES) throw tooLarge();
    return request.body;
  }
  try {
    const part = await request.file();
    if (!part || part.fieldname !== UPLOAD_FIELD) {
      part?.file.resume();
      throw new ApiError(400, 'FILE_REQUIRED', serverMessages.documentMissing, { [UPLOAD_FIELD]: serverMessages.documentMissing });
    }
    if (!PART_TYPES.includes(part.mimetype.toLowerCase())) {
      part.file.resume();
      throw unsupportedType();
    }
    // Past limits.fileSize busboy stops the stream and marks it truncated; toBuffer() usually
    // throws FST_REQ_FILE_TOO_LARGE then, but can also hand back the bytes read so far, cut at
    // the limit — which would be judged "not a valid image" instead of "too large".
    const data = await part.toBuffer();
    if (part.file.truncated) throw tooLarge();
    return data;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as FastifyError).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // Too many files/fields/parts, or a form busboy cannot parse.
    throw malformedUpload();
  }
}

/**
 * Checks an upload by the kind of document; returns what is stored, or throws the reason.
 * `photoSpec` is the application's mission's ID photo ranges.
 */
async function prepare(kind: DocumentKind, body: Buffer, photoSpec: PhotoFrameSpec): Promise<Prepared> {
  if (kind === 'signature') {
    const signature = await checkSignature(body);
    if (!signature.ok) throw new ApiError(400, 'IMAGE_REJECTED', signature.message, { file: signature.message });
    return { data: signature.png, mime: 'image/png', ok: true, findings: [] };
  }
  const photo = kind === 'id_photo' ? await checkIdPhoto(body, { frame: photoSpec }) : null;
  const result = photo ?? (await checkDocumentImage(body));
  if (result.findings.some((f) => f.code === 'FILE_TOO_LARGE')) throw tooLarge();
  if (!result.normalized) {
    // Not an image at all (or undecodable): nothing worth keeping.
    const reason = result.findings.find((f) => f.severity === 'error')?.message ?? serverMessages.documentUnsupportedType;
    const message = serverMessages.documentRejected.replace('{reason}', reason);
    throw new ApiError(400, 'IMAGE_REJECTED', message, { file: reason });
  }
  // Decodable but with an error finding (too dark, wrong ratio…): kept with ok=false so the
  // citizen sees the reasons beside the photo; submission refuses it until replaced.
  return { data: result.normalized, mime: 'image/jpeg', ok: result.ok, findings: result.findings, autoCrop: photo?.autoCrop ?? null };
}

/**
 * An encapsulated scope that takes uploads: raw image bodies, one multipart file of at most
 * 5 MB (wx.uploadFile's formData fields are not used, so few and small), and Fastify's own
 * 413/415 in the citizen's words. Documents here, 补充材料 (server/orders/citizen-routes.ts).
 */
export async function acceptUploads(scope: FastifyInstance): Promise<void> {
  scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
  await scope.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024, fieldNameSize: 100, parts: 6, headerPairs: 100 },
  });
  scope.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge();
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') throw unsupportedType();
    throw error;
  });
}

/**
 * Upload and replace one file of an application: the sealed bytes are staged first, then —
 * in one transaction, after `recheck` under the application's row lock (it may have moved
 * on meanwhile) — recorded in place of the previous file, whose bytes are deleted after the
 * commit. A failure deletes the staged bytes and changes nothing.
 */
export async function replaceApplicationFile(
  ctx: ApplicationsContext,
  input: {
    applicationId: string;
    userId: string;
    docId: string;
    kind: DocumentKind;
    prepared: Prepared;
    recheck(tx: Kysely<Database>): Promise<void>;
  },
): Promise<UploadedDocument> {
  const { applicationId, userId, docId, kind, prepared } = input;
  const storageKey = newStorageKey();
  await putStaged(ctx, storageKey, ctx.fileCipher.seal(prepared.data, storageKey));
  let replacedKey: string | null = null;
  try {
    const row = await ctx.db.transaction().execute(async (tx) => {
      await input.recheck(tx);
      const saved = await upsertApplicationFile(tx, { applicationId, ownerUserId: userId, docId, kind, storageKey, prepared });
      replacedKey = saved.replacedKey;
      await tx.updateTable('applications').set({ updated_at: new Date() }).where('id', '=', applicationId).execute();
      return saved.row;
    });
    // Released in the transaction: if this fails, the sweep deletes it; the upload stands.
    if (replacedKey) await deleteStaged(ctx, replacedKey).catch(() => undefined);
    return withAutoCrop(toUploadedDocument(row), prepared);
  } catch (error) {
    await deleteStaged(ctx, storageKey);
    throw error;
  }
}

export const documentRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext }> = async (app, { ctx }) => {
  await acceptUploads(app);

  const params = z.object({ id: z.string().max(64), docId: z.string().max(64) });

  app.post(
    '/api/applications/:id/documents/:docId',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['applications'],
        summary: 'Upload a document image / ID photo / signature PNG (≤ 5 MB): multipart field `file` (wx.uploadFile) or the raw body',
        params,
        response: { 200: uploadedDocumentSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const { id, docId } = request.params;
      const body = await readUpload(request);

      const application = await findOwnedApplication(ctx.db, id, userId);
      requireDraft(application);
      const service = serviceOf(application);
      const doc = findDocument(service, docId);
      if (!doc) throw notFound(serverMessages.documentUnknown);
      const applicable = applicableDocuments(service, readAnswers(ctx.pii, application)).some((d) => d.document.id === docId);
      if (!applicable) throw new ApiError(409, 'DOCUMENT_NOT_NEEDED', serverMessages.documentNotNeeded);

      const prepared = await prepare(doc.kind, body, await missionPhotoSpec(ctx.db, application.mission_id));
      return replaceApplicationFile(ctx, {
        applicationId: id,
        userId,
        docId,
        kind: doc.kind,
        prepared,
        // The application may have been submitted meanwhile.
        recheck: async (tx) => void requireDraft(await findOwnedApplication(tx, id, userId, { forUpdate: true })),
      });
    },
  );

  app.get(
    '/api/applications/:id/documents/:docId',
    {
      schema: { tags: ['applications'], summary: 'Download an uploaded document (owner only)', params },
    },
    async (request, reply) => {
      const application = await findOwnedApplication(ctx.db, request.params.id, citizenId(request));
      const file = await readStoredFile(ctx, application.id, request.params.docId);
      return reply.type(file.mime).header('cache-control', 'private, no-store').send(file.data);
    },
  );
};

/** Shared with the 补充材料 upload (server/orders/citizen-routes.ts). */
export { prepare as prepareUpload, readUpload };
