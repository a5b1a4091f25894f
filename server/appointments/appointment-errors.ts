import { appointmentMessages } from '../../miniprogram/domain/appointments';
import type { ErrorCode } from '../../miniprogram/domain/error-codes';
import { ApiError, notFound } from '../http/api-error';

const conflict = (code: ErrorCode, message: string) => new ApiError(409, code, message);

/** The appointment flow's errors: stable codes the front ends switch on, Chinese messages from the shared domain. */
export const appointmentErrors = {
  notNeeded: () => conflict('APPOINTMENT_NOT_NEEDED', appointmentMessages.notNeeded),
  notOpen: () => conflict('APPOINTMENT_NOT_OPEN', appointmentMessages.notOpen),
  slotUnavailable: () => conflict('SLOT_UNAVAILABLE', appointmentMessages.slotUnavailable),
  slotFull: () => conflict('SLOT_FULL', appointmentMessages.slotFull),
  tooLate: (hours: number) => conflict('TOO_LATE', appointmentMessages.tooLate(hours)),
  noBooking: () => conflict('NO_BOOKING', appointmentMessages.noBooking),
  alreadyDone: () => conflict('ALREADY_DONE', appointmentMessages.alreadyDone),
  mailNotOffered: () => conflict('MAIL_EXCEPTION_NOT_OFFERED', appointmentMessages.mailNotOffered),
  mailExists: () => conflict('MAIL_EXCEPTION_EXISTS', appointmentMessages.mailExists),
  mailDecided: () => conflict('MAIL_EXCEPTION_DECIDED', appointmentMessages.mailDecided),
  notToday: () => conflict('NOT_TODAY', appointmentMessages.notToday),
  tooEarly: () => conflict('TOO_EARLY', appointmentMessages.tooEarly),
  notChangeable: () => conflict('BOOKING_NOT_CHANGEABLE', appointmentMessages.notChangeable),
  codeUnknown: () => notFound(appointmentMessages.codeUnknown),
  bookingNotFound: () => notFound(appointmentMessages.bookingNotFound),
  slotNotFound: () => notFound(appointmentMessages.slotNotFound),
  requestNotFound: () => notFound(appointmentMessages.requestNotFound),
  typeNotFound: () => notFound(appointmentMessages.typeNotFound),
};
