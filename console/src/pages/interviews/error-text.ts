/** What to show for a failed call: the server's field messages, its message, or `fallback` when the server said nothing. */
import { ApiError } from '../../api/http';
import { t } from '../../locale/zh-CN';

export function errorText(error: unknown, fallback: string = t.errors.unexpected): string {
  if (!(error instanceof ApiError)) return fallback;
  return error.fields ? Object.values(error.fields).join('；') : error.message;
}
