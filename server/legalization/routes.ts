import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validateVerifyInput } from '../../miniprogram/domain/legalization';
import { infoMessages } from '../../miniprogram/domain/info-messages';
import type { AppDeps } from '../app-deps';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { httpCache } from '../http/http-cache';
import type { SessionStore } from '../security/session-store';
import { AuthorityIndex, listAuthorities } from './authorities';
import { verifyLegalization } from './legalization-repository';
import { authorityListSchema, verifyResponseSchema } from './schemas';
import { verifyRateLimit } from './verify-rate-limit';

/** Public: the legalization check needs no login (a bearer token, if sent, adds a per-user limit). */
export const legalizationRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionStore }> = async (app, deps) => {
  const rateLimit = verifyRateLimit(deps);

  app.get(
    '/api/legalization/authorities',
    {
      schema: {
        tags: ['legalization'],
        summary: 'Issuing authorities for the picker: the Ministry, provincial foreign affairs offices, missions',
        response: { 200: authorityListSchema },
      },
      onSend: httpCache(300),
    },
    async () => ({ authorities: await listAuthorities(deps.db) }),
  );

  app.post(
    '/api/legalization/verify',
    {
      schema: {
        tags: ['legalization'],
        summary: 'Check a consular legalization by number, sticker number and issuing authority',
        description:
          'Answers genuine, revoked or not_found. not_found is the same whether the number is unknown or the sticker ' +
          'does not match. Rate limited per address and per citizen (when a bearer token is sent): 429 RATE_LIMITED.',
        // Loose on purpose: the shared domain validator gives the field messages.
        body: z.object({
          legalizationNo: z.string().max(100).optional(),
          stickerNo: z.string().max(100).optional(),
          authorityId: z.string().max(100).optional(),
        }),
        response: { 200: verifyResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      await rateLimit(request, reply);

      const checked = validateVerifyInput(request.body);
      if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
      const authorities = await AuthorityIndex.load(deps.db);
      if (!authorities.get(checked.value.authorityId)) throw validationFailed({ authorityId: infoMessages.authorityUnknown });
      return verifyLegalization(deps.db, deps.pii, authorities, checked.value);
    },
  );
};
