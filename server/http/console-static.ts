import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built staff console at /console/ (hash routing, so one index.html). */
export async function serveConsole(app: FastifyInstance, dist: string | null): Promise<void> {
  app.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/'));
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
    app.get('/console/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built. Run `npm run build:console` (npm start does it for you).'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/console/',
    index: 'index.html',
    // Vite fingerprints asset names, so they can be cached for good; index.html never.
    setHeaders(res, filePath) {
      res.header(
        'cache-control',
        filePath.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
}
