/**
 * auth.code2Session: exchanges the one-time code from wx.login for the user's openid and
 * session_key. Base URL from config, so the same code talks to api.weixin.qq.com or to
 * the local sandbox.
 */
export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

/** WeChat answered with an errcode; `errcode` is WeChat's own number. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
  }
}

export interface WechatLoginClient {
  code2Session(code: string): Promise<WechatSession>;
}

export function createWechatLoginClient(options: {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}): WechatLoginClient {
  return {
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.searchParams.set('appid', options.appId);
      url.searchParams.set('secret', options.appSecret);
      url.searchParams.set('js_code', code);
      url.searchParams.set('grant_type', 'authorization_code');
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
      if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
      const body = (await response.json()) as {
        openid?: string;
        session_key?: string;
        unionid?: string;
        errcode?: number;
        errmsg?: string;
      };
      if (body.errcode) throw new WechatApiError(body.errcode, body.errmsg ?? '');
      if (!body.openid || !body.session_key) throw new WechatApiError(-1, 'incomplete code2Session answer');
      return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid ?? null };
    },
  };
}
