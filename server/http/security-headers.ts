import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverMessages } from '../messages';
import { ApiError } from './api-error';

/**
 * Security headers on every answer (API and /console/), by @fastify/helmet: a CSP for the
 * console (Vue + TDesign set styles inline; the interview view plays camera streams), no
 * framing, nosniff, no Referer beyond this origin, HSTS in production. The citizen's call
 * page (/interview/call) sends its own CSP and Permissions-Policy, which replace these.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { isProduction: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    hsts: options.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Bodies a console route may receive; text/plain and form encodings are what a forged cross-site form or no-cors fetch can send. */
const CONSOLE_BODY_TYPES = new Set(['application/json', 'multipart/form-data', 'text/csv', 'image/png', 'image/jpeg']);

const crossSite = () => new ApiError(403, 'CROSS_SITE_REQUEST', serverMessages.crossSiteRefused);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * CSRF defence for the console, whose session is a cookie: a state-changing request must
 * come from this origin (Origin, when the browser sends one; Sec-Fetch-Site, when it sends
 * that) and carry JSON or one of the upload types — never text/plain or a form encoding.
 * `publicUrl`: the origin the console is served at behind a proxy, accepted besides the Host.
 */
export function installConsoleCsrfGuard(app: FastifyInstance, options: { publicUrl: string }): void {
  const publicOrigin = new URL(options.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/console/')) return;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSite();
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`) throw crossSite();
    if (hasBody(request)) {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!CONSOLE_BODY_TYPES.has(type)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', serverMessages.unsupportedMediaType);
    }
  });
}
