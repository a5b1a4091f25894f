import { uploadDocument } from '../../../../api/applications';
import type { UploadedDocument } from '../../domain/services/application-api-types';
import { t } from '../../../../locale/zh-CN';
import { chooseImage, compressPhoto, cropToIdPhoto, fileSize, MediaError, uploadProblem } from '../../media';

/**
 * 证件照: take it with <camera> (a 3:4 head-and-shoulders guide over the viewfinder) or pick
 * one, crop to 3:4, compress, upload — and show the server's photo-check reasons next to
 * the photo straight away, so a bad photo is re-taken now, not refused days later.
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
  data: {
    text: t.apply,
    camera: false,
    busy: false,
    preview: '',
    uploaded: false,
    ok: false,
    errors: [] as string[],
    advice: [] as string[],
    message: '',
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
    /** crop 3:4 → compress → check size/type → upload → show the findings. */
    async process(path: string, crop: boolean) {
      this.setData({ busy: true, message: '' });
      try {
        const cropped = crop ? await cropToIdPhoto(path) : path;
        const compressed = await compressPhoto(cropped);
        const problem = uploadProblem(compressed, await fileSize(compressed));
        if (problem) {
          this.setData({ busy: false, message: problem });
          return;
        }
        this.setData({ preview: compressed });
        const document = await uploadDocument(this.data.applicationId, this.data.docId, compressed);
        this.setData({ busy: false, document });
        this.triggerEvent('uploaded', { document });
      } catch (error) {
        const cancelled = error instanceof MediaError && error.cancelled;
        this.setData({ busy: false, message: cancelled ? '' : (error as Error).message || t.serverError });
      }
    },
  },
});
