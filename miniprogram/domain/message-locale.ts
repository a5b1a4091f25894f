/**
 * The language domain messages are read in, shared by the mini-program and the server
 * (pure: no wx, no node). The mini-program points it at the citizen's choice
 * (locale/language.ts); the server at the language of the request being answered
 * (server/http/request-locale.ts). A catalogue made by `localizedMessages` reads every
 * sentence in that language at the moment it is looked up.
 */
export type MessageLocale = 'zh-CN' | 'zh-Hant' | 'en';

/**
 * Kept on the global object, not in this module: the mini-program's build copies this file
 * into each subpackage that uses domain code (scripts/miniprogram/subpackage-domain.ts), and
 * every copy must read the one language the citizen chose.
 */
const holder = globalThis as { __messageLocaleSource?: () => MessageLocale };

const source = (): MessageLocale => holder.__messageLocaleSource?.() ?? 'zh-CN';

export function setMessageLocaleSource(next: () => MessageLocale): void {
  holder.__messageLocaleSource = next;
}

export function messageLocale(): MessageLocale {
  return source();
}

/** A catalogue's shape with every string widened (so a translation may say anything). */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** One catalogue per locale, read as the current one (only reading is passed through). */
export function localizedMessages<T extends object>(catalogues: Readonly<Record<MessageLocale, T>>): T {
  const current = () => catalogues[source()] as Record<string | symbol, unknown>;
  return new Proxy({} as T, {
    get: (_target, key) => current()[key],
    has: (_target, key) => key in current(),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Object.getOwnPropertyDescriptor(current(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}
