import { emergencyTravelTile } from './emergency-travel-tile';
import { passportTile } from './passport-tile';
import { pensionTile } from './pension-tile';

/**
 * The home page's tiles of the application services, registry-side. Each service keeps its
 * tile (id, icon, name) in a tiny `<service>-tile.ts` beside its definition — the text map
 * takes the name from there — so the home page in the main package lists the services
 * without loading their definitions, which ship in the subpackages. A test checks that
 * these tiles and the registered services are the same list with the same names.
 */
export interface ServiceTile {
  /** The registered service's id. */
  service: string;
  /** TDesign icon name. */
  icon: string;
  /** The service's title in the default locale (its text map's `title`). */
  title: string;
  /** Its title in the other locales ('zh-Hant', 'en'; their text maps' `title`). */
  titles: Readonly<Record<string, string>>;
  /** Its place among the 长辈版 home's large tiles (1 = first); absent: not shown there. */
  elderHomeRank?: number;
}

/** A tile's name in `locale`, the default one's when it has none. */
export function tileTitle(tile: ServiceTile, locale: string): string {
  return tile.titles[locale] ?? tile.title;
}

/** In the order the home page shows them. */
export const APPLICATION_TILES: readonly ServiceTile[] = [passportTile, emergencyTravelTile, pensionTile];
