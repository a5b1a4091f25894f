import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { LoginResponse, Profile } from '../../miniprogram/domain/api-types';
import type { AppDeps } from '../app-deps';
import { ApiError, unauthenticated } from '../http/api-error';
import { profileSchema } from '../http/profile-schema';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import type { SessionStore } from '../security/session-store';
import { WechatApiError } from '../wechat/wechat-login';
import { bearerToken, requireCitizen } from './authenticate';

/** WeChat's code2Session errors, as the citizen should meet them. */
function loginError(error: unknown): ApiError {
  if (error instanceof WechatApiError) {
    if (error.errcode === 40029 || error.errcode === 40163) {
      return new ApiError(401, 'WECHAT_CODE_INVALID', serverMessages.wechatCodeInvalid);
    }
    if (error.errcode === 40226) return new ApiError(403, 'WECHAT_RISKY_USER', serverMessages.wechatRiskyUser);
    if (error.errcode === 45011) return new ApiError(429, 'WECHAT_RATE_LIMITED', serverMessages.wechatBusy);
  }
  // -1 (busy), an unexpected errcode, a timeout or an unreachable WeChat.
  return new ApiError(502, 'WECHAT_UNAVAILABLE', serverMessages.wechatBusy);
}

/** What login needs of the profile module (which depends on this one for authentication, not the other way round). */
interface ProfileLoader {
  load(userId: string): Promise<Profile | null>;
}

export const citizenAuthRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionStore; profiles: ProfileLoader }> = async (app, deps) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a wx.login code for a session token',
        body: z.object({ code: z.string().min(1).max(128) }),
        response: {
          200: z.object({ token: z.string(), expiresAt: z.string(), user: profileSchema }),
          ...errorResponses,
        },
      },
    },
    async (request): Promise<LoginResponse> => {
      let wx;
      try {
        wx = await deps.wechatLogin.code2Session(request.body.code);
      } catch (error) {
        request.log.warn({ err: error }, 'code2Session failed');
        throw loginError(error);
      }
      const sessionKeyEnc = deps.pii.encrypt(wx.sessionKey);
      const user = await sql<{ id: string }>`
        insert into users (openid, unionid, session_key_enc)
        values (${wx.openid}, ${wx.unionid}, ${sessionKeyEnc})
        on conflict (openid) do update
          set last_login_at = now(),
              session_key_enc = excluded.session_key_enc,
              unionid = coalesce(excluded.unionid, users.unionid)
        returning id`.execute(deps.db);
      const userId = user.rows[0].id;
      const session = await deps.sessions.create(userId);
      const profile = await deps.profiles.load(userId);
      if (!profile) throw unauthenticated();
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: profile };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Revoke the current session token', response: { 204: z.null(), ...errorResponses } },
      preHandler: requireCitizen(deps.sessions),
    },
    async (request, reply) => {
      await deps.sessions.revoke(bearerToken(request)!);
      return reply.status(204).send(null);
    },
  );
};
