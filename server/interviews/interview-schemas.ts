import { z } from 'zod';
import type { CallTicket, CitizenInterview } from '../../miniprogram/domain/interview';
import {
  type CallJoin,
  type CallStart,
  type ConsoleInterview,
  type ConsoleSchedule,
  type ConsoleSlotView,
  type CreateSlotsResult,
  type InterviewScreenshotView,
  SIGNAL_KINDS,
  type SignalKind,
  type SignalPage,
} from '../../contracts/interviews';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../miniprogram/domain/services/application-status';

/** Response schemas of the interview API, checked against the shared types (miniprogram/domain/interview.ts, contracts/interviews.ts). */

const statusIds = APPLICATION_STATUSES.map((s) => s.id) as [ApplicationStatus, ...ApplicationStatus[]];
export const signalKinds = SIGNAL_KINDS as [SignalKind, ...SignalKind[]];
const bookingStatus = z.enum(['booked', 'cancelled', 'held', 'missed']);
const callSide = z.enum(['staff', 'citizen']);

const zonedLabelSchema = z.object({ date: z.string(), time: z.string(), dateLabel: z.string(), offset: z.string() });
const slotSchema = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), minutes: z.number(), local: zonedLabelSchema });
const bookingSchema = z.object({
  id: z.string(),
  slotId: z.string(),
  status: bookingStatus,
  statusLabel: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  local: zonedLabelSchema,
  bookedAt: z.string(),
  canChange: z.boolean(),
  note: z.string().nullable(),
});
const callSchema = z.object({ id: z.string(), status: z.enum(['open', 'ended']), startedAt: z.string(), endedAt: z.string().nullable() });
const iceServerSchema = z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() });

export const citizenInterviewSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  status: z.enum(statusIds),
  required: z.boolean(),
  mission: z.object({ id: z.string(), nameZh: z.string(), cityZh: z.string(), cityEn: z.string(), timeZone: z.string(), phone: z.string() }),
  timeZoneLabel: z.string(),
  timeZoneOffset: z.string(),
  booking: bookingSchema.nullable(),
  call: callSchema.nullable(),
  days: z.array(z.object({ date: z.string(), dateLabel: z.string(), slots: z.array(slotSchema) })),
  past: z.array(bookingSchema),
  heldNotice: z.string().nullable(),
}) satisfies z.ZodType<CitizenInterview>;

export const screenshotSchema = z.object({ id: z.string(), takenAt: z.string(), takenBy: z.string(), url: z.string() }) satisfies z.ZodType<InterviewScreenshotView>;

export const consoleInterviewSchema = z.object({
  applicationId: z.string(),
  status: z.enum(statusIds),
  timeZone: z.string(),
  timeZoneLabel: z.string(),
  booking: bookingSchema.nullable(),
  past: z.array(bookingSchema),
  call: callSchema.nullable(),
  calls: z.array(callSchema),
  screenshots: z.array(screenshotSchema),
  canStartCall: z.boolean(),
  held: z.boolean(),
}) satisfies z.ZodType<ConsoleInterview>;

export const consoleSlotSchema = slotSchema.extend({
  status: z.enum(['open', 'booked', 'cancelled']),
  booking: z
    .object({ id: z.string(), applicationId: z.string(), orderNo: z.string().nullable(), applicantName: z.string().nullable(), status: bookingStatus })
    .nullable(),
}) satisfies z.ZodType<ConsoleSlotView>;

export const consoleScheduleSchema = z.object({
  timeZone: z.string(),
  timeZoneLabel: z.string(),
  days: z.array(z.object({ date: z.string(), dateLabel: z.string(), slots: z.array(consoleSlotSchema) })),
}) satisfies z.ZodType<ConsoleSchedule>;

export const createSlotsResultSchema = z.object({ created: z.number(), skipped: z.number() }) satisfies z.ZodType<CreateSlotsResult>;

export const callTicketSchema = z.object({ path: z.string(), expiresAt: z.string() }) satisfies z.ZodType<CallTicket>;

export const callJoinSchema = z.object({
  callId: z.string(),
  side: callSide,
  token: z.string(),
  iceServers: z.array(iceServerSchema),
  orderNo: z.string().nullable(),
  missionName: z.string(),
  applicationId: z.string(),
}) satisfies z.ZodType<CallJoin>;

export const callStartSchema = z.object({ callId: z.string(), side: z.literal('staff'), iceServers: z.array(iceServerSchema) }) satisfies z.ZodType<CallStart>;

export const signalPageSchema = z.object({
  signals: z.array(z.object({ seq: z.number(), from: callSide, kind: z.enum(signalKinds), data: z.unknown() })),
  status: z.enum(['open', 'ended']),
}) satisfies z.ZodType<SignalPage>;

export const idParams = z.object({ id: z.string().max(64) });
