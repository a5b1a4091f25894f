/**
 * The ID photo step against the real server: a generated too-dark portrait goes through
 * crop → compress → upload, and the server's reasons (Chinese) appear beside the photo
 * before anything is submitted; a re-take with a good photo passes.
 */
import * as fs from 'node:fs';
import { createApplication } from '../../miniprogram/api/applications';
import type { UploadedDocument } from '../../miniprogram/domain/services/application-api-types';
import { t } from '../../miniprogram/packages/apply/text';
import { PHOTO_MESSAGES } from '../../server/photo/photo-messages';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { bindWxFiles, tempFile } from './helpers/wx-files';

const server = useChildServer();

beforeEach(() => bindWxFiles());


/** The album hands over this file; crop and compress keep it (and are recorded). */
function phoneReturns(path: string, size = 1000) {
  const chooseMedia = jest.fn((o: WechatMiniprogram.ChooseMediaOption) =>
    setTimeout(() => o.success?.({ tempFiles: [{ tempFilePath: path, size, fileType: 'image' }], type: 'image' } as unknown as WechatMiniprogram.ChooseMediaSuccessCallbackResult)),
  );
  const cropImage = jest.fn((o: WechatMiniprogram.CropImageOption) => setTimeout(() => o.success?.({ tempFilePath: o.src, errMsg: 'cropImage:ok' })));
  const compressImage = jest.fn((o: WechatMiniprogram.CompressImageOption) => setTimeout(() => o.success?.({ tempFilePath: o.src, errMsg: 'compressImage:ok' })));
  wx.chooseMedia = chooseMedia as unknown as typeof wx.chooseMedia;
  wx.cropImage = cropImage as unknown as typeof wx.cropImage;
  wx.compressImage = compressImage as unknown as typeof wx.compressImage;
  return { chooseMedia, cropImage, compressImage };
}

describe('证件照 step', () => {
  it('shows the server’s reasons for a dark photo next to it, then accepts a re-take', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const photo = renderPage('packages/apply/components/photo-step/index', { applicationId: draft.id, hint: '白色背景' });

    const phone = phoneReturns(server.images.darkPhoto);
    await tapButton(photo, '.photo__album');
    await until(() => textOf(photo).includes(t.apply.photoFailed), 'photo reasons');
    expect(phone.cropImage).toHaveBeenCalledWith(expect.objectContaining({ cropScale: '3:4' }));
    expect(phone.compressImage).toHaveBeenCalled();
    expect(textOf(photo)).toContain(PHOTO_MESSAGES.TOO_DARK);
    expect(counters.requests.some((r) => r.method === 'POST' && r.url.endsWith(`/api/applications/${draft.id}/documents/id_photo`))).toBe(true);

    phoneReturns(server.images.goodPhoto);
    await tapButton(photo, '.photo__album');
    await until(() => textOf(photo).includes(t.apply.photoPassed), 'photo passed');
    expect(textOf(photo)).not.toContain(PHOTO_MESSAGES.TOO_DARK);
  });

  it('a face framed too wide: the spec crop appears beside the original, and one tap uploads it', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const photo = renderPage('packages/apply/components/photo-step/index', { applicationId: draft.id });
    const uploaded: UploadedDocument[] = [];
    photo.instance.triggerEvent = ((name: string, detail: { document: UploadedDocument }) => {
      if (name === 'uploaded') uploaded.push(detail.document);
    }) as typeof photo.instance.triggerEvent;

    phoneReturns(server.images.widePhoto);
    await tapButton(photo, '.photo__album');
    await until(() => textOf(photo).includes(t.apply.photoAutoCrop), 'the spec crop');
    expect(textOf(photo)).toContain(PHOTO_MESSAGES.HEAD_TOO_SMALL);
    expect(textOf(photo)).toContain(t.apply.photoOriginal);
    // Only a file path went through setData, and the page got the document without the crop.
    expect(JSON.stringify(photo.data)).not.toContain('jpegBase64');
    expect(uploaded[0]).toMatchObject({ ok: false });
    expect(uploaded[0]).not.toHaveProperty('autoCrop');
    const cropFile = photo.data.cropPreview as string;
    expect([...fs.readFileSync(cropFile).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // a JPEG on the phone's disk

    const phone = phoneReturns(server.images.goodPhoto); // must not be used: the crop is uploaded as it is
    const before = counters.requests.length;
    await tapButton(photo, '.photo__use-crop');
    await until(() => textOf(photo).includes(t.apply.photoPassed), 'crop accepted');
    expect(phone.chooseMedia).not.toHaveBeenCalled();
    expect(phone.compressImage).not.toHaveBeenCalled();
    expect(counters.requests.slice(before).filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([expect.stringMatching(/\/documents\/id_photo$/)]);
    expect(textOf(photo)).not.toContain(t.apply.photoAutoCrop);
    expect(uploaded[1]).toMatchObject({ ok: true });
  });

  it('the camera guide draws the head where the spec puts it', async () => {
    await readyCitizen(server);
    const photo = renderPage('packages/apply/components/photo-step/index', { applicationId: 'x' });
    await tapButton(photo, '.photo__open-camera');
    // 600×800 rpx frame: crown at 8.3 % (67 rpx), head 63.5 % (508 rpx), face 56 % of the width (336 rpx).
    expect((photo.data.guide as { head: string }).head).toBe('top: 67rpx; height: 508rpx; width: 336rpx; margin-left: -168rpx;');
    // …and that is what is drawn (the simulator renders rpx as px).
    expect(photo.querySelector('.photo__guide-head')!.dom!.getAttribute('style')).toBe('top: 67px; height: 508px; width: 336px; margin-left: -168px;');
  });

  it('refuses a photo over 5 MB on the phone without uploading it', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const huge = tempFile('huge.jpg', new Uint8Array(5 * 1024 * 1024 + 1));
    phoneReturns(huge, 5 * 1024 * 1024 + 1);
    const photo = renderPage('packages/apply/components/photo-step/index', { applicationId: draft.id });
    const before = counters.requests.length;
    await tapButton(photo, '.photo__album');
    await until(() => textOf(photo).includes(t.upload.fileTooLarge), 'size message');
    expect(counters.requests.length).toBe(before);
  });
});

