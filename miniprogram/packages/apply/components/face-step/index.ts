import { faceResult, skipFace, startFace } from '../../../../api/applications';
import type { ApplicationDetail } from '../../domain/services/application-api-types';
import { localizedPage } from '../../../../locale/localized-page';
import { t } from '../../text';

/**
 * 身份核验 (WeChat face verification 2.0): wx.checkIsSupportFacialRecognition → the server
 * gets a verifyId → wx.requestFacialVerify({verifyId}) → the server asks WeChat for the
 * real result. Whatever the phone says, only the server's answer counts. Skipping is always
 * possible and explained: the mission then holds a video interview.
 */

interface FaceApi {
  checkIsSupportFacialRecognition?(options: { success(): void; fail(err: { errMsg?: string }): void }): void;
  requestFacialVerify?(options: { verifyId: string; success(): void; fail(err: { errMsg?: string }): void }): void;
}

const faceApi = () => wx as unknown as FaceApi;

function deviceSupportsFace(): Promise<boolean> {
  const api = faceApi();
  if (typeof api.checkIsSupportFacialRecognition !== 'function' || typeof api.requestFacialVerify !== 'function') {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => api.checkIsSupportFacialRecognition!({ success: () => resolve(true), fail: () => resolve(false) }));
}

/** Resolves when WeChat's face flow ends, however it ended; the server finds out how. */
function requestFacialVerify(verifyId: string): Promise<void> {
  return new Promise((resolve) => faceApi().requestFacialVerify!({ verifyId, success: () => resolve(), fail: () => resolve() }));
}

Component({
  properties: {
    applicationId: { type: String, value: '' },
    /** 'passed' | 'failed' | 'skipped' | '' */
    status: { type: String, value: '' },
    attemptsLeft: { type: Number, value: 10 },
    /** The applicant has no resident ID: face verification cannot be used. */
    unavailable: { type: Boolean, value: false },
  },
  ...localizedPage(() => ({
    text: t.apply,
  })),
  data: {
    busy: false,
    notice: '',
    canTry: true,
    failedText: '',
    skipVisible: false,
  },
  observers: {
    'status, attemptsLeft, unavailable'(status: string, attemptsLeft: number, unavailable: boolean) {
      this.setData({
        canTry: !unavailable && attemptsLeft > 0 && status !== 'passed',
        failedText: t.apply.faceFailed.replace('{n}', String(attemptsLeft)),
        notice: unavailable ? t.apply.faceUnavailable : this.data.notice,
      });
    },
  },
  methods: {
    async start() {
      if (this.data.busy) return;
      this.setData({ busy: true, notice: '' });
      try {
        if (!(await deviceSupportsFace())) {
          this.setData({ busy: false, canTry: false, notice: t.apply.faceUnsupported });
          return;
        }
        const { verifyId } = await startFace(this.data.applicationId);
        await requestFacialVerify(verifyId);
        const detail = await faceResult(this.data.applicationId, verifyId);
        this.setData({ busy: false });
        this.triggerEvent('change', { detail });
      } catch (error) {
        // 409 FACE_UNAVAILABLE, 429 FACE_LIMIT, 502: the server's sentence says what to do.
        this.setData({ busy: false, notice: (error as Error).message || t.serverError });
      }
    },
    askSkip() {
      this.setData({ skipVisible: true });
    },
    closeSkip() {
      this.setData({ skipVisible: false });
    },
    async skip() {
      this.setData({ skipVisible: false, busy: true, notice: '' });
      try {
        const detail: ApplicationDetail = await skipFace(this.data.applicationId);
        this.setData({ busy: false });
        this.triggerEvent('change', { detail });
      } catch (error) {
        this.setData({ busy: false, notice: (error as Error).message || t.serverError });
      }
    },
  },
});
