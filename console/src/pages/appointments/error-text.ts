/** What a failed appointment request says: the server's field messages if it named fields, else its message. */
import { ApiError } from '../../api/http';
import { t } from '../../locale/zh-CN';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t.appointments.loadFailed;
  return error.fields ? Object.values(error.fields).join('；') : error.message;
}
