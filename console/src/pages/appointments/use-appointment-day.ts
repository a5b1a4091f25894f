/** 当日预约: one mission date's in-person appointments and slots, search, check-in (scanned code or a row), no-shows. */
import { computed, ref } from 'vue';
import { errorText } from '../interviews/error-text';
import { appointmentApi, type ConsoleAppointmentDay, type ConsoleAppointmentView } from '../../api/appointment-api';
import { session } from '../../stores/session';
import { toast } from '../../components/toast';
import { t } from '../../locale/zh-CN';
import { missionToday } from '../interviews/dates';

const a = t.appointments;

export function useAppointmentDay() {
  const timeZone = computed(() => session.staff?.mission.timezone ?? 'UTC');
  const today = computed(() => missionToday(timeZone.value));
  const date = ref(today.value);
  const query = ref('');
  const day = ref<ConsoleAppointmentDay | null>(null);
  const loading = ref(false);
  const errorMessage = ref('');
  const busyId = ref('');

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      day.value = await appointmentApi.day(date.value, query.value.trim());
    } catch (error) {
      errorMessage.value = errorText(error, a.loadFailed);
    } finally {
      loading.value = false;
    }
  }

  const name = (row: ConsoleAppointmentView) => row.applicantName ?? a.noName;

  /** A scanner "types" the QR code's text and Enter: the code, checked in at once. */
  async function checkInByCode(code: string): Promise<boolean> {
    if (!code.trim()) return false;
    try {
      const row = await appointmentApi.checkInByCode(code.trim());
      toast.success(a.checkedIn(name(row), row.kindLabel));
      await load();
      return true;
    } catch (error) {
      toast.error(errorText(error));
      return false;
    }
  }

  async function act(row: ConsoleAppointmentView, action: 'checkIn' | 'noShow') {
    busyId.value = row.id;
    try {
      const updated = await appointmentApi[action](row.id);
      toast.success(action === 'checkIn' ? a.checkedIn(name(updated), updated.kindLabel) : a.markedNoShow(name(updated)));
      await load();
    } catch (error) {
      toast.error(errorText(error));
    } finally {
      busyId.value = '';
    }
  }

  const isToday = computed(() => date.value === today.value);
  /** Row actions: check-in only on the day, no-show once the time has come. */
  const canCheckIn = (row: ConsoleAppointmentView) => row.status === 'booked' && isToday.value;
  const canMarkNoShow = (row: ConsoleAppointmentView) => row.status === 'booked' && Date.parse(row.startsAt) <= Date.now();

  return { date, query, day, loading, errorMessage, busyId, load, checkInByCode, act, canCheckIn, canMarkNoShow, name };
}
