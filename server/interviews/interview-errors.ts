import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../miniprogram/domain/error-codes';
import { interviewMessages } from '../../miniprogram/domain/interview';
import { orderMessages } from '../../miniprogram/domain/services/order-state-machine';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

const conflict = (code: ErrorCode, message: string, status = 409) => new ApiError(status, code, message);
/** Missing, or another mission's: its own code, so the refusal audit below tells it from any other 404 without reading the message. */
const refused = (message: string) => new ApiError(404, 'INTERVIEW_NOT_FOUND', message);

/** The interview flow's errors: stable codes the front ends switch on, Chinese messages from the shared domain. */
export const interviewErrors = {
  notRequired: () => conflict('INTERVIEW_NOT_REQUIRED', interviewMessages.notRequired),
  slotTaken: () => conflict('SLOT_TAKEN', interviewMessages.slotTaken),
  slotUnavailable: () => conflict('SLOT_UNAVAILABLE', interviewMessages.slotUnavailable),
  tooLate: () => conflict('TOO_LATE', interviewMessages.tooLate),
  callInProgress: () => conflict('CALL_IN_PROGRESS', interviewMessages.callInProgress),
  noBooking: () => conflict('NO_BOOKING', interviewMessages.noBooking),
  callNotOpen: () => conflict('CALL_NOT_OPEN', interviewMessages.callNotOpen),
  callEnded: () => conflict('CALL_ENDED', interviewMessages.callEnded),
  alreadyHeld: () => conflict('INTERVIEW_HELD', orderMessages.interviewHeld),
  cannotStartCall: () => conflict('CANNOT_START_CALL', interviewMessages.cannotStartCall),
  bookingNotChangeable: () => conflict('BOOKING_NOT_CHANGEABLE', interviewMessages.bookingNotChangeable),
  ticketInvalid: () => conflict('TICKET_INVALID', interviewMessages.ticketInvalid, 410),
  signalTooLarge: () => conflict('SIGNAL_TOO_LARGE', interviewMessages.signalTooLarge, 413),
  screenshotInvalid: () => new ApiError(400, 'IMAGE_REJECTED', interviewMessages.screenshotInvalid, { file: interviewMessages.screenshotInvalid }),
  screenshotTooLarge: () => new ApiError(413, 'FILE_TOO_LARGE', interviewMessages.screenshotTooLarge),
  slotNotFound: () => refused(interviewMessages.slotNotFound),
  bookingNotFound: () => refused(interviewMessages.bookingNotFound),
  callNotFound: () => refused(interviewMessages.callNotFound),
  screenshotNotFound: () => refused(interviewMessages.screenshotNotFound),
};

/**
 * Another mission's slot, booking, call or screenshot is a 404 (like a missing one) and
 * goes to the audit log, as installRefusalAudit (server/orders/routes.ts) does for
 * applications; installed on the interview plugins, so it sees only their routes
 * (the signal routes are outside /api/console, which that hook watches).
 */
export function auditInterviewRefusals(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof ApiError) || error.code !== 'INTERVIEW_NOT_FOUND') return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const subject = params.callId ?? params.bookingId ?? params.shotId ?? params.id ?? null;
    try {
      await recordAudit(db, {
        actorKind: request.staff ? 'staff' : 'system',
        actorId: request.staff?.staffId ?? null,
        missionId: request.staff?.missionId ?? null,
        action: 'access.refused',
        subject: subject?.slice(0, 64) ?? null,
        detail: { method: request.method, route: request.routeOptions.url ?? request.url, status: 404, code: error.code },
      });
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not audit a refused attempt');
    }
  });
}
