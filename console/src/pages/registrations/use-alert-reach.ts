/** One alert's reach (delivery counts) and the live list of answers, refreshed every few seconds while the page is open. */
import { onMounted, onUnmounted, ref } from 'vue';
import { ApiError } from '../../api/http';
import { type AlertAnswerRow, type AlertReach, registrationApi } from '../../api/registration-api';
import { t } from '../../locale/zh-CN';

export const REFRESH_MS = 5000;

export function useAlertReach(alertId: string) {
  const reach = ref<AlertReach | null>(null);
  const answers = ref<AlertAnswerRow[]>([]);
  const errorMessage = ref('');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function refresh() {
    try {
      const [counts, list] = await Promise.all([registrationApi.alertReach(alertId), registrationApi.alertAnswers(alertId)]);
      reach.value = counts;
      answers.value = list.items;
      errorMessage.value = '';
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  onMounted(refresh);
  onUnmounted(() => {
    stopped = true;
    if (timer) clearTimeout(timer);
  });
  return { reach, answers, errorMessage };
}
