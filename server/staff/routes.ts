import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { ApiError, unauthenticated } from '../http/api-error';
import { errorResponses, missionSchema } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission, listMissions } from '../missions/mission-repository';
import { dummyPasswordHash, verifyPassword } from '../security/passwords';
import type { SessionStore } from '../security/session-store';
import { requireStaff, STAFF_COOKIE } from './authenticate';

/** Password guessing: at most this many failures per username (and 4× per address) in the window. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MINUTES = 15;

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
      const failures = await sql<{ by_user: number; by_ip: number }>`
        select count(*) filter (where lower(username) = lower(${username}))::int as by_user,
               count(*) filter (where ip = ${request.ip})::int as by_ip
        from staff_login_failures
        where at > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`.execute(deps.db);
      const { by_user: byUser, by_ip: byIp } = failures.rows[0];
      if (byUser >= MAX_FAILURES || byIp >= MAX_FAILURES * 4) {
        throw new ApiError(429, 'TOO_MANY_ATTEMPTS', serverMessages.tooManyLoginAttempts);
      }
      const staff = await deps.db
        .selectFrom('staff')
        .select(['id', 'password_hash', 'disabled_at', 'mission_id'])
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
      // Verify even for unknown users so response time does not reveal which usernames exist.
      const valid = await verifyPassword(password, staff?.password_hash ?? (await dummyPasswordHash()));
      if (!staff || !valid) {
        await deps.db.insertInto('staff_login_failures').values({ username, ip: request.ip }).execute();
        throw new ApiError(401, 'BAD_CREDENTIALS', serverMessages.badCredentials);
      }
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
};
