/**
 * The home page's service grid, as data: which tiles, in what order, and where a tap leads.
 * (A service's steps and fields live in domain/services/.) A tile opens a page once its
 * subpackage exists; until then tapping it says 即将开放 instead of leading to a placeholder.
 * Pure TypeScript (no wx), so the server and the console can list the same services.
 * The application services' tiles come from the registry side (services/service-tiles.ts),
 * so adding a service never means editing this file.
 */
import { APPLICATION_TILES, tileTitle } from './services/service-tiles';

/** An application service's id (from its tile), or one of the other tiles below. */
export type ServiceId = string;

export type ServiceEntry =
  /** A page in the service's own subpackage. */
  | { kind: 'page'; path: string }
  /** One tap dials the 12308 hotline (after a confirmation). */
  | { kind: 'hotline' }
  /** Not built yet. */
  | { kind: 'coming_soon' };

export interface ServiceDefinition {
  id: ServiceId;
  nameZh: string;
  /** TDesign icon name. */
  icon: string;
  entry: ServiceEntry;
  /** Its place among the 长辈版 home's large tiles (1 = first); absent: not shown there. */
  elderHomeRank?: number;
}

export const SERVICES: readonly ServiceDefinition[] = [
  // One step-form page (subpackage "apply") renders every application service's definition.
  ...APPLICATION_TILES.map(
    (tile): ServiceDefinition => ({
      id: tile.service,
      nameZh: tile.title,
      icon: tile.icon,
      elderHomeRank: tile.elderHomeRank,
      entry: { kind: 'page', path: `/packages/apply/form/index?service=${encodeURIComponent(tile.service)}` },
    }),
  ),
  { id: 'legalization_check', nameZh: '领事认证查验', icon: 'verified', entry: { kind: 'page', path: '/packages/legalization/verify/index' } },
  { id: 'consular_info', nameZh: '领事资讯', icon: 'article', elderHomeRank: 3, entry: { kind: 'page', path: '/packages/info/index/index' } },
  { id: 'hotline_12308', nameZh: '12308领事保护', icon: 'call', entry: { kind: 'hotline' } },
];

/** A tile's name in `locale`: application services from their tiles, the others from `names` (the locale's catalogue). */
export function serviceName(service: ServiceDefinition, locale: string, names: Readonly<Record<string, string>>): string {
  const tile = APPLICATION_TILES.find((t) => t.service === service.id);
  return tile ? tileTitle(tile, locale) : (names[service.id] ?? service.nameZh);
}

/**
 * 长辈版 home: the few services an older citizen comes for, as large tiles (12308 is a
 * button of its own there, always visible).
 */
export const ELDER_HOME_SERVICE_IDS: readonly ServiceId[] = SERVICES.filter((service) => service.elderHomeRank !== undefined)
  .sort((a, b) => a.elderHomeRank! - b.elderHomeRank!)
  .map((service) => service.id);

export function findService(id: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.id === id);
}
