/**
 * 养老金资格认证's staff contract (server/pension/console-routes.ts ↔ console/src/api/pension-api.ts):
 * the mission's certifications waiting for an interview, pushes to the authority, results and
 * one certification's audit trail. The zod schemas are the routes' response schemas; the
 * console imports the inferred types only (no zod in its bundle).
 */
import { z } from 'zod';

export const pensionPushRowSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  personName: z.string(),
  personIdMasked: z.string(),
  state: z.enum(['waiting', 'retrying', 'failed', 'sent', 'accepted', 'rejected']),
  stateLabel: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  expectedResultBy: z.string(),
  authorityRef: z.string().nullable(),
  reason: z.string().nullable(),
  canRetry: z.boolean(),
});
export type PensionPushRow = z.infer<typeof pensionPushRowSchema>;

export const pensionInterviewRowSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  personName: z.string(),
  personIdMasked: z.string(),
  submittedAt: z.string().nullable(),
  reasons: z.array(z.string()),
  version: z.number().int(),
});
export type PensionInterviewRow = z.infer<typeof pensionInterviewRowSchema>;

/** GET /api/console/pension */
export const pensionOverviewSchema = z.object({
  interviews: z.array(pensionInterviewRowSchema),
  pushes: z.array(pensionPushRowSchema),
  decided: z.array(pensionPushRowSchema),
});
export type PensionOverview = z.infer<typeof pensionOverviewSchema>;

/** GET /api/console/pension/:applicationId/audit */
export const pensionAuditSchema = z.object({
  entries: z.array(z.object({ at: z.string(), actorKind: z.string(), actorName: z.string().nullable(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
  jobs: z.array(z.object({ kind: z.string(), status: z.string(), attempts: z.number().int(), lastError: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable() })),
});
export type PensionAudit = z.infer<typeof pensionAuditSchema>;
