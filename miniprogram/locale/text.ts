import { en } from './en';
import { fill, localized } from './language';
import { type Catalogue, zhCN } from './zh-CN';
import { zhHant } from './zh-Hant';

/** The main package's sentences in the current language (see language.ts). */
export const t: Catalogue = localized<Catalogue>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });

export { fill };
