import type { ServiceDefinition } from './definition-types';
import { emergencyTravelService } from './emergency-travel';
import { emergencyTravelTexts } from './emergency-travel-text';
import { passportService } from './passport';
import { passportTexts } from './passport-text';
import { pensionService } from './pension';
import { pensionTexts } from './pension-text';
import { localizeService, type ServiceTexts } from './service-text';

/**
 * The registry of application services: the only list of services. The server's enums and
 * schemas, the `services` table (seeded from here at start), the console's filters and the
 * mini-program's entries all read it; a service's rules live in its definition.
 *
 * Adding a service = a definition (+ its text map) registered below — see
 * docs/application-engine.md, "Add a service". Tests may register a fixture definition.
 */

export const DEFAULT_LOCALE = 'zh-CN';

interface RegisteredService {
  /** The definition in the default locale. */
  definition: ServiceDefinition;
  /** Text maps by locale; the definition's own words are the default locale's. */
  texts: ServiceTexts;
  /** The definition laid out per other locale, made once (the server renders lists in a locale per request). */
  localized: Map<string, ServiceDefinition>;
}

const registry = new Map<string, RegisteredService>();

const SERVICE_ID = /^[a-z][a-z0-9_]{1,39}$/;

/** Adds a service; refuses a second one with the same id or order-number letter. */
export function registerApplicationService(definition: ServiceDefinition, texts: ServiceTexts = {}): ServiceDefinition {
  if (!SERVICE_ID.test(definition.id)) throw new Error(`service id ${definition.id}: lowercase letters, digits and _`);
  if (registry.has(definition.id)) throw new Error(`service ${definition.id} is already registered`);
  if (!/^[A-Z]$/.test(definition.orderCode)) throw new Error(`service ${definition.id}: orderCode must be one capital letter`);
  const clash = [...registry.values()].find((s) => s.definition.orderCode === definition.orderCode);
  if (clash) throw new Error(`service ${definition.id}: order code ${definition.orderCode} is ${clash.definition.id}'s`);
  registry.set(definition.id, { definition, texts, localized: new Map() });
  return definition;
}

registerApplicationService(passportService, passportTexts);
registerApplicationService(emergencyTravelService, emergencyTravelTexts);
registerApplicationService(pensionService, pensionTexts);

/** Every registered service, in registration order (the order filters list them in). */
export function applicationServices(): ServiceDefinition[] {
  return [...registry.values()].map((s) => s.definition);
}

export function applicationServiceIds(): [string, ...string[]] {
  return [...registry.keys()] as [string, ...string[]];
}

/** The service in `locale` (its text map laid over the definition), or undefined. */
export function findApplicationService(id: string, locale: string = DEFAULT_LOCALE): ServiceDefinition | undefined {
  const entry = registry.get(id);
  if (!entry) return undefined;
  const text = locale === DEFAULT_LOCALE ? undefined : entry.texts[locale];
  if (!text) return entry.definition;
  let localized = entry.localized.get(locale);
  if (!localized) entry.localized.set(locale, (localized = localizeService(entry.definition, text)));
  return localized;
}

/** Locales a service has a text map for (the default one always). */
export function serviceLocales(id: string): string[] {
  const entry = registry.get(id);
  return entry ? Array.from(new Set([DEFAULT_LOCALE, ...Object.keys(entry.texts)])) : [];
}
