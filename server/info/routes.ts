import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission } from '../missions/mission-repository';
import { listActiveAlerts } from './alerts-repository';
import { loadGuide } from './guides-repository';
import { httpCache } from '../http/http-cache';
import { findPublishedNews, listPublishedNews } from './news-repository';
import { countryCodeSchema, destinationGuideSchema, newsArticleSchema, newsListSchema, travelAlertSchema } from './schemas';

/**
 * Public consular information: no login, cacheable. Every answer carries an ETag (hash of
 * the body) and a short max-age; send If-None-Match to get 304 for an unchanged copy.
 */
export const infoRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/info/news',
    {
      schema: {
        tags: ['info'],
        summary: 'Published news of a mission: pinned first, then newest; keyset pagination',
        querystring: z.object({
          missionId: z.string().min(1).max(64),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: newsListSchema, ...errorResponses },
      },
      onSend: httpCache(60),
    },
    async (request) => {
      const { missionId, cursor, limit } = request.query;
      if (!(await findMission(deps.db, missionId))) throw notFound(serverMessages.missionNotFound);
      return listPublishedNews(deps.db, missionId, { cursor, limit });
    },
  );

  app.get(
    '/api/info/news/:id',
    {
      schema: {
        tags: ['info'],
        summary: 'One published article (drafts and scheduled articles are 404)',
        params: z.object({ id: z.uuid() }),
        response: { 200: newsArticleSchema, ...errorResponses },
      },
      onSend: httpCache(60),
    },
    async (request) => {
      const article = await findPublishedNews(deps.db, request.params.id);
      if (!article) throw notFound(serverMessages.newsNotFound);
      return article;
    },
  );

  app.get(
    '/api/info/alerts',
    {
      schema: {
        tags: ['info'],
        summary: 'Travel-safety alerts in force, most severe first (all countries without ?country=)',
        querystring: z.object({ country: countryCodeSchema.optional() }),
        response: { 200: z.object({ alerts: z.array(travelAlertSchema) }), ...errorResponses },
      },
      onSend: httpCache(60),
    },
    async (request) => ({ alerts: await listActiveAlerts(deps.db, request.query.country) }),
  );

  app.get(
    '/api/info/guides/:countryCode',
    {
      schema: {
        tags: ['info'],
        summary: 'Destination guide of a country, with its missions’ contacts',
        params: z.object({ countryCode: countryCodeSchema }),
        response: { 200: destinationGuideSchema, ...errorResponses },
      },
      onSend: httpCache(300),
    },
    async (request) => {
      const guide = await loadGuide(deps.db, request.params.countryCode);
      if (!guide) throw notFound(serverMessages.guideNotFound);
      return guide;
    },
  );
};
