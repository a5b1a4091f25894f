/**
 * The one door to the API server: every call goes through `request()`, which adds the
 * session token, turns error bodies into ApiError, and — when the server says the token
 * is no longer good (401) — logs in with WeChat again once and retries.
 */
import { apiBaseUrl } from '../config';
import { ApiError } from '../domain/api-error';
import type { ApiErrorBody, LoginResponse } from '../domain/api-types';
import { acceptLanguage } from '../locale/language';
import { t } from '../locale/text';

export { ApiError };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RawResponse {
  status: number;
  data: unknown;
  etag?: string;
}

/** wx.request as a promise; never rejects on HTTP status, only on network failure. */
function send(method: HttpMethod, path: string, body?: unknown, token?: string | null, extraHeader: Record<string, string> = {}): Promise<RawResponse> {
  // The server answers (error messages included) in the language the citizen reads.
  const header: Record<string, string> = { 'Accept-Language': acceptLanguage(), ...extraHeader };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${apiBaseUrl()}${path}`,
      method,
      data: body as WechatMiniprogram.IAnyObject | undefined,
      header,
      dataType: 'json',
      success: (res) => {
        const headers = (res.header ?? {}) as Record<string, string>;
        resolve({ status: res.statusCode, data: res.data, etag: headers.ETag ?? headers.etag ?? headers.Etag });
      },
      fail: () => reject(new ApiError(0, 'NETWORK', t.networkError)),
    });
  });
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  const error = (data as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string';
}

function toApiError(res: RawResponse): ApiError {
  if (isErrorBody(res.data)) {
    const { code, message, fields } = res.data.error;
    return new ApiError(res.status, code, message || t.serverError, fields);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, t.serverError);
}

function unwrap<T>(res: RawResponse): T {
  if (res.status >= 200 && res.status < 300) return (res.status === 204 ? undefined : res.data) as T;
  throw toApiError(res);
}

// --- Session token -----------------------------------------------------------------

const SESSION_STORAGE_KEY = 'session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

let session: StoredSession | null = null;
let sessionLoaded = false;

/** The saved token, if it has not expired yet (a still-valid token may yet get a 401). */
export function currentToken(): string | null {
  if (!sessionLoaded) {
    sessionLoaded = true;
    try {
      const saved = wx.getStorageSync(SESSION_STORAGE_KEY) as StoredSession | '';
      session = saved && typeof saved.token === 'string' ? saved : null;
    } catch {
      session = null;
    }
  }
  if (session && Date.parse(session.expiresAt) <= Date.now()) session = null;
  return session?.token ?? null;
}

function saveSession(next: StoredSession | null): void {
  session = next;
  sessionLoaded = true;
  try {
    if (next) wx.setStorageSync(SESSION_STORAGE_KEY, next);
    else wx.removeStorageSync(SESSION_STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the session still works for this launch.
  }
}

export function clearSession(): void {
  saveSession(null);
}

function wxLoginCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => (res.code ? resolve(res.code) : reject(new ApiError(0, 'WECHAT_LOGIN_FAILED', t.loginFailed))),
      fail: () => reject(new ApiError(0, 'WECHAT_LOGIN_FAILED', t.loginFailed)),
    });
  });
}

let loginInFlight: Promise<LoginResponse> | null = null;

/**
 * wx.login → POST /api/auth/login. Concurrent callers (e.g. several requests hitting 401
 * at once) share one login, because each WeChat code is valid only once.
 */
export function loginWithWeChat(): Promise<LoginResponse> {
  if (!loginInFlight) {
    loginInFlight = (async () => {
      const code = await wxLoginCode();
      const res = unwrap<LoginResponse>(await send('POST', '/api/auth/login', { code }));
      saveSession({ token: res.token, expiresAt: res.expiresAt });
      return res;
    })().finally(() => {
      loginInFlight = null;
    });
  }
  return loginInFlight;
}

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  /**
   * true (default): log in if needed, re-login once on 401. false: public endpoint, no token.
   * 'optional': public endpoint that also counts per citizen (the legalization check's
   * per-user rate limit) — send the saved token if there is one, never log in for it.
   */
  auth?: boolean | 'optional';
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, auth = true } = options;
  if (!auth) return unwrap<T>(await send(method, path, body));
  if (auth === 'optional') return unwrap<T>(await send(method, path, body, currentToken()));

  const token = currentToken() ?? (await loginWithWeChat()).token;
  const first = await send(method, path, body, token);
  if (first.status !== 401) return unwrap<T>(first);

  // The token expired or was revoked: log in again, once, and retry.
  const fresh = await loginWithWeChat();
  return unwrap<T>(await send(method, path, body, fresh.token));
}

// --- Revalidated public GETs ------------------------------------------------------

const SAVED_PREFIX = 'http:';

export interface SavedResponse<T> {
  etag: string;
  data: T;
  savedAt: number;
}

/** The last copy of a public GET kept on the phone (with its ETag), or null. */
export function savedResponse<T>(path: string): SavedResponse<T> | null {
  try {
    const saved = wx.getStorageSync(SAVED_PREFIX + path) as SavedResponse<T> | '';
    return saved && typeof saved.etag === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/**
 * A public GET the server marks with an ETag (missions, information): the saved copy's tag
 * goes along as If-None-Match, and a 304 — no body — means the copy is still right; a new
 * body replaces the copy. A network failure still rejects (ApiError status 0): callers
 * that can show a saved copy offline read it with savedResponse() / their own copy.
 */
export async function requestRevalidated<T>(path: string): Promise<T> {
  const saved = savedResponse<T>(path);
  const res = await send('GET', path, undefined, null, saved ? { 'If-None-Match': saved.etag } : {});
  if (res.status === 304 && saved) return saved.data;
  const data = unwrap<T>(res);
  if (res.etag) {
    try {
      wx.setStorageSync(SAVED_PREFIX + path, { etag: res.etag, data, savedAt: Date.now() } satisfies SavedResponse<T>);
    } catch {
      // Storage full: the answer still serves this view.
    }
  }
  return data;
}

/** wx.uploadFile as a promise (multipart, the file in field `name`); the answer parsed as JSON. */
function sendFile(path: string, filePath: string, name: string, token: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${apiBaseUrl()}${path}`,
      filePath,
      name,
      header: { Authorization: `Bearer ${token}` },
      success: (res) => {
        let data: unknown = res.data;
        try {
          data = JSON.parse(res.data);
        } catch {
          // Not JSON: keep the text.
        }
        resolve({ status: res.statusCode, data });
      },
      fail: () => reject(new ApiError(0, 'NETWORK', t.networkError)),
    });
  });
}

/** Uploads a local file (camera, album, canvas export) with the same token and 401 handling as request(). */
export async function uploadFile<T>(path: string, filePath: string, name = 'file'): Promise<T> {
  const token = currentToken() ?? (await loginWithWeChat()).token;
  const first = await sendFile(path, filePath, name, token);
  if (first.status !== 401) return unwrap<T>(first);
  const fresh = await loginWithWeChat();
  return unwrap<T>(await sendFile(path, filePath, name, fresh.token));
}
