/** Dates as the citizen reads them. dayjs' core is enough here: these are device-local dates. */
import dayjs from 'dayjs';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format('YYYY年M月D日') : '';
}

/** Date and minute, for messages and the order timeline (device-local time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format('YYYY年M月D日 HH:mm') : '';
}
