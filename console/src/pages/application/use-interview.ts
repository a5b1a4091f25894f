/**
 * The application view's 视频面审 panel: the booking (mission time), earlier bookings,
 * 标记未参加, starting or rejoining the call, and the screenshots taken in it.
 */
import { computed, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { interviewApi, type CallStart, type ConsoleInterview, type InterviewBookingView, type InterviewScreenshotView } from '../../api/interview-api';
import { errorText } from '../interviews/error-text';
import { t } from '../../locale/zh-CN';

const p = t.interviews.panel;

export function bookingWhen(booking: InterviewBookingView): string {
  const minutes = Math.round((Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 60_000);
  return p.when(booking.local.dateLabel, booking.local.time, minutes);
}

export function useInterview(applicationId: () => string, status: () => string, onChanged: () => void) {
  const interview = ref<ConsoleInterview | null>(null);
  const errorMessage = ref('');
  /** The call this page has joined (its video view is shown while set). */
  const activeCall = ref<CallStart | null>(null);
  const starting = ref(false);
  const missed = reactive({ visible: false, note: '', error: '', busy: false });

  /** Shown for orders in 待视频面审, and for any order that has had an interview. */
  const visible = computed(() => {
    const view = interview.value;
    if (status() === 'interview') return true;
    return Boolean(view && (view.booking || view.past.length || view.calls.length || view.screenshots.length));
  });
  const openCall = computed(() => (interview.value?.call?.status === 'open' ? interview.value.call : null));
  const canMarkMissed = computed(() => interview.value?.booking?.status === 'booked' && !activeCall.value);

  async function load() {
    errorMessage.value = '';
    try {
      interview.value = await interviewApi.interview(applicationId());
    } catch (error) {
      // Only an order that needs an interview has a panel to fail in.
      if (status() === 'interview') errorMessage.value = error instanceof ApiError ? error.message : p.loadFailed;
    }
  }

  async function startCall() {
    starting.value = true;
    errorMessage.value = '';
    try {
      activeCall.value = await interviewApi.startCall(applicationId());
      await load();
    } catch (error) {
      errorMessage.value = errorText(error);
    } finally {
      starting.value = false;
    }
  }

  function callEnded(view: ConsoleInterview | null) {
    activeCall.value = null;
    if (view) interview.value = view;
    else void load();
    onChanged();
  }

  function screenshotTaken(shot: InterviewScreenshotView) {
    interview.value?.screenshots.push(shot);
  }

  function openMissed() {
    Object.assign(missed, { visible: true, note: '', error: '', busy: false });
  }

  async function confirmMissed() {
    const booking = interview.value?.booking;
    if (!booking) return;
    const note = missed.note.trim();
    if (!note) return void (missed.error = p.missedNoteRequired);
    missed.busy = true;
    missed.error = '';
    try {
      interview.value = await interviewApi.markMissed(booking.id, note);
      missed.visible = false;
      void toast.success(p.missedDone);
      onChanged();
    } catch (error) {
      missed.error = errorText(error);
    } finally {
      missed.busy = false;
    }
  }

  return { interview, errorMessage, visible, openCall, activeCall, starting, canMarkMissed, missed, load, startCall, callEnded, screenshotTaken, openMissed, confirmMissed };
}
