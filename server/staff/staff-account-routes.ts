import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { issuedPasswordSchema, type StaffAccount, staffAccountSchema } from '../../contracts/staff';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError, notFound, unauthenticated, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { hashPassword, verifyPassword } from '../security/passwords';
import type { SessionStore } from '../security/session-store';
import { requireStaff, type SignedInStaff } from './authenticate';
import { STAFF_ROLES } from './staff-repository';

export const MIN_PASSWORD_LENGTH = 10;
/** Letters and digits that cannot be mistaken for each other when read out or typed. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an admin hands over; its holder must change it at first sign-in. */
export function temporaryPassword(length = 14): string {
  return Array.from({ length }, () => TEMP_ALPHABET[crypto.randomInt(TEMP_ALPHABET.length)]).join('');
}

const idParams = z.object({ id: z.string().max(64) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type StaffRow = { id: string; username: string; display_name: string; role: 'reviewer' | 'supervisor' | 'admin'; disabled_at: Date | null; must_change_password: boolean; created_at: Date };
const toView = (row: StaffRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled_at !== null,
  mustChangePassword: row.must_change_password,
  createdAt: new Date(row.created_at).toISOString(),
});
const columns = ['id', 'username', 'display_name', 'role', 'disabled_at', 'must_change_password', 'created_at'] as const;

/** A member of staff of the admin's own mission; another mission's looks missing. */
async function missionMember(db: Kysely<Database>, id: string, admin: SignedInStaff): Promise<StaffRow> {
  const row = UUID.test(id) ? await db.selectFrom('staff').select([...columns, 'mission_id']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row || row.mission_id !== admin.missionId) throw notFound(serverMessages.staffNotFound);
  return row;
}

/**
 * Staff accounts in the console: admins list, create, disable / enable and reset the staff
 * of their own mission (a new or reset account gets a one-time password and must change it
 * at first sign-in); everyone changes their own password. Every change is audited.
 */
export const staffAccountRoutes: FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> = async (root, deps) => {
  const { db } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const staffOf = (request: { staff?: SignedInStaff }) => {
    if (!request.staff) throw unauthenticated();
    return request.staff;
  };
  const audit = (staff: SignedInStaff, action: string, subject: string, detail: Record<string, unknown> = {}) =>
    recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action, subject, detail });

  app.put(
    '/api/console/me/password',
    {
      schema: {
        tags: ['console'],
        summary: 'Change my own password (the current one is required)',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) }),
        response: { 204: z.null(), ...errorResponses },
      },
      preHandler: requireStaff(db, deps.staffSessions),
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { currentPassword, newPassword } = request.body;
      if (newPassword.length < MIN_PASSWORD_LENGTH) throw validationFailed({ newPassword: serverMessages.staffPasswordTooShort });
      if (newPassword === currentPassword) throw validationFailed({ newPassword: serverMessages.staffPasswordSame });
      const row = await db.selectFrom('staff').select('password_hash').where('id', '=', staff.staffId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(currentPassword, row.password_hash))) throw validationFailed({ currentPassword: serverMessages.staffCurrentPasswordWrong });
      await db
        .updateTable('staff')
        .set({ password_hash: await hashPassword(newPassword), must_change_password: false })
        .where('id', '=', staff.staffId)
        .execute();
      await audit(staff, 'staff.password_change', staff.staffId);
      return reply.status(204).send(null);
    },
  );

  await app.register(async (scope) => {
    const admins = scope.withTypeProvider<ZodTypeProvider>();
    admins.addHook('preHandler', requireStaff(db, deps.staffSessions, 'admin'));

    admins.get(
      '/api/console/staff',
      { schema: { tags: ['console'], summary: "The mission's staff accounts (admins)", response: { 200: z.object({ staff: z.array(staffAccountSchema) }), ...errorResponses } } },
      async (request) => {
        const rows = await db.selectFrom('staff').select(columns).where('mission_id', '=', staffOf(request).missionId).orderBy('disabled_at', 'desc').orderBy('username').execute();
        return { staff: rows.map(toView) };
      },
    );

    admins.post(
      '/api/console/staff',
      {
        schema: {
          tags: ['console'],
          summary: 'Create a staff account of my mission with a one-time password (admins; audited)',
          body: z.object({ username: z.string().max(64), displayName: z.string().max(80), role: z.enum(['reviewer', 'supervisor', 'admin']) }),
          response: { 201: issuedPasswordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const admin = staffOf(request);
        const username = request.body.username.trim();
        const displayName = request.body.displayName.trim();
        const errors: Record<string, string> = {};
        if (!/^[a-zA-Z0-9._-]{3,64}$/.test(username)) errors.username = serverMessages.staffUsernameInvalid;
        if (displayName.length < 1 || displayName.length > 40) errors.displayName = serverMessages.staffDisplayNameInvalid;
        if (Object.keys(errors).length) throw validationFailed(errors);
        const password = temporaryPassword();
        let row: StaffRow;
        try {
          row = await db
            .insertInto('staff')
            .values({
              username,
              display_name: displayName,
              password_hash: await hashPassword(password),
              role: request.body.role,
              mission_id: admin.missionId,
              must_change_password: true,
            })
            .returning(columns)
            .executeTakeFirstOrThrow();
        } catch (error) {
          // The unique index on lower(username): taken, whatever the case.
          if (isUniqueViolation(error)) throw validationFailed({ username: serverMessages.staffUsernameTaken });
          throw error;
        }
        await audit(admin, 'staff.create', row.id, { username, role: row.role });
        return reply.status(201).send({ staff: toView(row), temporaryPassword: password });
      },
    );

    admins.patch(
      '/api/console/staff/:id',
      {
        schema: {
          tags: ['console'],
          summary: 'Change the role or name of, disable or enable a staff account of my mission (admins; audited)',
          params: idParams,
          body: z.object({
            role: z.enum(STAFF_ROLES as ['reviewer', 'supervisor', 'admin']).optional(),
            displayName: z.string().trim().min(1).max(40).optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: z.object({ staff: staffAccountSchema }), ...errorResponses },
        },
      },
      async (request) => {
        const admin = staffOf(request);
        const current = await missionMember(db, request.params.id, admin);
        const { role, displayName, disabled } = request.body;
        if (current.id === admin.staffId && (disabled === true || (role && role !== 'admin'))) throw new ApiError(409, 'CANNOT_CHANGE_SELF', serverMessages.staffCannotDisableSelf);
        const row = await db
          .updateTable('staff')
          .set({
            ...(role ? { role } : {}),
            ...(displayName ? { display_name: displayName } : {}),
            ...(disabled === undefined ? {} : { disabled_at: disabled ? (current.disabled_at ?? new Date()) : null }),
          })
          .where('id', '=', current.id)
          .returning(columns)
          .executeTakeFirstOrThrow();
        // A disabled account's sessions end now, not at their expiry.
        if (disabled) await db.updateTable('staff_sessions').set({ revoked_at: sql`now()` }).where('staff_id', '=', current.id).where('revoked_at', 'is', null).execute();
        await audit(admin, 'staff.update', current.id, { role, displayName, disabled });
        return { staff: toView(row) };
      },
    );

    admins.post(
      '/api/console/staff/:id/reset-password',
      {
        schema: {
          tags: ['console'],
          summary: 'Issue a new one-time password (must be changed at next sign-in; admins; audited)',
          params: idParams,
          response: { 200: issuedPasswordSchema, ...errorResponses },
        },
      },
      async (request) => {
        const admin = staffOf(request);
        const current = await missionMember(db, request.params.id, admin);
        const password = temporaryPassword();
        const row = await db
          .updateTable('staff')
          .set({ password_hash: await hashPassword(password), must_change_password: true })
          .where('id', '=', current.id)
          .returning(columns)
          .executeTakeFirstOrThrow();
        await audit(admin, 'staff.password_reset', current.id);
        return { staff: toView(row), temporaryPassword: password };
      },
    );
  });
};
