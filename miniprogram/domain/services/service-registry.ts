import type { ApplicationServiceId, ServiceDefinition } from './definition-types';
import { emergencyTravelService } from './emergency-travel';
import { passportService } from './passport';

/**
 * Every service that takes applications, for the server and the console. A subpackage
 * imports its own definition file directly so it does not carry the others.
 */
export const APPLICATION_SERVICES: Readonly<Record<ApplicationServiceId, ServiceDefinition>> = {
  passport: passportService,
  emergency_travel: emergencyTravelService,
};

export const APPLICATION_SERVICE_IDS = Object.keys(APPLICATION_SERVICES) as ApplicationServiceId[];

export function findApplicationService(id: string): ServiceDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(APPLICATION_SERVICES, id)
    ? APPLICATION_SERVICES[id as ApplicationServiceId]
    : undefined;
}
