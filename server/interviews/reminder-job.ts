import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { enqueueJobOnce, type JobHandler, PermanentJobError } from '../jobs/job-queue';
import { enqueueStatusMessage } from '../workflow/transitions';
import { bookingById, missionZone } from './interview-view';
import { writeOrderNote } from '../workflow/citizen-messages';
import { messageWhen } from '../workflow/message-dates';

import { zonedLabel } from '../workflow/slot-times';

/**
 * A reminder REMINDER_MINUTES before a booked interview: a 消息中心 message and, through the
 * status subscription-message job (which spends quota only if the citizen has some), a
 * WeChat message. Enqueued with the booking, once per booking; when it runs it does nothing
 * unless the booking is still booked (moved, cancelled or marked missed: no reminder).
 */
export const INTERVIEW_REMINDER_JOB = 'interview.reminder';
export const REMINDER_MINUTES = 30;

export async function enqueueReminder(db: Kysely<Database>, booking: { bookingId: string; missionId: string; startsAt: Date }): Promise<void> {
  await enqueueJobOnce(db, {
    kind: INTERVIEW_REMINDER_JOB,
    dedupeKey: `${INTERVIEW_REMINDER_JOB}@${booking.bookingId}`,
    missionId: booking.missionId,
    payload: { bookingId: booking.bookingId },
    runAt: new Date(Math.max(Date.now(), booking.startsAt.getTime() - REMINDER_MINUTES * 60_000)),
  });
}

export function interviewReminderJob(db: Kysely<Database>): JobHandler {
  return async (job) => {
    const bookingId = (job.payload as { bookingId?: string }).bookingId;
    if (!bookingId) throw new PermanentJobError('bad payload');
    await db.transaction().execute(async (tx) => {
      const booking = await bookingById(tx, bookingId);
      if (!booking || booking.status !== 'booked') return;
      const order = await tx.selectFrom('applications').selectAll().where('id', '=', booking.application_id).executeTakeFirstOrThrow();
      if (order.status !== 'interview') return;
      const mission = await missionZone(tx, order.mission_id);
      const local = zonedLabel(new Date(booking.starts_at), mission.timeZone);
      await writeOrderNote(tx, order, { key: 'interviewReminder', params: { when: messageWhen(booking.starts_at, mission) } });
      // WeChat's thing field: at most 20 characters.
      await enqueueStatusMessage(tx, order, { status: order.status, hint: `面审将于${local.dateLabel.split(' ')[0]} ${local.time}开始`, reminder: 'interview' });
    });
  };
}
