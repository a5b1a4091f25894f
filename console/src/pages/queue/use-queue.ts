/** The reviewer's queue: filters, search, keyset pages (a stack of cursors for "back to first"). */
import { reactive, ref } from 'vue';
import { ApiError } from '../../api/http';
import { reviewApi, type QueueItem } from '../../api/review-api';
import { APPLICATION_STATUSES } from '../../../../miniprogram/domain/services/application-status';
import { QUEUE_STATUSES } from '../../../../miniprogram/domain/services/order-state-machine';
import { applicationServices } from '../../../../miniprogram/domain/services/service-registry';
import { t } from '../../locale/zh-CN';
import { queueContext } from './queue-context';

export interface QueueRow extends QueueItem {
  [key: string]: unknown;
}

export const statusOptions = [
  { value: 'active', label: t.review.filters.activeStatuses },
  ...QUEUE_STATUSES.map((id) => ({ value: id, label: APPLICATION_STATUSES.find((s) => s.id === id)?.labelZh ?? id })),
  ...(['completed', 'rejected', 'withdrawn'] as const).map((id) => ({ value: id, label: APPLICATION_STATUSES.find((s) => s.id === id)?.labelZh ?? id })),
];
export const serviceOptions = [
  { value: '', label: t.review.filters.anyService },
  // Every registered service, in the registry's order.
  ...applicationServices().map((service) => ({ value: service.id, label: service.title })),
];
export const districtOptions = [
  { value: 'all', label: t.review.filters.districtAll },
  { value: 'in', label: t.review.filters.districtIn },
  { value: 'cross', label: t.review.filters.districtCross },
];
export const waitingOptions = [0, 3, 7, 14, 30].map((days) => ({ value: days, label: days === 0 ? t.review.filters.waitingAny : t.review.filters.waitingDays(days) }));

export function useQueue() {
  const filters = reactive({ status: 'submitted', service: '', district: 'all' as 'all' | 'in' | 'cross', waitingDays: 0, q: '' });
  const rows = ref<QueueRow[]>([]);
  const loading = ref(false);
  const errorMessage = ref('');
  const page = ref(1);
  /** Cursor of the current page (null = first) and of the next. */
  const cursor = ref<string | null>(null);
  const nextCursor = ref<string | null>(null);

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    queueContext.status = filters.status;
    try {
      const result = await reviewApi.queue({ ...filters, q: filters.q.trim(), cursor: cursor.value, limit: 20 });
      rows.value = result.items.map((item) => ({ ...item }));
      nextCursor.value = result.nextCursor;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.review.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  function search() {
    cursor.value = null;
    page.value = 1;
    return load();
  }

  function reset() {
    Object.assign(filters, { status: 'submitted', service: '', district: 'all', waitingDays: 0, q: '' });
    return search();
  }

  function next() {
    if (!nextCursor.value) return;
    cursor.value = nextCursor.value;
    page.value += 1;
    return load();
  }

  return { filters, rows, loading, errorMessage, page, nextCursor, load, search, reset, next };
}
