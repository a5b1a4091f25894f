import { uploadDocument } from '../../../../api/applications';
import type { UploadedDocument } from '../../domain/services/application-api-types';
import { headGuide } from '../../domain/services/photo-frame';
import { localizedPage } from '../../../../locale/localized-page';
import { t } from '../../text';
import { chooseImage, compressPhoto, cropToIdPhoto, fileSize, MediaError, uploadProblem, writeTempJpeg } from '../../media';

/** The camera guide's 3:4 frame in rpx (index.wxss .photo__guide). */
const GUIDE_FRAME = { width: 600, height: 800 };

/** Head oval and eye line inside the guide frame, where the server's spec crop puts them. */
function guideStyles(): { head: string; eyes: string } {
  const g = headGuide();
  const width = Math.round(g.width * GUIDE_FRAME.width);
  return {
    head: `top: ${Math.round(g.top * GUIDE_FRAME.height)}rpx; height: ${Math.round(g.height * GUIDE_FRAME.height)}rpx; width: ${width}rpx; margin-left: -${Math.round(width / 2)}rpx;`,
    eyes: `top: ${Math.round(g.eyeLine * GUIDE_FRAME.height)}rpx;`,
  };
}

/** The sample photo beside the camera button, in rpx (index.wxss .photo__sample). */
const SAMPLE_FRAME = { width: 180, height: 240 };

/**
 * A good ID photo, drawn (no one's real photo): the head where the spec's ranges centre it
 * (the same headGuide as the camera's oval), light background, dark clothes, ears showing.
 */
function sampleStyles(): { head: string; ears: string; hair: string; eyes: string; shoulders: string } {
  const g = headGuide();
  const px = (share: number, of: number) => Math.round(share * of);
  const headTop = px(g.top, SAMPLE_FRAME.height);
  const headHeight = px(g.height, SAMPLE_FRAME.height);
  // Face width is measured in front of the ears; the drawn head (with ears) is a little wider.
  const headWidth = px(g.width * 1.1, SAMPLE_FRAME.width);
  const chin = headTop + headHeight;
  const eyeLine = px(g.eyeLine, SAMPLE_FRAME.height);
  // One bar behind the head, showing at both sides: the ears, visible as the spec asks.
  const earsWidth = headWidth + 16;
  return {
    ears: `top: ${eyeLine - 4}rpx; height: 32rpx; width: ${earsWidth}rpx; margin-left: -${Math.round(earsWidth / 2)}rpx;`,
    head: `top: ${headTop}rpx; height: ${headHeight}rpx; width: ${headWidth}rpx; margin-left: -${Math.round(headWidth / 2)}rpx;`,
    hair: `top: ${headTop}rpx; height: ${Math.round(headHeight * 0.3)}rpx; width: ${headWidth}rpx; margin-left: -${Math.round(headWidth / 2)}rpx;`,
    eyes: `top: ${eyeLine}rpx; width: ${Math.round(headWidth * 0.5)}rpx; margin-left: -${Math.round(headWidth * 0.25)}rpx;`,
    shoulders: `top: ${chin - 4}rpx;`,
  };
}

/**
 * 证件照: take it with <camera> (a 3:4 guide over the viewfinder, head oval and eye line in
 * the spec's proportions) or pick one, crop to 3:4, compress, upload — and show the server's
 * photo-check reasons next to the photo straight away, so a bad photo is re-taken now, not
 * refused days later. When the face is fine but the framing is not, the server sends the
 * photo cropped to spec: shown beside the original ("已为您按规格裁剪"), the citizen uploads
 * it with one tap or retakes.
 */
Component({
  properties: {
    applicationId: { type: String, value: '' },
    docId: { type: String, value: 'id_photo' },
    hint: { type: String, value: '' },
    /** The current upload as the server reported it (null: none yet). */
    document: { type: Object, value: null as unknown as WechatMiniprogram.IAnyObject },
    /** A message from the page (e.g. "请上传：证件照"). */
    error: { type: String, value: '' },
  },
  ...localizedPage(() => ({
    text: t.apply,
  })),
  data: {
    camera: false,
    busy: false,
    preview: '',
    uploaded: false,
    ok: false,
    errors: [] as string[],
    advice: [] as string[],
    message: '',
    /** The server's spec crop of the last upload, as a local file ('' when none). */
    cropPreview: '',
    guide: guideStyles(),
    sample: sampleStyles(),
  },
  observers: {
    document(document: UploadedDocument | null) {
      this.setData({
        uploaded: !!document,
        ok: !!document?.ok,
        errors: (document?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.message),
        advice: (document?.findings ?? []).filter((f) => f.severity === 'advice').map((f) => f.message),
      });
    },
  },
  methods: {
    openCamera() {
      this.setData({ camera: true, message: '' });
    },
    closeCamera() {
      this.setData({ camera: false });
    },
    onCameraError() {
      // No camera permission or no camera: the album still works.
      this.setData({ camera: false, message: t.apply.cameraUnavailable });
    },
    shoot() {
      wx.createCameraContext().takePhoto({
        quality: 'high',
        success: (res) => {
          this.setData({ camera: false });
          void this.process(res.tempImagePath, true);
        },
        fail: () => this.setData({ camera: false }),
      });
    },
    async fromAlbum() {
      try {
        const picked = await chooseImage(['album', 'camera']);
        await this.process(picked.path, true);
      } catch (error) {
        if (!(error instanceof MediaError && error.cancelled)) this.setData({ message: (error as Error).message });
      }
    },
    /** The server's spec crop, as it is: already 3:4, within the output size, checked. */
    acceptCrop() {
      const path = this.data.cropPreview;
      if (path) void this.process(path, false, false);
    },
    /** crop 3:4 → compress → check size/type → upload → show the findings (and a spec crop). */
    async process(path: string, crop: boolean, compress = true) {
      this.setData({ busy: true, message: '', cropPreview: '' });
      try {
        const cropped = crop ? await cropToIdPhoto(path) : path;
        const compressed = compress ? await compressPhoto(cropped) : cropped;
        const problem = uploadProblem(compressed, await fileSize(compressed));
        if (problem) {
          this.setData({ busy: false, message: problem });
          return;
        }
        this.setData({ preview: compressed });
        // The crop's base64 stays out of setData and of the page: only a file path goes on.
        const { autoCrop, ...document } = await uploadDocument(this.data.applicationId, this.data.docId, compressed);
        const cropPreview = autoCrop ? await writeTempJpeg(autoCrop.jpegBase64, 'id-photo-spec-crop') : '';
        this.setData({ busy: false, document, cropPreview });
        this.triggerEvent('uploaded', { document });
      } catch (error) {
        const cancelled = error instanceof MediaError && error.cancelled;
        this.setData({ busy: false, message: cancelled ? '' : (error as Error).message || t.serverError });
      }
    },
  },
});
