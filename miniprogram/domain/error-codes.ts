/**
 * Every code the server puts in an error body (`{ error: { code, message } }`), one line
 * each: the server's ApiError takes only these, the error handler maps framework errors onto
 * them, and the front ends switch on them (never on the message, which is in the reader's
 * language and may change). tests/server/http/error-codes.test.ts checks the handler sends
 * nothing else. Here, not in contracts/, because the mini-program reacts to some of them.
 */
export const ERROR_CODES = [
  // ── Any route ──
  /** 400: the request does not parse or fails its schema outside a form (bad JSON, bad parameter, bad URL). */
  'BAD_REQUEST',
  /** 400: a form's fields are wrong; `fields` says which and why. */
  'VALIDATION_FAILED',
  /** 400: the body nests deeper than the input guard allows. */
  'TOO_DEEP',
  /** 401: no session, or it expired: sign in (the mini-program logs in again once). */
  'UNAUTHENTICATED',
  /** 403: signed in, but this is not yours to do. */
  'FORBIDDEN',
  /** 403: a state-changing console request from another site. */
  'CROSS_SITE_REQUEST',
  /** 404: no such thing (or not yours to see — indistinguishable on purpose). */
  'NOT_FOUND',
  /** 405: the path exists, not with this method. */
  'METHOD_NOT_ALLOWED',
  /** 413: the body is larger than the route accepts. */
  'PAYLOAD_TOO_LARGE',
  /** 415: a body type the route does not take. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 429: too many requests in a short time; try later. */
  'TOO_MANY_REQUESTS',
  /** 500: our fault; logged. */
  'INTERNAL',

  // ── Citizen sign-in and identity ──
  /** 401: WeChat refused the wx.login code (expired or used). */
  'WECHAT_CODE_INVALID',
  /** 403: WeChat flagged the account as risky. */
  'WECHAT_RISKY_USER',
  /** 429: WeChat rate-limited our login exchange. */
  'WECHAT_RATE_LIMITED',
  /** 502: WeChat did not answer. */
  'WECHAT_UNAVAILABLE',
  /** 403: the citizen must verify their real identity first. */
  'IDENTITY_REQUIRED',
  /** 409: this identity belongs to another account. */
  'IDENTITY_TAKEN',
  /** 409: choose a mission first. */
  'MISSION_REQUIRED',

  // ── Applications ──
  /** 404: an application that does not exist or is not the caller's (audited as a refusal). */
  'APPLICATION_NOT_FOUND',
  /** 409: the draft expired. */
  'DRAFT_EXPIRED',
  /** 409: the application can no longer be edited. */
  'NOT_EDITABLE',
  /** 400: the step's answers are incomplete. */
  'STEP_INCOMPLETE',
  /** 409: the step is not on the applicant's path through the form. */
  'STEP_NOT_ON_PATH',
  /** 409: an earlier step is not done yet. */
  'STEP_SKIPPED',
  /** 400: the application cannot be submitted yet; `fields` lists what is missing. */
  'SUBMISSION_INCOMPLETE',
  /** 400: the declaration was not confirmed. */
  'CONFIRMATION_REQUIRED',
  /** 409: the same person already has an active application for this service. */
  'DUPLICATE_APPLICATION',
  /** 409: the service was already done for this person elsewhere. */
  'ALREADY_DONE_ELSEWHERE',
  /** 409: the applicant's identity is locked (an objection is open). */
  'APPLICANT_BLOCKED',
  /** 409: this application does not need that document. */
  'DOCUMENT_NOT_NEEDED',
  /** 400: an upload without its file. */
  'FILE_REQUIRED',
  /** 413: the file is too large. */
  'FILE_TOO_LARGE',
  /** 400: the multipart upload is malformed. */
  'UPLOAD_MALFORMED',
  /** 400: the image is not a usable photo or document. */
  'IMAGE_REJECTED',
  /** 409: face verification is not available for this application now. */
  'FACE_UNAVAILABLE',
  /** 404: no such face-verification attempt. */
  'FACE_ATTEMPT_NOT_FOUND',
  /** 429: too many face-verification attempts. */
  'FACE_LIMIT',
  /** 502: WeChat's face verification did not answer. */
  'FACE_SERVICE_ERROR',

  // ── Review and orders ──
  /** 409: someone changed the order meanwhile; reload. */
  'VERSION_CONFLICT',
  /** 409: the order's status does not allow this action. */
  'TRANSITION_NOT_ALLOWED',
  /** 409: the application can no longer be withdrawn. */
  'WITHDRAW_NOT_ALLOWED',
  /** 403: the caller's staff role may not take this action. */
  'ROLE_REQUIRED',
  /** 403: only a supervisor may do this. */
  'SUPERVISOR_REQUIRED',
  /** 409: another member of staff holds the order. */
  'CLAIMED_BY_OTHER',
  /** 400: the supplement request lists no items. */
  'SUPPLEMENTS_MISSING',
  /** 409: no supplement was asked for. */
  'SUPPLEMENT_NOT_REQUESTED',
  /** 409: the supplement request is closed. */
  'SUPPLEMENT_NOT_OPEN',
  /** 409: the interview has not taken place yet. */
  'INTERVIEW_NOT_HELD',
  /** 409: the order is not a passport order. */
  'NOT_A_PASSPORT_ORDER',
  /** 409: the order is not yet in production. */
  'NOT_IN_PRODUCTION',

  // ── Payments ──
  /** 409: the mission has no fee for this service. */
  'FEE_NOT_CONFIGURED',
  /** 409: the fee's currency cannot be paid online. */
  'CURRENCY_UNSUPPORTED',
  /** 404: the order has nothing to pay. */
  'NO_PAYMENT',
  /** 409: the order cannot be paid now. */
  'NOT_PAYABLE',
  /** 409: already paid. */
  'ALREADY_PAID',
  /** 409: not paid in time; the order closed. */
  'PAYMENT_CLOSED',
  /** 409: this order is paid at the mission's counter. */
  'PAY_AT_MISSION',
  /** 409: no WeChat Pay prepay to confirm (sandbox). */
  'NO_PREPAY',
  /** 502: WeChat Pay did not answer. */
  'PAYMENT_SERVICE_ERROR',
  /** 409: nothing was paid, so nothing to refund. */
  'NOT_PAID',
  /** 409: paid at the counter: refunded at the counter. */
  'PAID_AT_COUNTER',
  /** 409: this payment cannot be refunded. */
  'REFUND_NOT_ALLOWED',
  /** 409: the refund exceeds what is left to refund. */
  'REFUND_TOO_LARGE',

  // ── Video interviews ──
  /** 409: the order does not need a video interview now. */
  'INTERVIEW_NOT_REQUIRED',
  /** 409: the interview took place; no new booking. */
  'INTERVIEW_HELD',
  /** 404: a slot, booking, call or screenshot that does not exist or is another mission's (audited as a refusal). */
  'INTERVIEW_NOT_FOUND',
  /** 409: someone booked the slot first. */
  'SLOT_TAKEN',
  /** 409: the slot cannot be booked (gone, past, full or another mission's). */
  'SLOT_UNAVAILABLE',
  /** 409: too close to the start to book, change or cancel. */
  'TOO_LATE',
  /** 409: the call started; the booking can no longer change. */
  'CALL_IN_PROGRESS',
  /** 409: there is no booking. */
  'NO_BOOKING',
  /** 409: staff have not started the call yet. */
  'CALL_NOT_OPEN',
  /** 409: the call has ended. */
  'CALL_ENDED',
  /** 409: no booking, or the order is not waiting for an interview. */
  'CANNOT_START_CALL',
  /** 409: the booking is over and cannot be marked again. */
  'BOOKING_NOT_CHANGEABLE',
  /** 410: the call ticket is used, expired or unknown. */
  'TICKET_INVALID',
  /** 413: the signal is too large. */
  'SIGNAL_TOO_LARGE',

  // ── In-person appointments ──
  /** 409: the order does not need this appointment. */
  'APPOINTMENT_NOT_NEEDED',
  /** 409: not at the stage where it is booked. */
  'APPOINTMENT_NOT_OPEN',
  /** 409: the staff action waits for an appointment the citizen has not completed. */
  'APPOINTMENT_REQUIRED',
  /** 409: the slot has no place left. */
  'SLOT_FULL',
  /** 409: already done; no appointment needed. */
  'ALREADY_DONE',
  /** 409: this appointment cannot be replaced by mail. */
  'MAIL_EXCEPTION_NOT_OFFERED',
  /** 409: a mail request is already pending. */
  'MAIL_EXCEPTION_EXISTS',
  /** 409: the mail request was already decided. */
  'MAIL_EXCEPTION_DECIDED',
  /** 409: check-in is only for today's appointments. */
  'NOT_TODAY',
  /** 409: too early to mark a no-show. */
  'TOO_EARLY',

  // ── Registration, pension, legalization, staff accounts ──
  /** 409: already registered. */
  'ALREADY_REGISTERED',
  /** 409: the registration has ended. */
  'REGISTRATION_NOT_ACTIVE',
  /** 409: the pension certification cannot be renewed now. */
  'NOT_RECERTIFIABLE',
  /** 409: the push to the pension authority cannot be retried now. */
  'NOT_RETRYABLE',
  /** 429: too many registry checks; try later. */
  'RATE_LIMITED',
  /** 409: the registry already holds this record. */
  'RECORD_EXISTS',
  /** 400: the CSV has bad lines (the body lists them). */
  'CSV_INVALID',
  /** 400: the CSV is not UTF-8 text. */
  'CSV_ENCODING',
  /** 401: wrong user name or password. */
  'BAD_CREDENTIALS',
  /** 429: too many sign-in attempts; wait. */
  'TOO_MANY_ATTEMPTS',
  /** 403: the staff account is disabled. */
  'STAFF_DISABLED',
  /** 403: the one-time password must be changed first. */
  'PASSWORD_CHANGE_REQUIRED',
  /** 409: staff cannot disable or demote themselves. */
  'CANNOT_CHANGE_SELF',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes a front end gives errors that never reached the server (or had no JSON body). */
export type ClientErrorCode =
  | 'NETWORK'
  | 'NETWORK_ERROR'
  | 'WECHAT_LOGIN_FAILED'
  | 'CANVAS_EXPORT_FAILED'
  | 'FILE_READ_FAILED'
  | 'BAD_RESPONSE'
  | `HTTP_${number}`;

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}
