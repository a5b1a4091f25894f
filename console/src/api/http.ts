/**
 * The one way the console talks to the server: fetch on the same origin (the session is
 * an HttpOnly cookie, so there is no token to handle), JSON both ways, and every failure
 * turned into an ApiError carrying the server's {error:{code,message}}.
 */
import { ApiError } from '../../../miniprogram/domain/api-error';
import { t } from '../locale/zh-CN';
import type { ApiErrorBody } from './types';

export { ApiError };

/** Codes for failures that never reached a server answer we could read. */
export const NETWORK_ERROR = 'NETWORK_ERROR' as const;
export const BAD_RESPONSE = 'BAD_RESPONSE';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /**
   * A 401 normally means the session ended, so the console goes to the login page. The
   * sign-in call and the start-up "who am I" check handle 401 themselves instead.
   */
  redirectOnUnauthorized?: boolean;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;

/** Set once by main.ts; kept as a hook so this module does not depend on the router. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, redirectOnUnauthorized = true } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, t.errors.network);
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);

  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && redirectOnUnauthorized) onUnauthorized();
    throw error;
  }
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, for instance: not ours to show.
    if (response.ok) throw new ApiError(response.status, BAD_RESPONSE, t.errors.unexpected);
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, fields } = payload.error;
    return new ApiError(status, code, message, fields);
  }
  return new ApiError(status, `HTTP_${status}`, t.errors.unexpected);
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
