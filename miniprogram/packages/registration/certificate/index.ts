import Toast from 'tdesign-miniprogram/toast/index';
import { fetchCertificate } from '../api';
import type { RegistrationCertificate } from '../domain/registration';
import { albumAllowed, openAlbumSettings, saveToAlbum } from '../album';
import { drawQr, qrMatrix } from '../qr-matrix';
import { fill } from '../../../locale/text';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

const SIZE = 240;

type CanvasNode = WechatMiniprogram.Canvas & { width: number; height: number };

/** 登记凭证: the code as a QR code drawn on a canvas, saved to the album after the permission prompt. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.certificate)],
  data: {
    size: SIZE,
    certificate: null as RegistrationCertificate | null,
    /** The QR code's accessible name; the code itself is never translated. */
    qrLabel: '',
    loadError: '',
    notice: '',
    saving: false,
    denied: false,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      try {
        const certificate = await fetchCertificate(query.id ?? '');
        this.setData({ certificate, qrLabel: fill(text.qrLabel, { code: certificate.code }) });
        await this.draw(certificate.qrText);
      } catch (error) {
        this.setData({ loadError: (error as Error).message || text.loadFailed });
      }
    },
    canvas(): Promise<CanvasNode | null> {
      return new Promise((resolve) =>
        this.createSelectorQuery()
          .select('#qr')
          .fields({ node: true, size: true })
          .exec((res: Array<{ node?: CanvasNode } | null>) => resolve(res?.[0]?.node ?? null)),
      );
    },
    async draw(qrText: string) {
      const canvas = await this.canvas();
      if (!canvas) return;
      const ratio = wx.getWindowInfo?.().pixelRatio ?? 2;
      canvas.width = SIZE * ratio;
      canvas.height = SIZE * ratio;
      const ctx = canvas.getContext('2d') as unknown as Parameters<typeof drawQr>[0];
      drawQr(ctx, qrMatrix(qrText), SIZE * ratio);
    },
    async save() {
      if (this.data.saving) return;
      this.setData({ saving: true, notice: '' });
      try {
        if (!(await albumAllowed())) {
          this.setData({ saving: false, denied: true, notice: text.albumDenied });
          return;
        }
        const canvas = await this.canvas();
        const file = await new Promise<string>((resolve, reject) =>
          wx.canvasToTempFilePath({ canvas: canvas as unknown as WechatMiniprogram.Canvas, fileType: 'png', success: (r) => resolve(r.tempFilePath), fail: reject }, this),
        );
        await saveToAlbum(file);
        this.setData({ saving: false, denied: false });
        Toast({ context: this, selector: '#t-toast', message: text.saved, theme: 'success' });
      } catch {
        this.setData({ saving: false, notice: text.saveFailed });
      }
    },
    async openSettings() {
      if (await openAlbumSettings()) this.setData({ denied: false, notice: '' });
    },
  },
});
