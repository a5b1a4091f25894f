import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { notFound } from '../http/api-error';
import { errorResponses, missionSchema } from '../http/schemas';
import { httpCache } from '../http/http-cache';
import { serverMessages } from '../messages';
import { MissionDirectory } from './mission-directory';

/** Public: the mission picker works before login and before privacy consent. */
export const missionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const missions = new MissionDirectory(deps.db, deps.caches);
  app.get(
    '/api/missions',
    {
      schema: {
        tags: ['missions'],
        summary: 'All missions (embassies and consulates general) with their districts',
        response: { 200: z.object({ missions: z.array(missionSchema) }) },
      },
      // ETag + max-age: the mini-program revalidates its saved copy with If-None-Match.
      onSend: httpCache(300),
    },
    async () => ({ missions: await missions.list() }),
  );

  app.get(
    '/api/missions/:id',
    {
      schema: {
        tags: ['missions'],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: missionSchema, ...errorResponses },
      },
      onSend: httpCache(300),
    },
    async (request) => {
      const mission = await missions.find(request.params.id);
      if (!mission) throw notFound(serverMessages.missionNotFound);
      return mission;
    },
  );
};
