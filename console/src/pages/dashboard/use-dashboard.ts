/** 审核看板: the mission's flow, queue age, reviewers and SLA breaches; the supplement checklists. */
import { computed, reactive, ref } from 'vue';
import { ApiError } from '../../api/http';
import { type Dashboard, reviewApi, type SupplementReasonGroup } from '../../api/review-api';
import { toast } from '../../components/toast';
import { t } from '../../locale/zh-CN';

export function useDashboard() {
  const board = ref<Dashboard | null>(null);
  const errorMessage = ref('');
  /** The tallest bar: every bar is drawn against it. */
  const peak = computed(() => Math.max(1, ...(board.value?.days ?? []).flatMap((d) => [d.arrivals, d.decisions])));

  async function load() {
    errorMessage.value = '';
    try {
      board.value = await reviewApi.dashboard(14);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.dashboard.loadFailed;
    }
  }
  return { board, errorMessage, peak, load };
}

/** The mission's own reasons per document, one text box per document (a line per reason). */
export function useReasonEditor() {
  const groups = ref<SupplementReasonGroup[]>([]);
  const drafts = reactive<Record<string, string>>({});
  const saving = ref('');

  async function load(service: string) {
    groups.value = (await reviewApi.supplementReasons(service)).items;
    for (const group of groups.value) drafts[group.item] = group.reasons.join('\n');
  }

  async function save(item: string) {
    saving.value = item;
    try {
      const reasons = (drafts[item] ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
      await reviewApi.saveSupplementReasons(item, reasons);
      toast.success(t.dashboard.saved);
    } catch (error) {
      toast.error(error instanceof ApiError ? (error.fields ? Object.values(error.fields).join('；') : error.message) : t.errors.unexpected);
    } finally {
      saving.value = '';
    }
  }
  return { groups, drafts, saving, load, save };
}
