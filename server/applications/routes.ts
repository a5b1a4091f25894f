import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCitizen } from '../citizen-auth/authenticate';
import { buildApplicationsContext, type ApplicationsOptions } from './application-context';
import { documentRoutes } from './document-routes';
import { draftRoutes } from './draft-routes';
import { faceRoutes } from './face-routes';
import { staffFileRoutes } from './staff-file-routes';
import { submissionRoutes } from './submission-routes';

/** Applications: citizen routes (bearer token) and the staff file route (console cookie). */
export const applicationRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (app, options) => {
  const ctx = buildApplicationsContext(options);
  await app.register(async (citizen) => {
    citizen.addHook('preHandler', requireCitizen(ctx.sessions));
    await citizen.register(draftRoutes, { ctx });
    await citizen.register(documentRoutes, { ctx });
    await citizen.register(faceRoutes, { ctx });
    await citizen.register(submissionRoutes, { ctx });
  });
  await app.register(staffFileRoutes, { ctx });
};
