import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the citizen's 视频面审 page is served (the mini-program opens it in a <web-view>). */
export const INTERVIEW_CALL_PATH = '/interview/call';

/**
 * The call page uses the camera and microphone of this origin only; its address carries a
 * one-use ticket, so it is never cached and never sent on as a Referer.
 */
const CALL_PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(), geolocation=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
} as const;

const notBuilt = 'The console is not built. Run `npm run build:console` (npm start does it for you).';

/**
 * Serves the built staff console at /console/ (hash routing, so one index.html), and the
 * citizen's call page, built beside it, at /interview/call.
 */
export async function serveConsole(app: FastifyInstance, dist: string | null): Promise<void> {
  serveCallPage(app, dist);
  app.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/'));
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
    app.get('/console/', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send(notBuilt),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/console/',
    index: 'index.html',
    // Vite fingerprints asset names, so they can be cached for good; the pages never.
    setHeaders(res, filePath) {
      res.header('cache-control', filePath.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}

function serveCallPage(app: FastifyInstance, dist: string | null) {
  const file = dist ? path.join(dist, 'interview-call.html') : null;
  app.get(INTERVIEW_CALL_PATH, { schema: { hide: true } }, async (_request, reply) => {
    // Read per request (it is small): a rebuilt console is served without a restart.
    const html = file ? await fs.promises.readFile(file).catch(() => null) : null;
    if (!html) {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(`视频面审页面暂不可用，请稍后重试。\n${notBuilt}`);
    }
    // Opened inside WeChat's <web-view>: the global no-framing header would not fit it.
    reply.removeHeader('x-frame-options');
    return reply.headers(CALL_PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
  });
}
