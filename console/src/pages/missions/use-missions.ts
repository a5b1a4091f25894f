/** Loads the missions list; the table shows loading, an error with retry, or the rows. */
import { onMounted, ref } from 'vue';
import { consoleApi } from '../../api/console-api';
import { ApiError } from '../../api/http';
import { t } from '../../locale/zh-CN';
import type { MissionRow } from './columns';

export function useMissions() {
  const missions = ref<MissionRow[]>([]);
  const loading = ref(false);
  const errorMessage = ref('');

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      missions.value = (await consoleApi.missions()).missions;
    } catch (error) {
      // A 401 has already sent us to the login page; anything else is shown here.
      errorMessage.value = error instanceof ApiError ? error.message : t.missions.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  onMounted(load);
  return { missions, loading, errorMessage, load };
}
