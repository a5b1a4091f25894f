import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody } from '../../miniprogram/domain/api-types';
import type { ErrorCode } from '../../miniprogram/domain/error-codes';
import { serverMessages } from '../messages';

/** An error meant for the caller: HTTP status, stable code (one of ERROR_CODES), human message, field messages. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (message: string = serverMessages.notFound) => new ApiError(404, 'NOT_FOUND', message);
export const unauthenticated = () => new ApiError(401, 'UNAUTHENTICATED', serverMessages.unauthenticated);
export const forbidden = () => new ApiError(403, 'FORBIDDEN', serverMessages.forbidden);
export const validationFailed = (fields: Record<string, string>) =>
  new ApiError(400, 'VALIDATION_FAILED', serverMessages.validationFailed, fields);

/**
 * An application that does not exist or is not the caller's to see (someone else's, another
 * mission's — indistinguishable to the caller). Its own code, so the refusal audit tells it
 * from any other 404 without reading the message.
 */
export const applicationNotFound = () => new ApiError(404, 'APPLICATION_NOT_FOUND', serverMessages.applicationNotFound);

/**
 * A framework error (Fastify's FST_…, a body parser's, a rate limiter's) as one of our codes,
 * by its HTTP status: the body's code is always one of ERROR_CODES.
 */
export function frameworkErrorCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return 'BAD_REQUEST';
  }
}

/**
 * Fastify's `frameworkErrors` option: a URL that does not decode (`%FF`, `%%`) or a path
 * parameter too long for the router, answered before any route runs — in our error shape.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply.status(status).send({ error: { code: frameworkErrorCode(status), message: serverMessages.badRequest } } satisfies ApiErrorBody);
}

/** Every error leaves the server as `{ error: { code, message, fields? } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const body = (code: ErrorCode, message: string, fields?: Record<string, string>): ApiErrorBody => ({
      error: fields ? { code, message, fields } : { code, message },
    });
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
        fields[field] ??= serverMessages.badRequest;
      }
      return reply.status(400).send(body('VALIDATION_FAILED', serverMessages.validationFailed, fields));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('TOO_MANY_REQUESTS', serverMessages.tooManyRequests));
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(frameworkErrorCode(status), serverMessages.badRequest));
    }
    request.log.error(error);
    return reply.status(500).send(body('INTERNAL', serverMessages.internal));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: serverMessages.notFound } } satisfies ApiErrorBody),
  );
}
