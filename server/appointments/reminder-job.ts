import type { Kysely } from 'kysely';
import { appointmentMessages } from '../../miniprogram/domain/appointments';
import { APPOINTMENT_REMINDER_HOURS } from '../../contracts/appointments';
import type { Database } from '../db/schema';
import { enqueueJobOnce, type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { enqueueStatusMessage } from '../workflow/transitions';
import { zonedLabel } from '../workflow/slot-times';
import { missionPlace } from './appointment-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';


/**
 * The day-before reminder of an in-person appointment: a 消息中心 message and a
 * subscription message (spends quota only if the citizen has some). One job per booking
 * (dedupe key), and the message is written only by the UPDATE that sets `reminded_at`
 * where it was null — so two runners, a retry after a crash, or a re-enqueue all give one
 * reminder. A booking moved, cancelled or already taken gets none.
 */
export const APPOINTMENT_REMINDER_JOB = 'appointment.reminder';

export async function enqueueAppointmentReminder(db: Kysely<Database>, booking: { id: string; missionId: string; startsAt: Date }, now = Date.now()): Promise<void> {
  await enqueueJobOnce(db, {
    kind: APPOINTMENT_REMINDER_JOB,
    dedupeKey: `${APPOINTMENT_REMINDER_JOB}@${booking.id}`,
    missionId: booking.missionId,
    payload: { bookingId: booking.id },
    runAt: new Date(Math.max(now, booking.startsAt.getTime() - APPOINTMENT_REMINDER_HOURS * 3_600_000)),
  });
}

export function appointmentReminderJob(db: Kysely<Database>): JobHandler {
  return async (job) => {
    const bookingId = (job.payload as { bookingId?: string }).bookingId;
    if (!bookingId) throw new PermanentJobError('bad payload');
    return db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('appointment_bookings')
        .set({ reminded_at: new Date() })
        .where('id', '=', bookingId)
        .where('status', '=', 'booked')
        .where('reminded_at', 'is', null)
        .returning(['id', 'application_id', 'slot_id', 'kind'])
        .executeTakeFirst();
      if (!claimed) return { note: 'not booked any more, or reminded already' };
      const slot = await tx.selectFrom('appointment_slots').select('starts_at').where('id', '=', claimed.slot_id).executeTakeFirstOrThrow();
      const order = await tx.selectFrom('applications').selectAll().where('id', '=', claimed.application_id).executeTakeFirstOrThrow();
      const mission = await missionPlace(tx, order.mission_id);
      await writeOrderNote(tx, order, { key: 'appointmentReminder', params: { kind: claimed.kind, when: messageWhen(slot.starts_at, mission), address: mission.address } });
      const local = zonedLabel(new Date(slot.starts_at), mission.timeZone);
      // WeChat's thing field: at most 20 characters.
      await enqueueStatusMessage(tx, order, { status: order.status, hint: appointmentMessages.reminderHint(local.dateLabel.split(' ')[0]!, local.time), reminder: 'appointment' });
      return undefined;
    });
  };
}
