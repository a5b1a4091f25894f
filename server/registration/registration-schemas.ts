import { z } from 'zod';
import type {
  RegistrationAlertView,
  RegistrationCertificate,
  RegistrationDetail,
  RegistrationSummary,
} from '../../miniprogram/domain/registration';

/** Route schemas of the registration module; each response is checked against the shared API types below. */

const text = (max = 200) => z.string().max(max).optional();

/** Loose on purpose: validateRegistrationInput gives the per-field messages. */
export const registrationBody = z.object({
  relation: text(16),
  name: text(),
  idType: text(32),
  idNumber: text(64),
  birthDate: text(32),
  phone: text(64),
  email: text(320),
  countryCode: text(8),
  region: text(),
  city: text(),
  address: text(400),
  purpose: text(16),
  arrivalDate: text(32),
  departureDate: text(32),
  chinaContactName: text(),
  chinaContactPhone: text(64),
  abroadContactName: text(),
  abroadContactPhone: text(64),
  notes: text(2000),
});

const relation = z.enum(['self', 'spouse', 'child', 'parent']);
const purpose = z.enum(['student', 'worker', 'resident', 'visitor']);
const status = z.enum(['active', 'ended', 'deregistered']);

export const registrationSummarySchema = z.object({
  id: z.string(),
  relation,
  name: z.string(),
  idNumberMasked: z.string(),
  status,
  statusLabel: z.string(),
  countryCode: z.string(),
  region: z.string(),
  city: z.string(),
  purpose,
  departureDate: z.string().nullable(),
  missionId: z.string(),
  missionNameZh: z.string(),
  certificateCode: z.string(),
  needsConfirmation: z.boolean(),
  updatedAt: z.string(),
});

export const registrationDetailSchema = registrationSummarySchema.extend({
  form: z.object({
    relation,
    name: z.string(),
    idType: z.enum(['resident_id', 'passport']),
    idNumber: z.string(),
    birthDate: z.string(),
    phone: z.string(),
    email: z.string().optional(),
    countryCode: z.string(),
    region: z.string(),
    city: z.string(),
    address: z.string(),
    purpose,
    arrivalDate: z.string(),
    departureDate: z.string().optional(),
    chinaContactName: z.string(),
    chinaContactPhone: z.string(),
    abroadContactName: z.string().optional(),
    abroadContactPhone: z.string().optional(),
    notes: z.string().optional(),
  }),
  createdAt: z.string(),
  confirmedAt: z.string(),
  endedAt: z.string().nullable(),
});

export const registrationCertificateSchema = z.object({
  code: z.string(),
  qrText: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  missionNameZh: z.string(),
  missionPhone: z.string(),
  region: z.string(),
  city: z.string(),
  registeredAt: z.string(),
  status,
});

const answer = z.enum(['safe', 'help']);

export const alertAnswerBody = z.object({
  registrationId: z.string().max(64),
  answer,
  note: z.string().max(500).optional(),
});

export const registrationAlertViewSchema = z.object({
  alert: z.object({ id: z.string(), title: z.string(), body: z.string(), level: z.string(), levelZh: z.string(), effectiveFrom: z.string() }),
  people: z.array(z.object({ registrationId: z.string(), name: z.string(), answer: answer.nullable(), answeredAt: z.string().nullable() })),
});

// Compile-time checks: the schemas and the shared types cannot drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof registrationSummarySchema>, RegistrationSummary>,
  Same<z.infer<typeof registrationCertificateSchema>, RegistrationCertificate>,
  Same<z.infer<typeof registrationAlertViewSchema>, RegistrationAlertView>,
  Same<z.infer<typeof registrationDetailSchema>['status'], RegistrationDetail['status']>,
] = [true, true, true, true];
void checks;
