/** 取消时段 with a required note; a booked slot's citizen is told by the server. */
import { computed, reactive } from 'vue';
import { toast } from '../../components/toast';
import { errorText } from './error-text';
import { interviewApi, type ConsoleSlotView } from '../../api/interview-api';
import { t } from '../../locale/zh-CN';

export function useCancelSlot(onCancelled: () => void) {
  const dialog = reactive({ visible: false, slot: null as ConsoleSlotView | null, dateLabel: '', note: '', error: '', busy: false });
  const booking = computed(() => (dialog.slot?.status === 'booked' ? dialog.slot.booking : null));

  function open(slot: ConsoleSlotView, dateLabel: string) {
    Object.assign(dialog, { visible: true, slot, dateLabel, note: '', error: '', busy: false });
  }

  function close() {
    dialog.visible = false;
  }

  async function confirm() {
    const slot = dialog.slot;
    if (!slot) return;
    const note = dialog.note.trim();
    if (!note) return void (dialog.error = t.interviews.cancelDialog.noteRequired);
    dialog.busy = true;
    dialog.error = '';
    try {
      await interviewApi.cancelSlot(slot.id, note);
      close();
      void toast.success(t.interviews.cancelDialog.done);
      onCancelled();
    } catch (error) {
      dialog.error = errorText(error);
    } finally {
      dialog.busy = false;
    }
  }

  return { dialog, booking, open, close, confirm };
}
