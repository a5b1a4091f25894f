import type { CitizenAppointment } from '../../../miniprogram/domain/appointments';
import type { CreateAppointmentSlotsRequest, UpdateAppointmentTypeRequest } from '../../../contracts/appointments';
import type { TestServer } from '../../helpers/test-server';
import type { Client } from '../applications/helpers';
import type { StaffSession } from '../interviews/helpers';

/** Shared by the appointment tests (server, mini-program and console suites). */

/** PUT /api/console/appointment-types/:kind as `staff` (a supervisor); throws unless 200. */
export async function setAppointmentType(server: TestServer, staff: StaffSession, kind: string, settings: Partial<UpdateAppointmentTypeRequest> = {}) {
  const reply = await server.app.inject({
    method: 'PUT',
    url: `/api/console/appointment-types/${kind}`,
    cookies: { cc_staff: staff.cookie },
    payload: { minutes: 15, capacity: 4, cutoffHours: 24, active: true, ...settings },
  });
  if (reply.statusCode !== 200) throw new Error(`set type: ${reply.statusCode} ${reply.body}`);
  return reply.json();
}

/** POST /api/console/appointment-slots with defaults (every weekday, 09:00–10:00); throws unless 200. */
export async function createAppointmentSlots(staff: Pick<StaffSession, 'post'>, request: Partial<CreateAppointmentSlotsRequest> & { kind: string; fromDate: string }) {
  const reply = await staff.post('/api/console/appointment-slots', { toDate: request.fromDate, weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '09:00', endTime: '10:00', ...request });
  if (reply.status !== 200) throw new Error(`create slots: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { created: number; skipped: number };
}

/** The order's appointment of `kind` as the citizen sees it. */
export async function citizenAppointment(api: Client, applicationId: string, kind: string): Promise<CitizenAppointment | undefined> {
  const reply = await api.get(`/api/applications/${applicationId}/appointments`);
  if (reply.status !== 200) throw new Error(`appointments: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body.appointments as CitizenAppointment[]).find((a) => a.kind === kind);
}

export const bookAppointment = (api: Client, applicationId: string, kind: string, slotId: string) =>
  api.post(`/api/applications/${applicationId}/appointments/${kind}/booking`, { slotId });
