/**
 * The console's review contract (server/orders/console-*.ts ↔ console/src/api/review-api.ts):
 * the queue, one application, its history, jobs and the audit log. Staff-only, so it lives
 * here and not in miniprogram/domain (which the mini-program ships).
 *
 * The zod schemas are the route's response schemas: the serializer sends exactly these
 * fields, so a column added to a record never leaks into a personal-data view. The types
 * are inferred from them; the console imports the types only (no zod in its bundle).
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../miniprogram/domain/services/application-status';
import type { Requirement } from '../miniprogram/domain/services/order-state-machine';

const statusIds = APPLICATION_STATUSES.map((s) => s.id) as [ApplicationStatus, ...ApplicationStatus[]];
const requirements = ['note', 'items', 'trackingNo'] as const satisfies readonly Requirement[];

export const applicationStatusSchema = z.enum(statusIds);

/** Who holds an order (its claim). */
export const holderSchema = z.object({ id: z.string(), name: z.string() });
export type Holder = z.infer<typeof holderSchema>;

export const queueItemSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  service: z.string(),
  serviceTitle: z.string(),
  status: applicationStatusSchema,
  statusLabel: z.string(),
  applicantName: z.string().nullable(),
  applicantIdMasked: z.string().nullable(),
  inDistrict: z.boolean(),
  queuedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Whole days since queuedAt. */
  waitingDays: z.number(),
  /** The order needs a video interview that is still ahead (not once passed). */
  interviewRequired: z.boolean(),
  /** The member of staff who took the order (claim), if any. */
  claimedBy: holderSchema.nullable(),
  version: z.number(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queuePageSchema>;

const findingSchema = z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'advice']) });

export const consoleFieldSchema = z.object({ id: z.string(), label: z.string(), value: z.string() });
export type ConsoleField = z.infer<typeof consoleFieldSchema>;

export const consoleStepGroupSchema = z.object({ stepId: z.string(), title: z.string(), fields: z.array(consoleFieldSchema) });
export type ConsoleStepGroup = z.infer<typeof consoleStepGroupSchema>;

export const consoleDocumentSchema = z.object({
  docId: z.string(),
  label: z.string(),
  kind: z.enum(['id_photo', 'image', 'signature']),
  url: z.string(),
  ok: z.boolean(),
  findings: z.array(findingSchema),
  uploadedAt: z.string(),
  /** A 补充材料 upload (doc id supplement.<item>). */
  supplement: z.boolean(),
  /** Ids of the answered fields this document proves (passport page → passport number, expiry): shown side by side. */
  proves: z.array(z.string()),
});
export type ConsoleDocument = z.infer<typeof consoleDocumentSchema>;

export const consoleHistoryEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  from: z.string(),
  to: z.string(),
  fromLabel: z.string(),
  toLabel: z.string(),
  actorKind: z.enum(['citizen', 'staff', 'system']),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type ConsoleHistoryEntry = z.infer<typeof consoleHistoryEntrySchema>;

export const consoleAllowedActionSchema = z.object({
  /** An OrderAction, or one of the service's own workflow actions. */
  action: z.string(),
  label: z.string(),
  to: applicationStatusSchema,
  toLabel: z.string(),
  requires: z.array(z.enum(requirements)).readonly(),
  /** interview_passed with no video interview held: records an in-person interview (send inPerson: true). */
  inPerson: z.boolean().optional(),
});
export type ConsoleAllowedAction = z.infer<typeof consoleAllowedActionSchema>;

const labelled = z.object({ id: z.string(), label: z.string() });

export const consoleApplicationSchema = z.object({
  id: z.string(),
  orderNo: z.string().nullable(),
  service: z.string(),
  serviceTitle: z.string(),
  missionId: z.string(),
  status: applicationStatusSchema,
  statusLabel: z.string(),
  version: z.number(),
  applicantName: z.string().nullable(),
  applicantIdMasked: z.string().nullable(),
  inDistrict: z.boolean(),
  queuedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  steps: z.array(consoleStepGroupSchema),
  documents: z.array(consoleDocumentSchema),
  face: z.object({ status: z.enum(['passed', 'failed', 'skipped']).nullable(), label: z.string() }),
  interviewReasons: z.array(labelled),
  fees: z.array(z.string()),
  supplement: z.object({ items: z.array(labelled), note: z.string().nullable() }),
  supplementChoices: z.array(labelled),
  trackingNo: z.string().nullable(),
  refundDue: z.boolean(),
  history: z.array(consoleHistoryEntrySchema),
  allowedActions: z.array(consoleAllowedActionSchema),
  /** What the member of staff must do next (not the citizen's hint). */
  nextStep: z.object({ text: z.string() }),
  claimedBy: holderSchema.nullable(),
});
export type ConsoleApplication = z.infer<typeof consoleApplicationSchema>;

export interface ConsoleActionRequest {
  version: number;
  note?: string;
  items?: string[];
  trackingNo?: string;
  inPerson?: boolean;
}

export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Ids and statuses only: no personal data in the payload view. */
  payload: z.object({ applicationId: z.unknown().optional(), orderNo: z.unknown().optional(), status: z.unknown().optional() }),
});
export type JobView = z.infer<typeof jobViewSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
