/**
 * The home page's service grid, as data: which tiles, in what order, and where a tap leads.
 * (A service's steps and fields live in domain/services/.) A tile opens a page once its
 * subpackage exists; until then tapping it says 即将开放 instead of leading to a placeholder.
 * Pure TypeScript (no wx), so the server and the console can list the same services.
 */
export type ServiceId =
  | 'passport'
  | 'emergency_travel'
  | 'pension'
  | 'legalization_check'
  | 'consular_info'
  | 'hotline_12308';

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
}

export const SERVICES: readonly ServiceDefinition[] = [
  // One step-form page (subpackage "apply") renders every application service's definition.
  { id: 'passport', nameZh: '护照旅行证', icon: 'book', entry: { kind: 'page', path: '/packages/apply/form/index?service=passport' } },
  { id: 'emergency_travel', nameZh: '应急旅行证', icon: 'time', entry: { kind: 'page', path: '/packages/apply/form/index?service=emergency_travel' } },
  { id: 'pension', nameZh: '养老金资格认证', icon: 'money', entry: { kind: 'page', path: '/packages/apply/form/index?service=pension' } },
  { id: 'legalization_check', nameZh: '领事认证查验', icon: 'verified', entry: { kind: 'page', path: '/packages/legalization/verify/index' } },
  { id: 'consular_info', nameZh: '领事资讯', icon: 'article', entry: { kind: 'page', path: '/packages/info/index/index' } },
  { id: 'hotline_12308', nameZh: '12308领事保护', icon: 'call', entry: { kind: 'hotline' } },
];

export function findService(id: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.id === id);
}
