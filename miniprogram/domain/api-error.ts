import type { ClientErrorCode, ErrorCode } from './error-codes';

/**
 * An error the server (or the network) gave us, with the server's stable code: the one
 * definition the mini-program's request layer, the console's and the call page's share.
 */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never reached the server. */
    readonly status: number,
    /** The server's code (ERROR_CODES), or the front end's own when the server never answered with one. */
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Per-field messages on a 400 from a form. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
