import { en } from './en';
import { fill, type Locale, localized } from './language';
import { type Catalogue, zhCN } from './zh-CN';
import { zhHant } from './zh-Hant';

/** The main catalogue of each locale (the home search reads every one's words). */
export const catalogues: Readonly<Record<Locale, Catalogue>> = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en };

/** The main package's sentences in the current language (see language.ts). */
export const t: Catalogue = localized<Catalogue>(catalogues);

export { fill };
