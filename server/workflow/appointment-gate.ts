import type { Kysely } from 'kysely';
import { appointmentMessages } from '../../miniprogram/domain/appointments';
import { APPOINTMENT_KIND_LABELS } from '../../contracts/appointments';
import type { AppointmentRule, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

/**
 * In-person appointments as state-machine rules (docs/appointments.md): a service declares
 * in `rules.appointments` which appointment its orders need, when it is booked and which
 * staff actions wait for it; the mission decides whether it offers that appointment type.
 * Here, in workflow (imported by transitions and by server/appointments, importing
 * neither), because the transition check and the booking pages ask the same questions.
 */

export interface AppointmentOrder {
  id: string;
  mission_id: string;
  collection: string | null;
}

/** The service's rules that apply to this order: the mission offers the type (active) and the collection matches. */
export async function applicableAppointmentRules(
  db: Kysely<Database>,
  order: AppointmentOrder,
  service: Pick<ServiceDefinition, 'rules'> | undefined,
): Promise<AppointmentRule[]> {
  const rules = (service?.rules.appointments ?? []).filter((rule) => !rule.collection || rule.collection === order.collection);
  if (rules.length === 0) return [];
  const offered = await db
    .selectFrom('appointment_types')
    .select('kind')
    .where('mission_id', '=', order.mission_id)
    .where('active', '=', true)
    .where('kind', 'in', rules.map((rule) => rule.kind))
    .execute();
  const kinds = new Set(offered.map((row) => row.kind));
  return rules.filter((rule) => kinds.has(rule.kind));
}

/** Taken: a booking checked in at the counter, or the citizen's request to do it by mail accepted. */
export async function appointmentDone(db: Kysely<Database>, applicationId: string, kind: AppointmentRule['kind']): Promise<boolean> {
  const checkedIn = await db
    .selectFrom('appointment_bookings')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .where('status', '=', 'checked_in')
    .executeTakeFirst();
  if (checkedIn) return true;
  const mailed = await db
    .selectFrom('appointment_mail_requests')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  return !!mailed;
}

/** Refuses `action` (409 APPOINTMENT_REQUIRED) while an appointment that gates it is not taken. */
export async function assertAppointmentGates(
  db: Kysely<Database>,
  order: AppointmentOrder,
  service: Pick<ServiceDefinition, 'rules'> | undefined,
  action: string,
): Promise<void> {
  const gating = (service?.rules.appointments ?? []).filter((rule) => rule.gates?.includes(action));
  if (gating.length === 0) return;
  for (const rule of await applicableAppointmentRules(db, order, { rules: { ...service!.rules, appointments: gating } })) {
    if (!(await appointmentDone(db, order.id, rule.kind))) {
      throw new ApiError(409, 'APPOINTMENT_REQUIRED', appointmentMessages.required(APPOINTMENT_KIND_LABELS[rule.kind]));
    }
  }
}
