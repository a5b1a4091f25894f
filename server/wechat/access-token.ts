import { WechatApiError } from './wechat-login';

/**
 * The mini-program's access token (`POST /cgi-bin/stable_token`), cached until five
 * minutes before it expires, and a JSON POST helper for WeChat's server APIs. Shared by
 * face verification and subscription messages.
 */
export interface WechatServerOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

export interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

export interface WechatServerApi {
  /** POST JSON; throws WechatApiError on HTTP failure (errcode -1) or a non-zero errcode. */
  post<T extends WechatAnswer>(pathname: string, body: unknown, accessToken?: string): Promise<T>;
  accessToken(): Promise<string>;
  /** Calls with a token; on 40001/42001 (revoked or expired early) fetches a new one once. */
  withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

export function createWechatServerApi(options: WechatServerOptions): WechatServerApi {
  const timeoutMs = options.timeoutMs ?? 5000;
  let token: { value: string; expiresAt: number } | null = null;

  async function post<T extends WechatAnswer>(pathname: string, body: unknown, accessToken?: string): Promise<T> {
    const url = new URL(pathname, options.apiBase);
    if (accessToken) url.searchParams.set('access_token', accessToken);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new WechatApiError(-1, `network: ${(error as Error).message}`);
    }
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
    const answer = (await response.json()) as T;
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    return answer;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const answer = await post<WechatAnswer & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.appSecret,
    });
    if (!answer.access_token) throw new WechatApiError(-1, 'no access_token');
    // Refresh five minutes early so a request never carries a token about to expire.
    token = { value: answer.access_token, expiresAt: Date.now() + Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  async function withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await call(await accessToken());
    } catch (error) {
      if (error instanceof WechatApiError && (error.errcode === 40001 || error.errcode === 42001)) {
        token = null;
        return call(await accessToken());
      }
      throw error;
    }
  }

  return { post, accessToken, withToken };
}
