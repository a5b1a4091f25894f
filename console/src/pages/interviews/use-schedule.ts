/** The 面审排期 page: the mission's slots over a range of mission dates (a week by default). */
import { computed, ref } from 'vue';
import { ApiError } from '../../api/http';
import { interviewApi, SLOT_BATCH_MAX_DAYS, type ConsoleSchedule, type ConsoleSlotView } from '../../api/interview-api';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';
import { addDays, addMinutes, daysBetween, missionToday } from './dates';

const WEEK = 7;

export type SlotTheme = 'success' | 'primary' | 'default';
export const slotThemes: Record<ConsoleSlotView['status'], SlotTheme> = { open: 'success', booked: 'primary', cancelled: 'default' };

export function slotTime(slot: ConsoleSlotView): string {
  return t.interviews.slotTime(slot.local.time, addMinutes(slot.local.time, slot.minutes));
}

export function useSchedule() {
  const timeZone = computed(() => session.staff?.mission.timezone ?? 'UTC');
  const today = missionToday(timeZone.value);
  /** [from, to], inclusive mission dates. */
  const range = ref<string[]>([today, addDays(today, WEEK - 1)]);
  const schedule = ref<ConsoleSchedule | null>(null);
  const loading = ref(false);
  const errorMessage = ref('');

  const timeZoneLabel = computed(() => schedule.value?.timeZoneLabel ?? '');
  const days = computed(() => schedule.value?.days ?? []);

  async function load() {
    const [from, to] = range.value;
    if (!from || !to) return;
    if (daysBetween(from, to) + 1 > SLOT_BATCH_MAX_DAYS) return void (errorMessage.value = t.interviews.rangeTooLong(SLOT_BATCH_MAX_DAYS));
    loading.value = true;
    errorMessage.value = '';
    try {
      schedule.value = await interviewApi.schedule(from, to);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.interviews.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  /** Moves the range by its own length (a week in the default view). */
  function shift(direction: 1 | -1) {
    const [from, to] = range.value;
    const length = daysBetween(from, to) + 1;
    range.value = [addDays(from, direction * length), addDays(to, direction * length)];
    return load();
  }

  function thisWeek() {
    const now = missionToday(timeZone.value);
    range.value = [now, addDays(now, WEEK - 1)];
    return load();
  }

  return { range, schedule, days, timeZoneLabel, loading, errorMessage, load, shift, thisWeek };
}
