/** 创建时段: dates, weekdays, times at the mission, slot length → how many were created and skipped. */
import { reactive, ref } from 'vue';
import { errorText } from './error-text';
import { interviewApi, interviewMessages, SLOT_BATCH_MAX_DAYS, SLOT_MINUTES_CHOICES, type CreateSlotsRequest, type CreateSlotsResult } from '../../api/interview-api';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';
import { addDays, daysBetween, missionToday } from './dates';

const d = t.interviews.createDialog;

export const minutesOptions = SLOT_MINUTES_CHOICES.map((value) => ({ value, label: d.minutesOption(value) }));

export function useCreateSlots(onCreated: () => void) {
  const visible = ref(false);
  const form = reactive({
    dates: [] as string[],
    weekdays: [1, 2, 3, 4, 5] as number[],
    startTime: '09:00',
    endTime: '12:00',
    minutes: 30 as CreateSlotsRequest['minutes'],
  });
  const error = ref('');
  const result = ref<CreateSlotsResult | null>(null);
  const busy = ref(false);

  function open() {
    const tomorrow = addDays(missionToday(session.staff?.mission.timezone ?? 'UTC'), 1);
    form.dates = [tomorrow, addDays(tomorrow, 6)];
    error.value = '';
    result.value = null;
    visible.value = true;
  }

  /** The server says the same (interviewMessages); checking first saves a round trip. */
  function problem(): string | null {
    const [fromDate, toDate] = form.dates;
    if (!fromDate || !toDate) return d.datesRequired;
    if (daysBetween(fromDate, toDate) < 0 || daysBetween(fromDate, toDate) + 1 > SLOT_BATCH_MAX_DAYS) return interviewMessages.slotsInvalidRange;
    if (form.weekdays.length === 0) return interviewMessages.slotsNoWeekday;
    if (!form.startTime || !form.endTime) return d.timesRequired;
    const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    if (toMinutes(form.endTime) - toMinutes(form.startTime) < form.minutes) return interviewMessages.slotsInvalidTimes;
    return null;
  }

  async function submit() {
    result.value = null;
    error.value = problem() ?? '';
    if (error.value) return;
    busy.value = true;
    try {
      result.value = await interviewApi.createSlots({
        fromDate: form.dates[0],
        toDate: form.dates[1],
        weekdays: [...form.weekdays].sort(),
        startTime: form.startTime.slice(0, 5),
        endTime: form.endTime.slice(0, 5),
        minutes: form.minutes,
      });
      onCreated();
    } catch (failure) {
      error.value = errorText(failure);
    } finally {
      busy.value = false;
    }
  }

  return { visible, form, error, result, busy, open, submit };
}
