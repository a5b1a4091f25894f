/**
 * Which language the mini-program speaks: 简体中文 (default), 繁體中文 or English. It follows
 * the phone's WeChat language until the citizen picks one in 我的, which is remembered on the
 * device. Catalogues are read through `localized()`, so a sentence looked up after a switch
 * is already in the new language; pages re-render their text on the next show
 * (locale/localized-page.ts).
 */
import { localizedMessages, type MessageLocale, setMessageLocaleSource } from '../domain/message-locale';

export type { Widen } from '../domain/message-locale';

export type Locale = MessageLocale;
export type LocaleChoice = Locale | 'system';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-Hant', 'en'];

const STORAGE_KEY = 'language';

/**
 * WeChat's language codes (`wx.getAppBaseInfo().language`: zh_CN, zh_TW, zh_HK, en, …) to
 * ours. A language we do not have falls back to 简体中文, what every citizen can read here.
 */
export function localeOfWeChatLanguage(language: string | undefined): Locale {
  const code = (language ?? '').toLowerCase().replace('_', '-');
  if (code === 'zh-tw' || code === 'zh-hk' || code === 'zh-mo' || code.startsWith('zh-hant')) return 'zh-Hant';
  if (code === 'en' || code.startsWith('en-')) return 'en';
  return DEFAULT_LOCALE;
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function systemLocale(): Locale {
  try {
    return localeOfWeChatLanguage(wx.getAppBaseInfo().language);
  } catch {
    return DEFAULT_LOCALE;
  }
}

let chosen: LocaleChoice | undefined;

/** What the citizen chose in 我的 ('system': follow the phone). */
export function localeChoice(): LocaleChoice {
  if (chosen === undefined) {
    let saved: unknown = '';
    try {
      saved = wx.getStorageSync(STORAGE_KEY);
    } catch {
      // Storage unavailable: follow the phone.
    }
    chosen = isLocale(saved) ? saved : 'system';
  }
  return chosen;
}

let resolved: Locale | undefined;

/** The language every page speaks now. */
export function currentLocale(): Locale {
  if (resolved === undefined) {
    const choice = localeChoice();
    resolved = choice === 'system' ? systemLocale() : choice;
  }
  return resolved;
}

// Domain messages (validators) follow the same choice.
setMessageLocaleSource(() => currentLocale());

/** Remembers the citizen's choice on this device and switches at once. */
export function chooseLocale(choice: LocaleChoice): Locale {
  chosen = choice;
  resolved = undefined;
  try {
    if (choice === 'system') wx.removeStorageSync(STORAGE_KEY);
    else wx.setStorageSync(STORAGE_KEY, choice);
  } catch {
    // Not remembered, but this launch still switches.
  }
  return currentLocale();
}

/** The `Accept-Language` value the request layer sends, so the server answers in kind. */
export function acceptLanguage(): string {
  return currentLocale() === 'zh-Hant' ? 'zh-Hant,zh-TW;q=0.9' : currentLocale();
}

/** One catalogue per locale, read as the current one: `text.title` looked up after a switch is the new language's. */
export const localized: <T extends object>(catalogues: Readonly<Record<Locale, T>>) => T = localizedMessages;

/** Fills {placeholders} in a sentence. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * A subpackage's `t`: the main package's catalogue plus the subpackage's own sections
 * (`t.apply`, `t.order`…), each read in the current language — the subpackage's strings
 * ship with it, not in the main package.
 */
export function extended<M extends object, S extends object>(main: M, sections: Readonly<Record<Locale, S>>): M & S {
  const own = localized(sections);
  return new Proxy({} as M & S, {
    get: (_target, key) => (key in own ? (own as Record<string | symbol, unknown>)[key] : (main as Record<string | symbol, unknown>)[key]),
  });
}

/** Each language named in itself, for the switch in 我的. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };
