import { z } from 'zod';
import type { PensionCertificationView, PensionPerson } from '../../miniprogram/domain/services/pension-api-types';

/** Response schemas of the pension API, checked against the shared API types. */
export const certificationViewSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  hint: z.string(),
  person: z.object({ name: z.string(), idMasked: z.string() }),
  agency: z.object({ code: z.string(), name: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  expectedResultBy: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  reason: z.string().nullable(),
  queuedNote: z.string().nullable(),
  paperForm: z.object({ text: z.string(), missionName: z.string(), address: z.string(), hours: z.string(), phone: z.string() }).nullable(),
}) satisfies z.ZodType<PensionCertificationView>;

export const pensionPersonSchema = z.object({
  latestApplicationId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  certifiedOn: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  latest: certificationViewSchema,
  history: z.array(certificationViewSchema),
  canRecertify: z.boolean(),
}) satisfies z.ZodType<PensionPerson>;

export const applicationIdParams = z.object({ applicationId: z.string().uuid() });
