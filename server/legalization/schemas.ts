import { z } from 'zod';
import type { AuthorityList, VerifyLegalizationResponse } from '../../miniprogram/domain/info-api-types';
import type { ImportBatch, LegalizationRecord } from '../../contracts/legalization';
import { DOCUMENT_TYPES, DocumentType } from '../../miniprogram/domain/legalization';
import { errorBodySchema, errorResponses } from '../http/schemas';

const documentTypeSchema = z.enum(DOCUMENT_TYPES as [DocumentType, ...DocumentType[]]);

export const authorityListSchema = z.object({
  authorities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['ministry', 'foreign_affairs_office', 'mission']),
      nameZh: z.string(),
      nameEn: z.string(),
    }),
  ),
}) satisfies z.ZodType<AuthorityList>;

const verifiedRecordSchema = z.object({
  documentType: documentTypeSchema,
  documentTypeZh: z.string(),
  issuedOn: z.string(),
  authorityId: z.string(),
  authorityName: z.string(),
});

/** The three answers of a public registry check, around the registry's own record shape. */
export function verifyAnswerSchema<Shape extends z.ZodRawShape>(record: z.ZodObject<Shape>) {
  return z.discriminatedUnion('result', [
    z.object({ result: z.literal('genuine'), record }),
    z.object({ result: z.literal('revoked'), record: record.extend({ revokedOn: z.string() }) }),
    z.object({ result: z.literal('not_found') }),
  ]);
}

export const verifyResponseSchema = verifyAnswerSchema(verifiedRecordSchema) satisfies z.ZodType<VerifyLegalizationResponse>;

/** The record columns every registry shares, as the console sees them. */
export const registryRecordStatusShape = {
  id: z.string(),
  status: z.enum(['genuine', 'revoked']),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
};

export const recordSchema = z.object({
  legalizationNo: z.string(),
  stickerNoMasked: z.string(),
  authorityId: z.string(),
  authorityName: z.string(),
  documentType: documentTypeSchema,
  issuedOn: z.string(),
  ...registryRecordStatusShape,
}) satisfies z.ZodType<LegalizationRecord>;

export const batchSchema = z.object({
  id: z.string(),
  fileName: z.string().nullable(),
  rowCount: z.number().int(),
  staffId: z.string(),
  createdAt: z.string(),
}) satisfies z.ZodType<ImportBatch>;

/** 400 from the import: the usual error body, plus the offending lines for CSV errors. */
export const importErrorSchema = z.object({
  error: errorBodySchema.shape.error.extend({
    lines: z.array(z.object({ line: z.number().int(), message: z.string() })).optional(),
    lineCount: z.number().int().optional(),
  }),
});

export const importErrorResponses = { ...errorResponses, 400: importErrorSchema } as const;
