/**
 * Staff accounts' and identity abuse's console contract (server/staff, server/orders/applicant-objections.ts
 * ↔ console/src/api/staff-api.ts, objections-api.ts): the mission's accounts, a one-time
 * password handed over, sign-in lockouts and citizens' objections. The zod schemas are the
 * routes' response schemas; the console imports the inferred types only.
 */
import { z } from 'zod';

export const staffRoleSchema = z.enum(['reviewer', 'supervisor', 'admin']);

/** One account of the mission (工作人员). */
export const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** A new or reset account with the one-time password its holder must change at first sign-in. */
export const issuedPasswordSchema = z.object({ staff: staffAccountSchema, temporaryPassword: z.string() });
export type IssuedPassword = z.infer<typeof issuedPasswordSchema>;

/** GET /api/console/sign-in-lockouts: one lockout now in force. */
export const signInLockoutSchema = z.object({
  username: z.string().nullable(),
  address: z.string().nullable(),
  kind: z.enum(['address', 'account', 'account_address']),
  attempts: z.number(),
  blockedUntil: z.string(),
});
export type SignInLockout = z.infer<typeof signInLockoutSchema>;

/** GET /api/console/applicant-objections: a citizen's objection to an application made in their name. */
export const applicantObjectionSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type ApplicantObjection = z.infer<typeof applicantObjectionSchema>;
