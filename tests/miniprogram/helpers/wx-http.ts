import * as fs from 'node:fs';
import * as path from 'node:path';
import { httpFetch } from './http-fetch';

/**
 * Binds the mini-program's wx.request, wx.uploadFile and wx.login to the real thing: HTTP via fetch (or
 * node:http where the test environment has no fetch, e.g. jsdom page tests), and
 * login codes minted by the local WeChat sandbox — so the api/ layer runs unchanged against
 * the real server.
 */
export interface WxHttpCounters {
  logins: number;
  requests: Array<{ method: string; url: string }>;
}

type RequestOptions = WechatMiniprogram.RequestOption;

type Send = (url: string, init: { method: string; headers?: Record<string, string>; body?: string | Uint8Array }) => Promise<{
  status: number;
  headers: Record<string, string>;
  text: string;
}>;

/** fetch when the environment has it, else node:http. */
const send: Send = async (url, init) => {
  if (typeof fetch !== 'function') return httpFetch(url, init);
  const response = await fetch(url, init as RequestInit);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return { status: response.status, headers, text: await response.text() };
};

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
    send(options.url, { method, headers: options.header as Record<string, string>, body }).then(
      async (response) => {
        const text = response.text;
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : '';
        } catch {
          // Not JSON: wx.request hands over the string.
        }
        const header = response.headers;
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

  // wx.uploadFile: the file from disk as multipart/form-data, as WeChat sends it.
  wx.uploadFile = ((options: WechatMiniprogram.UploadFileOption) => {
    counters.requests.push({ method: 'POST', url: options.url });
    const boundary = `----wxupload${Date.now().toString(16)}`;
    const type = /\.png$/i.test(options.filePath) ? 'image/png' : /\.jpe?g$/i.test(options.filePath) ? 'image/jpeg' : 'application/octet-stream';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${path.basename(options.filePath)}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      fs.readFileSync(options.filePath),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = { ...(options.header as Record<string, string>), 'content-type': `multipart/form-data; boundary=${boundary}` };
    send(options.url, { method: 'POST', headers, body: new Uint8Array(body) }).then(
      (response) => options.success?.({ statusCode: response.status, data: response.text, errMsg: 'uploadFile:ok' } as WechatMiniprogram.UploadFileSuccessCallbackResult),
      (error: unknown) => options.fail?.({ errMsg: `uploadFile:fail ${String(error)}` }),
    );
    return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} } as unknown as WechatMiniprogram.UploadTask;
  }) as typeof wx.uploadFile;

  return counters;
}
