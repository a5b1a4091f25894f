import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps';
import { applicationRoutes } from './applications/routes';
import { citizenAuthRoutes } from './citizen-auth/routes';
import { healthRoutes } from './health/routes';
import { frameworkErrorHandler, installErrorHandler } from './http/api-error';
import { installConnectionDraining } from './http/connection-draining';
import { serveConsole } from './http/console-static';
import { installInputGuard } from './http/input-guard';
import { installRequestLocale } from './http/request-locale';
import { loggerOptions } from './http/log-options';
import { installConsoleCsrfGuard, installSecurityHeaders } from './http/security-headers';
import { infoConsoleRoutes } from './info/console-routes';
import { infoRoutes } from './info/routes';
import { interviewRoutes } from './interviews/routes';
import { appointmentRoutes } from './appointments/routes';
import { legalizationConsoleRoutes } from './legalization/console-routes';
import { legalizationRoutes } from './legalization/routes';
import { apostilleConsoleRoutes, apostilleRoutes } from './legalization/apostille-routes';
import { missionRoutes } from './missions/routes';
import { paymentRoutes } from './payments/routes';
import { passportRoutes } from './passports/routes';
import { pensionRoutes } from './pension/routes';
import { ProfileReader } from './profile/profile-repository';
import { profileRoutes } from './profile/routes';
import { installRegistrationJobs, registrationAlertHook, registrationRoutes } from './registration/routes';
import { SessionStore } from './security/session-store';
import { staffRoutes } from './staff/routes';
import { staffAccountRoutes } from './staff/staff-account-routes';
import { installRefusalAudit, reviewRoutes } from './orders/routes';
import { installJobs } from './jobs/jobs-plugin';
import { messageCenterRoutes } from './message-center/routes';
import { namePluginsByFunction } from './http/plugin-names';
import { applicantObjectionRoutes } from './orders/applicant-objections';

/** The whole HTTP API; tests drive it with app.inject(), main.ts only listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    // Only the configured proxies may say who the client is (X-Forwarded-For): TRUST_PROXY.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  namePluginsByFunction(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRequestLocale(app);
  installErrorHandler(app);
  installInputGuard(app);
  installConsoleCsrfGuard(app, { publicUrl: deps.config.publicUrl });
  await installSecurityHeaders(app, { isProduction: deps.config.isProduction });
  installConnectionDraining(app);
  installRefusalAudit(app, deps.db);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '中国领事 China Consular API',
        description: 'Citizen API for the mini-program and the consulate console API.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          citizenBearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/auth/login' },
          staffCookie: { type: 'apiKey', in: 'cookie', name: 'cc_staff' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);

  // In-process caches, kept exact across instances by deps.caches (LISTEN/NOTIFY on PostgreSQL).
  const profiles = new ProfileReader(deps.db, deps.caches);
  const sessions = new SessionStore(deps.db, 'user_sessions', 'user_id', {
    idleMinutes: deps.config.session.idleMinutes,
    absoluteMinutes: deps.config.session.absoluteDays * 24 * 60,
    caches: deps.caches,
  });
  const staffSessions = new SessionStore(deps.db, 'staff_sessions', 'staff_id', {
    idleMinutes: deps.config.staffSession.idleMinutes,
    absoluteMinutes: deps.config.staffSession.absoluteHours * 60,
    caches: deps.caches,
  });

  // Before the modules: each hands the runner the handlers of its own job kinds.
  installJobs(app, deps);
  await app.register(healthRoutes, deps);
  await app.register(missionRoutes, deps);
  await app.register(citizenAuthRoutes, { ...deps, sessions, profiles });
  await app.register(profileRoutes, { ...deps, sessions, profiles });
  await app.register(staffRoutes, { ...deps, staffSessions });
  await app.register(staffAccountRoutes, { ...deps, staffSessions });
  await app.register(applicationRoutes, { ...deps, sessions, staffSessions });
  await app.register(reviewRoutes, { ...deps, sessions, staffSessions });
  await app.register(messageCenterRoutes, { ...deps, sessions });
  await app.register(applicantObjectionRoutes, { ...deps, sessions, staffSessions });
  await app.register(paymentRoutes, { ...deps, sessions, staffSessions });
  await app.register(interviewRoutes, { ...deps, sessions, staffSessions });
  await app.register(appointmentRoutes, { ...deps, sessions, staffSessions });
  await app.register(pensionRoutes, { ...deps, sessions, staffSessions });
  await app.register(passportRoutes, { ...deps, sessions, staffSessions });
  await app.register(legalizationRoutes, { ...deps, sessions });
  await app.register(legalizationConsoleRoutes, { ...deps, staffSessions });
  await app.register(apostilleRoutes, { ...deps, sessions });
  await app.register(apostilleConsoleRoutes, { ...deps, staffSessions });
  await app.register(infoRoutes, deps);
  await app.register(infoConsoleRoutes, { ...deps, staffSessions, onAlertPublished: registrationAlertHook(deps) });
  await app.register(registrationRoutes, { ...deps, sessions, staffSessions });
  installRegistrationJobs(app, { ...deps, sessions, staffSessions });
  await serveConsole(app, deps.config.consoleDist);

  app.get('/docs/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
