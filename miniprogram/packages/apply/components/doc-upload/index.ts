import { uploadDocument } from '../../../../api/applications';
import { localizedPage } from '../../../../locale/localized-page';
import { t } from '../../text';
import { chooseImage, MediaError, uploadProblem } from '../../media';

/**
 * One document to upload (passport data page, loss statement, guardian ID…): camera or
 * album, JPG/PNG ≤ 5 MB checked on the phone before anything is sent, then the server's
 * verdict under it. `doc` is a DocumentView (form-model.ts).
 */
Component({
  properties: {
    applicationId: { type: String, value: '' },
    doc: { type: Object, value: {} as WechatMiniprogram.IAnyObject },
  },
  ...localizedPage(() => ({
    text: t.apply,
  })),
  data: {
    busy: false,
    message: '',
  },
  methods: {
    async pick() {
      if (this.data.busy) return;
      this.setData({ message: '' });
      let picked: { path: string; size: number };
      try {
        picked = await chooseImage();
      } catch (error) {
        if (!(error instanceof MediaError && error.cancelled)) this.setData({ message: (error as Error).message });
        return;
      }
      const problem = uploadProblem(picked.path, picked.size);
      if (problem) {
        this.setData({ message: problem });
        return;
      }
      this.setData({ busy: true });
      try {
        const document = await uploadDocument(this.data.applicationId, this.data.doc.id as string, picked.path);
        this.setData({ busy: false });
        this.triggerEvent('uploaded', { document });
      } catch (error) {
        this.setData({ busy: false, message: (error as Error).message || t.serverError });
      }
    },
  },
});
