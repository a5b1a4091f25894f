/**
 * What the home page's search finds: ONE index, derived from what the program already has —
 * every service tile (domain/service-grid.ts, so a new service is found without an edit here)
 * and the pages and settings a citizen looks for, named by the words those pages already
 * show (我的's rows, the tab titles, 长辈版, 语言). The catalogue adds only other words a
 * citizen may type (`search.keywords`) and the names of the info pages.
 *
 * Matching reads every locale's words, current one first: 简体 and 繁體 find each other
 * ("关怀" / "關懷", "护照" / "護照") and an English word works in Chinese, at no cost —
 * the three main catalogues ship in the main package anyway.
 */
import { SERVICES, serviceName } from '../../domain/service-grid';
import { currentLocale, LOCALES, type Locale } from '../../locale/language';
import { catalogues } from '../../locale/text';
import type { Catalogue } from '../../locale/zh-CN';
import { ROUTES } from '../../routes';

/** What tapping a result does. */
export type SearchTarget =
  /** What the service's home tile does (its page, the 12308 question, 即将开放). */
  | { kind: 'service' }
  | { kind: 'page'; url: string }
  | { kind: 'tab'; url: string }
  /** The 长辈版 switch itself: one tap turns it on or off. */
  | { kind: 'elder' };

export interface SearchEntry {
  id: string;
  icon: string;
  target: SearchTarget;
  title(locale: Locale): string;
}

/** Pages and settings that are not service tiles, with the words they already go by. */
const PLACES: ReadonlyArray<Omit<SearchEntry, 'title'> & { name(c: Catalogue): string }> = [
  { id: 'elder_mode', icon: 'user', target: { kind: 'elder' }, name: (c) => c.elderMode.title },
  { id: 'language', icon: 'translate', target: { kind: 'tab', url: ROUTES.me }, name: (c) => c.language.title },
  { id: 'documents', icon: 'book', target: { kind: 'page', url: ROUTES.documents }, name: (c) => c.me.documents },
  { id: 'registration', icon: 'earth', target: { kind: 'page', url: ROUTES.registration }, name: (c) => c.me.registration },
  { id: 'identity', icon: 'verified', target: { kind: 'page', url: ROUTES.identityForm }, name: (c) => c.me.identity },
  { id: 'mission', icon: 'location', target: { kind: 'page', url: ROUTES.missionPicker }, name: (c) => c.me.mission },
  { id: 'orders', icon: 'file', target: { kind: 'tab', url: ROUTES.orders }, name: (c) => c.orders.title },
  { id: 'messages', icon: 'notification', target: { kind: 'tab', url: ROUTES.messages }, name: (c) => c.messages.title },
  { id: 'news', icon: 'article', target: { kind: 'page', url: ROUTES.infoNews }, name: (c) => c.search.places.news },
  { id: 'alerts', icon: 'secured', target: { kind: 'page', url: ROUTES.infoAlerts }, name: (c) => c.search.places.alerts },
  { id: 'guide', icon: 'earth', target: { kind: 'page', url: ROUTES.infoGuide }, name: (c) => c.search.places.guide },
  { id: 'phrasebook', icon: 'translate', target: { kind: 'page', url: ROUTES.infoPhrasebook }, name: (c) => c.search.places.phrasebook },
];

/** Every entry: the service tiles in the grid's order, then the places. */
export const SEARCH_INDEX: readonly SearchEntry[] = [
  ...SERVICES.map(
    (service): SearchEntry => ({
      id: service.id,
      icon: service.icon,
      target: { kind: 'service' },
      title: (locale) => serviceName(service, locale, catalogues[locale].home.tiles),
    }),
  ),
  ...PLACES.map(({ name, ...place }): SearchEntry => ({ ...place, title: (locale) => name(catalogues[locale]) })),
];

export function findSearchEntry(id: string): SearchEntry | undefined {
  return SEARCH_INDEX.find((entry) => entry.id === id);
}

/** Case, full-width forms (１２３０８) and spacing do not matter. */
function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An entry's words in one locale: its title first, then its keywords. */
function wordsOf(entry: SearchEntry, locale: Locale): string[] {
  const keywords = (catalogues[locale].search.keywords as Readonly<Record<string, string>>)[entry.id] ?? '';
  return [entry.title(locale), ...keywords.split(/[、,，]/)].map(normalized).filter(Boolean);
}

/**
 * How well one word of the query fits an entry (lower is better), or undefined: the title
 * before a keyword, the current language before the others, a start before a middle.
 */
function fit(entry: SearchEntry, token: string, locales: readonly Locale[]): number | undefined {
  let best: number | undefined;
  locales.forEach((locale, localeRank) => {
    wordsOf(entry, locale).forEach((word, wordIndex) => {
      const at = word.indexOf(token);
      if (at < 0) return;
      const score = (localeRank > 0 ? 4 : 0) + (wordIndex > 0 ? 2 : 0) + (at > 0 ? 1 : 0);
      if (best === undefined || score < best) best = score;
    });
  });
  return best;
}

/** Separators a citizen may type between words, including Chinese punctuation and quotes. */
const SEPARATORS = /[\s,，、。.;；:：!！?？"'“”‘’「」()（）]+/;

/** The entries the query finds, best first (every word of the query must fit somewhere). */
export function searchEntries(query: string, locale: Locale = currentLocale()): SearchEntry[] {
  const tokens = normalized(query).split(SEPARATORS).filter(Boolean);
  if (!tokens.length) return [];
  const locales = [locale, ...LOCALES.filter((other) => other !== locale)];
  const found: Array<{ entry: SearchEntry; score: number }> = [];
  for (const entry of SEARCH_INDEX) {
    const scores = tokens.map((token) => fit(entry, token, locales));
    if (scores.every((score) => score !== undefined)) found.push({ entry, score: Math.max(...(scores as number[])) });
  }
  // Stable: equal fits keep the index's order (the grid's).
  return found.sort((a, b) => a.score - b.score).map(({ entry }) => entry);
}

/**
 * The home page's query from outside (WeChat search, a shared link): `?q=<words>` searches
 * them, `?elder=1` the 长辈版 switch. Values may arrive percent-encoded.
 */
export function searchQueryOf(query: Readonly<Record<string, string | undefined>>, locale: Locale = currentLocale()): string {
  if (query.q) {
    try {
      return decodeURIComponent(query.q);
    } catch {
      return query.q;
    }
  }
  return query.elder === '1' ? catalogues[locale].elderMode.title : '';
}
