import type { ServiceDefinition } from './definition-types';
import { emergencyTravelStructure } from './emergency-travel';
import { emergencyTravelTexts } from './emergency-travel-text';
import { passportStructure } from './passport';
import { passportTexts } from './passport-text';
import { pensionStructure } from './pension';
import { pensionTexts } from './pension-text';
import { DEFAULT_LOCALE, localizeService, type ServiceStructure, type ServiceTexts } from './service-text';

/**
 * The registry of application services: the only list of services. The server's enums and
 * schemas, the `services` table (seeded from here at start), the console's filters and the
 * mini-program's entries all read it; a service's rules live in its definition.
 *
 * Adding a service = a definition (+ its text map) registered below — see
 * docs/application-engine.md, "Add a service". Tests may register a fixture definition.
 */

export { DEFAULT_LOCALE };

interface RegisteredService {
  /** The definition in the default locale. */
  definition: ServiceDefinition;
  /** The definition in every locale it has a text map for (the default one included). */
  byLocale: ReadonlyMap<string, ServiceDefinition>;
}

const registry = new Map<string, RegisteredService>();

const SERVICE_ID = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * Adds a service — a structure with its text maps, or a worded definition — and returns it
 * in the default locale. It is put together in every locale it has a text map for, here and
 * once: a word missing in any of them throws (MissingServiceText), so no service is
 * registered with a gap. Refuses a second service with the same id or order-number letter.
 */
export function registerApplicationService(service: ServiceStructure | ServiceDefinition, texts: ServiceTexts = {}): ServiceDefinition {
  if (!SERVICE_ID.test(service.id)) throw new Error(`service id ${service.id}: lowercase letters, digits and _`);
  if (registry.has(service.id)) throw new Error(`service ${service.id} is already registered`);
  if (!/^[A-Z]$/.test(service.orderCode)) throw new Error(`service ${service.id}: orderCode must be one capital letter`);
  const clash = [...registry.values()].find((s) => s.definition.orderCode === service.orderCode);
  if (clash) throw new Error(`service ${service.id}: order code ${service.orderCode} is ${clash.definition.id}'s`);
  const locales = new Set([DEFAULT_LOCALE, ...Object.keys(texts)]);
  const byLocale = new Map([...locales].map((locale) => [locale, localizeService(service, texts[locale] ?? {}, locale)]));
  const definition = byLocale.get(DEFAULT_LOCALE)!;
  registry.set(service.id, { definition, byLocale });
  return definition;
}

registerApplicationService(passportStructure, passportTexts);
registerApplicationService(emergencyTravelStructure, emergencyTravelTexts);
registerApplicationService(pensionStructure, pensionTexts);

/** Every registered service, in registration order (the order filters list them in). */
export function applicationServices(): ServiceDefinition[] {
  return [...registry.values()].map((s) => s.definition);
}

export function applicationServiceIds(): [string, ...string[]] {
  return [...registry.keys()] as [string, ...string[]];
}

/** The service in `locale` (the default locale's when it has no text map for it), or undefined. */
export function findApplicationService(id: string, locale: string = DEFAULT_LOCALE): ServiceDefinition | undefined {
  const entry = registry.get(id);
  return entry ? (entry.byLocale.get(locale) ?? entry.definition) : undefined;
}

/** Locales a service has a text map for (the default one always). */
export function serviceLocales(id: string): string[] {
  const entry = registry.get(id);
  return entry ? [...entry.byLocale.keys()] : [];
}
