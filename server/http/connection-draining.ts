import type { FastifyInstance } from 'fastify';

/**
 * Graceful close: Fastify stops accepting and closes the connections idle at that moment,
 * but a kept-alive connection busy with a request would stay open after its response until
 * the keep-alive timeout, holding close() up. Once closing, every response says
 * `Connection: close`, so each such connection ends right after its last answer.
 */
export function installConnectionDraining(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
