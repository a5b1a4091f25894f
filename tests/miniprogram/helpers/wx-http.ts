/**
 * Binds the mini-program's wx.request and wx.login to the real thing: HTTP via fetch, and
 * login codes minted by the local WeChat sandbox — so the api/ layer runs unchanged against
 * the real server.
 */
export interface WxHttpCounters {
  logins: number;
  requests: Array<{ method: string; url: string }>;
}

type RequestOptions = WechatMiniprogram.RequestOption;

export function bindWxToHttp(
  mintLoginCode: () => Promise<string>,
  rewrite: (options: RequestOptions) => RequestOptions = (options) => options,
): WxHttpCounters {
  const counters: WxHttpCounters = { logins: 0, requests: [] };

  wx.login = ((options: WechatMiniprogram.LoginOption) => {
    counters.logins += 1;
    mintLoginCode().then(
      (code) => options.success?.({ code, errMsg: 'login:ok' }),
      (error: unknown) => options.fail?.({ errMsg: `login:fail ${String(error)}` } as never),
    );
  }) as typeof wx.login;

  wx.request = ((raw: RequestOptions) => {
    const options = rewrite(raw);
    const method = options.method ?? 'GET';
    counters.requests.push({ method, url: options.url });
    const body = options.data === undefined ? undefined : JSON.stringify(options.data);
    fetch(options.url, { method, headers: options.header as Record<string, string>, body }).then(
      async (response) => {
        const text = await response.text();
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : '';
        } catch {
          // Not JSON: wx.request hands over the string.
        }
        const header: Record<string, string> = {};
        response.headers.forEach((value, key) => (header[key] = value));
        options.success?.({
          statusCode: response.status,
          data: data as WechatMiniprogram.IAnyObject,
          header,
          cookies: [],
          errMsg: 'request:ok',
        } as unknown as WechatMiniprogram.RequestSuccessCallbackResult);
      },
      (error: unknown) => options.fail?.({ errMsg: `request:fail ${String(error)}`, errno: 0 } as WechatMiniprogram.RequestFailCallbackErr),
    );
    return { abort() {} } as WechatMiniprogram.RequestTask;
  }) as typeof wx.request;

  return counters;
}
