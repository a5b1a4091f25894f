import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps';
import { bearerToken } from '../citizen-auth/authenticate';
import { ApiError } from '../http/api-error';
import { serverMessages } from '../messages';
import { ipBucket, RateLimiter } from '../security/rate-limit';
import type { SessionStore } from '../security/session-store';

/**
 * The anti-enumeration limit of the public registry checks (legalization and apostille):
 * LEGALIZATION_VERIFY_* per address and, when a bearer token is sent, per citizen. Both
 * checks count in the same buckets, so switching between them buys no extra guesses. A
 * carrier NAT puts many phones behind one address, hence the higher per-address cap.
 * Called before the body is validated, so malformed guesses cost the same as good ones.
 */
export function verifyRateLimit(deps: AppDeps & { sessions: SessionStore }) {
  const limits = deps.config.legalization.verify;
  const limiter = new RateLimiter(deps.db, limits.windowSeconds);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request);
    const session = token ? await deps.sessions.resolve(token) : null;
    const hits = [limiter.hit(`legalization-verify:ip:${ipBucket(request.ip)}`).then((h) => ({ ...h, max: limits.maxPerIp }))];
    if (session) {
      hits.push(limiter.hit(`legalization-verify:user:${session.ownerId}`).then((h) => ({ ...h, max: limits.maxPerUser })));
    }
    const over = (await Promise.all(hits)).filter((h) => h.hits > h.max);
    if (over.length === 0) return;
    const resetsAt = Math.max(...over.map((h) => h.resetsAt.getTime()));
    reply.header('retry-after', String(Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000))));
    throw new ApiError(429, 'RATE_LIMITED', serverMessages.verifyRateLimited);
  };
}
