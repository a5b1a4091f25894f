import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthenticated } from '../http/api-error';
import type { ActiveSession, SessionStore } from '../security/session-store';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireCitizen on routes that need a logged-in citizen. */
    citizen?: ActiveSession;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme === 'Bearer' && token ? token : null;
}

/** preHandler: 401 unless the bearer token names a live session. */
export function requireCitizen(sessions: SessionStore) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    const session = token ? await sessions.resolve(token) : null;
    if (!session) throw unauthenticated();
    request.citizen = session;
  };
}

export function citizenId(request: FastifyRequest): string {
  if (!request.citizen) throw unauthenticated();
  return request.citizen.ownerId;
}
