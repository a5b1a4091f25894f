/**
 * Moving through the queue from the application view: take (claim) the order, give it
 * back, 下一份 (claims the next unclaimed one), j / k (neighbours in queue order), and the
 * applicant's earlier photos to compare.
 */
import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { ApiError } from '../../api/http';
import { reviewApi, type EarlierPhoto, type Holder } from '../../api/review-api';
import { toast } from '../../components/toast';
import { routeNames } from '../../router/locations';
import { queueContext } from '../queue/queue-context';
import { t } from '../../locale/zh-CN';

const w = t.review.workstation;

export function useWorkstation(id: () => string, onClaimChanged: (holder: Holder | null) => void) {
  const router = useRouter();
  const busy = ref(false);
  const earlierPhotos = ref<EarlierPhoto[]>([]);

  const fail = (error: unknown) => toast.error(error instanceof ApiError ? error.message : t.errors.unexpected);
  const open = (target: string) => router.push({ name: routeNames.application, params: { id: target } });

  async function run(task: () => Promise<void>) {
    if (busy.value) return;
    busy.value = true;
    try {
      await task();
    } catch (error) {
      fail(error);
    } finally {
      busy.value = false;
    }
  }

  const claim = (staffId?: string) => run(async () => onClaimChanged((await reviewApi.claim(id(), staffId)).claimedBy));
  const release = () => run(async () => onClaimChanged((await reviewApi.release(id())).claimedBy));

  /** 下一份: the first unclaimed order of the queue the reviewer came from, taken for them. */
  const takeNext = () =>
    run(async () => {
      const next = await reviewApi.takeNext(queueContext.status === 'active' ? undefined : queueContext.status);
      if (next.id) await open(next.id);
      else toast.warning(w.noMore);
    });

  const neighbour = (direction: 'next' | 'previous') =>
    run(async () => {
      const found = await reviewApi.neighbour(id(), direction, queueContext.status);
      if (found.id) await open(found.id);
      else toast.warning(w.noMore);
    });

  async function loadEarlierPhotos() {
    earlierPhotos.value = [];
    try {
      earlierPhotos.value = (await reviewApi.earlierPhotos(id())).photos;
    } catch {
      // Comparing is a help, not a requirement: the view works without it.
    }
  }

  return { busy, earlierPhotos, claim, release, takeNext, neighbour, loadEarlierPhotos };
}
