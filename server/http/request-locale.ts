import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { type MessageLocale, setMessageLocaleSource } from '../../miniprogram/domain/message-locale';

/**
 * The language of the request being answered: what the mini-program's `Accept-Language`
 * asks for (zh-Hant / zh-TW / zh-HK → 繁體中文, en → English, anything else → 简体中文).
 * The staff console is in 简体中文 only, whatever its browser sends. Shared message
 * catalogues (serverMessages, the domain's messages) read it, so an error is rendered in
 * the caller's language where it is thrown. Outside a request (jobs, sweeps): 简体中文.
 */
const requestLocale = new AsyncLocalStorage<MessageLocale>();

export function localeOfAcceptLanguage(header: string | undefined): MessageLocale {
  const first = (header ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh-hant') || first === 'zh-tw' || first === 'zh-hk' || first === 'zh-mo') return 'zh-Hant';
  if (first === 'en' || first.startsWith('en-')) return 'en';
  return 'zh-CN';
}

setMessageLocaleSource(() => requestLocale.getStore() ?? 'zh-CN');

/**
 * Runs `work` (and everything it awaits) in 简体中文, whatever the request asked for: for
 * records written once and read by staff too (消息中心 entries, subscription messages),
 * which a citizen's English request must not write in English.
 */
export function inRecordLanguage<T>(work: () => T): T {
  return requestLocale.run('zh-CN', work);
}

export function installRequestLocale(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const locale = request.url.startsWith('/api/console/') ? 'zh-CN' : localeOfAcceptLanguage(request.headers['accept-language']);
    requestLocale.run(locale, done);
  });
}
