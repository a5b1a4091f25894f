/**
 * A supervisor reassigns an order to a named colleague of the mission (audited on the
 * server as application.assign). Reviewers never see it: the server refuses them too.
 */
import { computed, ref } from 'vue';
import { ApiError } from '../../api/http';
import { reviewApi, type Colleague, type Holder } from '../../api/review-api';
import { toast } from '../../components/toast';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

const w = t.review.workstation;

export const maySupervise = () => session.staff?.role === 'supervisor' || session.staff?.role === 'admin';

export function useAssign(onAssigned: (holder: Holder | null) => void) {
  const colleagues = ref<Colleague[]>([]);
  const chosen = ref<string>('');
  const busy = ref(false);
  const options = computed(() => colleagues.value.map((c) => ({ value: c.id, label: `${c.name}（${t.roles[c.role]}）` })));

  async function load() {
    if (!maySupervise() || colleagues.value.length) return;
    try {
      colleagues.value = (await reviewApi.colleagues()).staff;
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : t.errors.unexpected);
    }
  }

  async function assign(applicationId: string) {
    if (!chosen.value || busy.value) return;
    busy.value = true;
    try {
      const { claimedBy } = await reviewApi.claim(applicationId, chosen.value);
      onAssigned(claimedBy);
      toast.success(w.assigned(claimedBy?.name ?? ''));
      chosen.value = '';
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : t.errors.unexpected);
    } finally {
      busy.value = false;
    }
  }

  return { colleagues, options, chosen, busy, load, assign };
}
