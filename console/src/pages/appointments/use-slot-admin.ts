/** 时段与设置: the mission's appointment types (settings, on/off) and creating / cancelling counter slots. */
import { reactive, ref } from 'vue';
import { errorText } from '../interviews/error-text';
import { appointmentApi, type AppointmentTypeView, type ConsoleAppointmentSlot, type InPersonKind } from '../../api/appointment-api';
import { toast } from '../../components/toast';
import { t } from '../../locale/zh-CN';
import { addDays } from '../interviews/dates';

const a = t.appointments;

export function useSlotAdmin(today: () => string, reload: () => Promise<void>) {
  const types = ref<AppointmentTypeView[]>([]);
  const saving = ref('');
  const form = reactive({
    kind: 'fingerprints' as InPersonKind,
    dates: [today(), addDays(today(), 6)],
    weekdays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '12:00',
  });
  const creating = ref(false);
  const createError = ref('');
  const createResult = ref('');

  async function loadTypes() {
    try {
      types.value = (await appointmentApi.types()).types;
    } catch (error) {
      toast.error(errorText(error));
    }
  }

  async function saveType(type: AppointmentTypeView) {
    saving.value = type.kind;
    try {
      const saved = await appointmentApi.updateType(type.kind, { minutes: type.minutes, capacity: type.capacity, cutoffHours: type.cutoffHours, active: type.active });
      types.value = types.value.map((row) => (row.kind === saved.kind ? saved : row));
      toast.success(a.saved);
    } catch (error) {
      toast.error(errorText(error));
    } finally {
      saving.value = '';
    }
  }

  async function createSlots() {
    creating.value = true;
    createError.value = '';
    createResult.value = '';
    try {
      const [fromDate, toDate] = form.dates;
      const result = await appointmentApi.createSlots({ kind: form.kind, fromDate: fromDate!, toDate: toDate!, weekdays: form.weekdays, startTime: form.startTime, endTime: form.endTime });
      createResult.value = t.schedule.created(result.created, result.skipped);
      await reload();
    } catch (error) {
      createError.value = errorText(error);
    } finally {
      creating.value = false;
    }
  }

  async function cancelSlot(slot: ConsoleAppointmentSlot) {
    try {
      await appointmentApi.cancelSlot(slot.id, '');
      toast.success(a.slotCancelled);
      await reload();
    } catch (error) {
      toast.error(errorText(error));
    }
  }

  return { types, saving, form, creating, createError, createResult, loadTypes, saveType, createSlots, cancelSlot };
}
