/**
 * The reviewer's side of the call, in the application view: the applicant's video large,
 * one's own small, the state in words, 截图 (a still of the applicant's video, stored with
 * the application) and 结束面审. The WebRTC work is PeerSession's (shared with the
 * citizen's page); this only wires it to the page.
 */
import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { HANGUP_END, mediaProblem, PeerSession, type PeerState } from '../../interview-call/peer-session';
import { interviewApi, SCREENSHOT_MAX_BYTES, type CallStart, type ConsoleInterview, type InterviewScreenshotView } from '../../api/interview-api';
import { errorText } from '../interviews/error-text';
import { t } from '../../locale/zh-CN';

const c = t.interviews.call;

export const stateThemes: Record<PeerState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  starting: 'default',
  waiting: 'primary',
  connecting: 'primary',
  connected: 'success',
  interrupted: 'warning',
  left: 'default',
  ended: 'default',
  moved: 'default',
};

export function useInterviewCall(
  call: () => CallStart,
  applicationId: () => string,
  events: { ended: (view: ConsoleInterview | null) => void; captured: (shot: InterviewScreenshotView) => void },
) {
  const remoteVideo = shallowRef<HTMLVideoElement | null>(null);
  const localVideo = shallowRef<HTMLVideoElement | null>(null);
  const state = ref<PeerState>('starting');
  const hasRemote = ref(false);
  const errorMessage = ref('');
  const capturing = ref(false);
  const ending = ref(false);
  const session = shallowRef<PeerSession | null>(null);

  const stateLabel = computed(() => c.states[state.value]);
  const canCapture = computed(() => state.value === 'connected' && hasRemote.value);

  onMounted(async () => {
    const { callId, iceServers, side } = call();
    const peer = new PeerSession({
      callId,
      side,
      iceServers,
      onState: (next) => (state.value = next),
      onLocalStream: (stream) => {
        if (localVideo.value) localVideo.value.srcObject = stream;
      },
      onRemoteStream: (stream) => {
        hasRemote.value = Boolean(stream);
        const video = remoteVideo.value;
        if (!video || video.srcObject === stream) return;
        video.srcObject = stream;
        if (stream) void video.play().catch(() => undefined);
      },
    });
    session.value = peer;
    try {
      await peer.openMedia();
    } catch (error) {
      peer.stop();
      errorMessage.value = c.media[mediaProblem(error)];
      return;
    }
    try {
      await peer.start();
    } catch (error) {
      errorMessage.value = errorText(error);
    }
  });

  // Leaving the page is not ending the interview: the call stays open to rejoin.
  onBeforeUnmount(() => void session.value?.hangup());

  /** The applicant's current frame, as PNG; scaled down if it would exceed the upload limit. */
  async function frame(video: HTMLVideoElement): Promise<Blob> {
    for (let scale = 1; scale > 0.2; scale *= 0.7) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) break;
      if (blob.size <= SCREENSHOT_MAX_BYTES) return blob;
    }
    throw new ApiError(0, 'CANVAS_EXPORT_FAILED', c.screenshotFailed);
  }

  async function capture() {
    const video = remoteVideo.value;
    if (!video || !video.videoWidth) return;
    capturing.value = true;
    try {
      const shot = await interviewApi.uploadScreenshot(applicationId(), await frame(video));
      events.captured(shot);
      void toast.success(c.screenshotTaken);
    } catch (error) {
      void toast.error(errorText(error));
    } finally {
      capturing.value = false;
    }
  }

  async function end() {
    ending.value = true;
    try {
      // Tell the applicant's page first: the call's routes refuse signals once it has ended.
      await session.value?.hangup(HANGUP_END);
      const view = await interviewApi.endCall(call().callId);
      session.value?.end();
      void toast.success(c.ended);
      events.ended(view);
    } catch (error) {
      void toast.error(errorText(error));
    } finally {
      ending.value = false;
    }
  }

  return { remoteVideo, localVideo, state, stateLabel, errorMessage, canCapture, capturing, ending, capture, end };
}
