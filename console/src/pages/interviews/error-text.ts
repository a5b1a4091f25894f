/** What to show for a failed call: the server's field messages, its message, or a general one. */
import { ApiError } from '../../api/http';
import { t } from '../../locale/zh-CN';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unexpected;
  return error.fields ? Object.values(error.fields).join('；') : error.message;
}
