import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import { validateIdentityInput } from '../../miniprogram/domain/identity-form';
import type { Profile } from '../../miniprogram/domain/api-types';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { isUniqueViolation } from '../db/errors';
import { ApiError, notFound, unauthenticated, validationFailed } from '../http/api-error';
import { profileSchema } from '../http/profile-schema';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission } from '../missions/mission-repository';
import type { SessionStore } from '../security/session-store';
import { ipBucket, RateLimiter } from '../security/rate-limit';
import type { ProfileReader } from './profile-repository';

const identityTaken = () => new ApiError(409, 'IDENTITY_TAKEN', serverMessages.identityTaken);

/**
 * IDENTITY_TAKEN says an ID number is verified on another account, so it is an oracle: after
 * this many such answers in an hour, per citizen and per address, verification is refused
 * outright (whatever the number, so the refusal itself says nothing). Each one is logged.
 */
export const IDENTITY_TAKEN_LIMITS = { windowSeconds: 3600, perUser: 5, perAddress: 20 } as const;

export const profileRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionStore; profiles: ProfileReader }> = async (app, deps) => {
  app.addHook('preHandler', requireCitizen(deps.sessions));
  const takenAnswers = new RateLimiter(deps.db, IDENTITY_TAKEN_LIMITS.windowSeconds);
  const takenBuckets = (userId: string, ip: string) => ({ user: `identity-taken:user:${userId}`, address: `identity-taken:ip:${ipBucket(ip)}` });

  const currentProfile = async (userId: string): Promise<Profile> => {
    const profile = await deps.profiles.load(userId);
    if (!profile) throw unauthenticated();
    return profile;
  };

  app.get(
    '/api/me',
    { schema: { tags: ['profile'], summary: 'The citizen’s profile', response: { 200: profileSchema, ...errorResponses } } },
    async (request) => currentProfile(citizenId(request)),
  );

  app.put(
    '/api/me/identity',
    {
      schema: {
        tags: ['profile'],
        summary: 'Real-name verification: resident ID or passport number, and a contact',
        // Loose on purpose: the shared domain validator below gives the field messages.
        body: z.object({
          name: z.string().max(200).optional(),
          idType: z.string().max(32).optional(),
          idNumber: z.string().max(64).optional(),
          phone: z.string().max(64).optional(),
          email: z.string().max(320).optional(),
        }),
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const buckets = takenBuckets(userId, request.ip);
      if (
        (await takenAnswers.current(buckets.user)) >= IDENTITY_TAKEN_LIMITS.perUser ||
        (await takenAnswers.current(buckets.address)) >= IDENTITY_TAKEN_LIMITS.perAddress
      ) {
        request.log.warn({ event: 'identity.verify_throttled', userId }, 'identity verification throttled after IDENTITY_TAKEN answers');
        throw new ApiError(429, 'TOO_MANY_REQUESTS', serverMessages.tooManyRequests);
      }
      const checked = validateIdentityInput(request.body);
      if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
      const { name, idType, idNumber, phone, email } = checked.value;
      const index = deps.pii.blindIndex(`${idType}:${idNumber}`);
      try {
        await deps.db.transaction().execute(async (tx) => {
          const holder = await tx
            .selectFrom('identities')
            .select('user_id')
            .where('id_number_index', '=', index)
            .executeTakeFirst();
          if (holder && holder.user_id !== userId) throw identityTaken();
          await tx
            .insertInto('identities')
            .values({
              user_id: userId,
              name,
              id_type: idType,
              id_number_enc: deps.pii.encrypt(idNumber),
              id_number_index: index,
              id_number_masked: maskIdNumber(idNumber),
              phone: phone ?? null,
              email: email ?? null,
            })
            .onConflict((oc) =>
              oc.column('user_id').doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                id_type: eb.ref('excluded.id_type'),
                id_number_enc: eb.ref('excluded.id_number_enc'),
                id_number_index: eb.ref('excluded.id_number_index'),
                id_number_masked: eb.ref('excluded.id_number_masked'),
                phone: eb.ref('excluded.phone'),
                email: eb.ref('excluded.email'),
                verified_at: new Date(),
              })),
            )
            .execute();
          await recordAudit(tx, { actorKind: 'citizen', actorId: userId, action: 'identity.verify', subject: userId, detail: { idType } });
        });
        deps.profiles.invalidate(userId);
      } catch (error) {
        deps.profiles.invalidate(userId);
        const taken = (error instanceof ApiError && error.code === 'IDENTITY_TAKEN') || isUniqueViolation(error);
        if (!taken) throw error;
        // Two accounts racing for one identity: the unique index decides. Counted and logged either way.
        await takenAnswers.hit(buckets.user);
        await takenAnswers.hit(buckets.address);
        request.log.warn({ event: 'identity.taken', userId, idType }, 'identity already verified on another account');
        await recordAudit(deps.db, { actorKind: 'citizen', actorId: userId, action: 'identity.taken', subject: userId, detail: { idType, ip: request.ip } });
        throw identityTaken();
      }
      return currentProfile(userId);
    },
  );

  app.put(
    '/api/me/mission',
    {
      schema: {
        tags: ['profile'],
        summary: 'Choose the mission (embassy / consulate general) the citizen belongs to',
        body: z.object({ missionId: z.string().min(1).max(64) }),
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const mission = await findMission(deps.db, request.body.missionId);
      if (!mission) throw notFound(serverMessages.missionNotFound);
      await deps.db.updateTable('users').set({ mission_id: mission.id }).where('id', '=', userId).execute();
      deps.profiles.invalidate(userId);
      return currentProfile(userId);
    },
  );
};
