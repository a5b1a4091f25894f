import { createWechatServerApi, type WechatAnswer, type WechatServerApi, type WechatServerOptions } from './access-token';

/**
 * Subscription messages (订阅消息): `POST /cgi-bin/message/subscribe/send?access_token=…`
 * with `{touser, template_id, page?, data: {key: {value}}, miniprogram_state?, lang?}` →
 * `{errcode, errmsg, msgid}`. One-time subscriptions: each "accept" in
 * wx.requestSubscribeMessage allows one message; WeChat answers 43101 when there is none.
 * Value limits by key prefix: thing ≤ 20 chars, phrase ≤ 5, character_string ≤ 32.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

export interface SubscribeMessageClient {
  send(message: SubscribeMessage): Promise<{ msgid: number | string | null }>;
}

/** errcodes that no retry will fix: the user refused / has no quota, bad openid, template or data. */
export const PERMANENT_SUBSCRIBE_ERRORS = new Set([40003, 40037, 43101, 47003, 41030]);

/** Cuts a value to WeChat's per-key length limit. */
export function fitTemplateValue(key: string, value: string): string {
  const limit = key.startsWith('thing') ? 20 : key.startsWith('phrase') ? 5 : key.startsWith('character_string') ? 32 : 64;
  const chars = [...value];
  if (chars.length <= limit) return value;
  return key.startsWith('thing') ? chars.slice(0, limit - 1).join('') + '…' : chars.slice(0, limit).join('');
}

export function createSubscribeMessageClient(options: WechatServerOptions | { api: WechatServerApi }): SubscribeMessageClient {
  const api = 'api' in options ? options.api : createWechatServerApi(options);
  return {
    async send(message) {
      const data: Record<string, { value: string }> = {};
      for (const [key, value] of Object.entries(message.data)) data[key] = { value: fitTemplateValue(key, value) };
      const answer = await api.withToken((token) =>
        api.post<WechatAnswer & { msgid?: number | string }>(
          '/cgi-bin/message/subscribe/send',
          {
            touser: message.touser,
            template_id: message.templateId,
            ...(message.page ? { page: message.page } : {}),
            data,
            miniprogram_state: message.miniprogramState ?? 'formal',
            lang: message.lang ?? 'zh_CN',
          },
          token,
        ),
      );
      return { msgid: answer.msgid ?? null };
    },
  };
}
