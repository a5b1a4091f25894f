import type { FastifyServerOptions } from 'fastify';

/** Where log lines go instead of stdout. */
export interface LogStream {
  write(line: string): void;
}

/** Headers and body fields that are secrets or personal data, wherever they appear in a log line. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.email',
  '*.ticket',
  '*.token',
];

/**
 * A URL for the log: the path, and the query's parameter names only — query values carry
 * one-use call tickets, searches for names and ID numbers, legalization numbers.
 */
export function loggableUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return path;
  const names = query.split('&').map((pair) => pair.split('=', 1)[0]).filter(Boolean);
  return `${path}?${names.map((name) => `${name}=…`).join('&')}`;
}

/**
 * An error for the log: what went wrong and where, never its attached data — database
 * errors carry the query's parameters (names, phones, ciphertexts), which stay out.
 */
export function loggableError(error: Error): { type: string; message: string; stack: string; [key: string]: unknown } {
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  // PostgreSQL quotes the offending value in its messages ('invalid input syntax …: "…"').
  const fromDatabase = 'params' in error || 'severity' in error;
  const message = fromDatabase ? error.message.replace(/"[^"]*"/g, '"…"') : error.message;
  const stack = fromDatabase ? (error.stack ?? '').replace(/"[^"]*"/g, '"…"') : (error.stack ?? '');
  return { type: error.constructor?.name ?? 'Error', message, code, statusCode, stack };
}

/** Fastify's logger: pino with the redactions and serializers above (`stream`: tests read the log). */
export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      // pino would copy an error's own message into `msg`; give it the cleaned one instead.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (first instanceof Error && rest.length === 0) return method.apply(this, [first, loggableError(first).message] as never);
        return method.apply(this, args);
      },
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip }),
      err: loggableError,
    },
  };
}
