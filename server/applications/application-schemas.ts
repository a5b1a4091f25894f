import { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationList,
  LatestDraft,
  ApplicationSummary,
  StartFaceResponse,
  UploadedDocument,
} from '../../miniprogram/domain/services/application-api-types';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { serverMessages } from '../messages';
import { paymentViewSchema } from '../../contracts/payments';

/** Response schemas of the applications API, checked against the shared API types. */

const statusIds = APPLICATION_STATUSES.map((s) => s.id) as [ApplicationStatus, ...ApplicationStatus[]];

/**
 * A registered service's id. Checked against the registry when a value is parsed (not
 * frozen into an enum when this module loads), so a service registered later is known.
 */
export const serviceIdSchema = z.string().refine((id) => findApplicationService(id) !== undefined, { message: serverMessages.applicationServiceUnknown });

export const applicationSummarySchema = z.object({
  id: z.string(),
  service: serviceIdSchema,
  serviceTitle: z.string(),
  missionId: z.string(),
  status: z.enum(statusIds),
  statusLabel: z.string(),
  orderNo: z.string().nullable(),
  currentStep: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  nextStep: z
    .object({
      who: z.enum(['citizen', 'mission', 'none']),
      todo: z.enum(['pay', 'continue', 'supplement', 'interview', 'mail_passport', 'collect', 'receive']).nullable(),
      text: z.string(),
    })
    .optional(),
}) satisfies z.ZodType<ApplicationSummary>;

const findingsSchema = z.array(z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'advice']) }));

export const uploadedDocumentSchema = z.object({
  docId: z.string(),
  kind: z.enum(['id_photo', 'image', 'signature']),
  mime: z.string(),
  bytes: z.number(),
  ok: z.boolean(),
  findings: findingsSchema,
  uploadedAt: z.string(),
  autoCrop: z.object({ jpegBase64: z.string(), width: z.number(), height: z.number(), findings: findingsSchema }).optional(),
}) satisfies z.ZodType<UploadedDocument>;

export const applicationDetailSchema = applicationSummarySchema.extend({
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  path: z.array(z.string()),
  firstIncompleteStep: z.string().nullable(),
  documents: z.array(uploadedDocumentSchema),
  face: z.object({ status: z.enum(['passed', 'failed', 'skipped']).nullable(), attemptsLeftToday: z.number() }),
  interviewReasons: z.array(z.enum(['minor', 'face_failed', 'face_skipped', 'passport_only'])),
  interviewRequired: z.boolean(),
  fees: z.array(z.string()),
  payment: paymentViewSchema.nullable().optional(),
}) satisfies z.ZodType<ApplicationDetail>;

export const applicationListSchema = z.object({ applications: z.array(applicationSummarySchema) }) satisfies z.ZodType<ApplicationList>;

export const latestDraftSchema = z.object({ draft: applicationDetailSchema.nullable() }) satisfies z.ZodType<LatestDraft>;

export const startFaceSchema = z.object({ verifyId: z.string(), expiresIn: z.number(), attemptsLeft: z.number() }) satisfies z.ZodType<StartFaceResponse>;

export const applicationParams = z.object({ id: z.string().max(64) });
