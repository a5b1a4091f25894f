import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { signInLockoutSchema } from '../../contracts/staff';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { ApiError, unauthenticated } from '../http/api-error';
import { errorResponses, missionSchema } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission, listMissions } from '../missions/mission-repository';
import { dummyPasswordHash, verifyPassword } from '../security/passwords';
import type { SessionStore } from '../security/session-store';
import { requireStaff, STAFF_COOKIE } from './authenticate';
import { currentLockouts, isKnownAddress, recordSignInSuccess, reserveSignInAttempt } from './sign-in-throttle';


const staffProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['reviewer', 'supervisor', 'admin']),
  mission: missionSchema,
  /** Signed in with a password an admin issued: change it before anything else. */
  mustChangePassword: z.boolean(),
});

export const staffRoutes: FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> = async (app, deps) => {
  const signedIn = requireStaff(deps.db, deps.staffSessions);

  const staffProfile = async (staffId: string) => {
    const staff = await deps.db
      .selectFrom('staff')
      .select(['id', 'username', 'display_name', 'role', 'mission_id', 'must_change_password'])
      .where('id', '=', staffId)
      .executeTakeFirst();
    const mission = staff && (await findMission(deps.db, staff.mission_id));
    if (!staff || !mission) throw unauthenticated();
    return { id: staff.id, username: staff.username, displayName: staff.display_name, role: staff.role, mission, mustChangePassword: staff.must_change_password };
  };

  app.post(
    '/api/console/session',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff sign-in (sets an HttpOnly session cookie)',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ staff: staffProfileSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const staff = await deps.db
        .selectFrom('staff')
        .select(['id', 'password_hash', 'disabled_at', 'mission_id'])
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
      const knownAddress = staff ? await isKnownAddress(deps.db, staff.id, request.ip) : false;
      // Counted before the password is checked: concurrent guesses cannot all pass one read count.
      const verdict = await reserveSignInAttempt(deps.db, { username, ip: request.ip, knownAddress });
      if (!verdict.allowed) {
        request.log.warn({ event: 'staff.sign_in_throttled', ip: request.ip }, 'staff sign-in throttled');
        throw new ApiError(429, 'TOO_MANY_ATTEMPTS', serverMessages.tooManyLoginAttempts);
      }
      // Verify even for unknown users so response time does not reveal which usernames exist.
      const valid = await verifyPassword(password, staff?.password_hash ?? (await dummyPasswordHash()));
      if (!staff || !valid) {
        await deps.db.insertInto('staff_login_failures').values({ username, ip: request.ip }).execute();
        throw new ApiError(401, 'BAD_CREDENTIALS', serverMessages.badCredentials);
      }
      await recordSignInSuccess(deps.db, staff.id, request.ip, verdict.buckets);
      if (staff.disabled_at) throw new ApiError(403, 'STAFF_DISABLED', serverMessages.staffDisabled);
      const session = await deps.staffSessions.create(staff.id);
      reply.setCookie(STAFF_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.isProduction,
        expires: session.expiresAt,
      });
      await recordAudit(deps.db, { actorKind: 'staff', actorId: staff.id, missionId: staff.mission_id, action: 'staff.sign_in', detail: { ip: request.ip } });
      return { staff: await staffProfile(staff.id) };
    },
  );

  app.delete(
    '/api/console/session',
    { schema: { tags: ['console'], summary: 'Staff sign-out', response: { 204: z.null(), ...errorResponses } }, preHandler: signedIn },
    async (request, reply) => {
      await deps.staffSessions.revoke(request.cookies[STAFF_COOKIE]!);
      reply.clearCookie(STAFF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/console/me',
    {
      schema: { tags: ['console'], summary: 'The signed-in staff member', response: { 200: z.object({ staff: staffProfileSchema }), ...errorResponses } },
      preHandler: signedIn,
    },
    async (request) => ({ staff: await staffProfile(request.staff!.staffId) }),
  );

  app.get(
    '/api/console/missions',
    {
      schema: { tags: ['console'], summary: 'All missions', response: { 200: z.object({ missions: z.array(missionSchema) }), ...errorResponses } },
      preHandler: signedIn,
    },
    async () => ({ missions: await listMissions(deps.db) }),
  );

  app.get(
    '/api/console/sign-in-lockouts',
    {
      schema: {
        tags: ['console'],
        summary: "Sign-in lockouts now in force for this mission's staff accounts (supervisors)",
        response: {
          200: z.object({
            lockouts: z.array(signInLockoutSchema),
          }),
          ...errorResponses,
        },
      },
      preHandler: requireStaff(deps.db, deps.staffSessions, 'supervisor'),
    },
    async (request) => {
      const staff = await deps.db.selectFrom('staff').select('username').where('mission_id', '=', request.staff!.missionId).execute();
      return { lockouts: await currentLockouts(deps.db, staff.map((s) => s.username)) };
    },
  );
};
