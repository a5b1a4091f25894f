/**
 * The fetch the call code uses on both sides: JSON, same origin, and for the citizen the
 * call's bearer token (the console's own request layer is cookie-only and cannot abort a
 * long poll). Kept free of the console's locale so the citizen's page stays small.
 */
import { ApiError } from '../../../miniprogram/domain/api-error';
import type { ApiErrorBody } from '../../../miniprogram/domain/api-types';

export { ApiError };

export interface CallRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Citizen: the token from CallJoin. Staff: none, the cookie goes along. */
  token?: string;
  signal?: AbortSignal;
  /** Let a hangup leave the page with it (pagehide). */
  keepalive?: boolean;
}

export async function callRequest<T>(path: string, options: CallRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', String(error));
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const error = (payload as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText);
  }
  return payload as T;
}
