/**
 * The ID photo step against the real server: a generated too-dark portrait goes through
 * crop → compress → upload, and the server's reasons (Chinese) appear beside the photo
 * before anything is submitted; a re-take with a good photo passes.
 */
import { createApplication } from '../../miniprogram/api/applications';
import { t } from '../../miniprogram/locale/zh-CN';
import { PHOTO_MESSAGES } from '../../server/photo/photo-messages';
import { startChildServer, type ChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { bindWxFiles, tempFile } from './helpers/wx-files';

let server: ChildServer;

beforeAll(async () => {
  server = await startChildServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

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

  it('refuses a photo over 5 MB on the phone without uploading it', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const huge = tempFile('huge.jpg', new Uint8Array(5 * 1024 * 1024 + 1));
    phoneReturns(huge, 5 * 1024 * 1024 + 1);
    const photo = renderPage('packages/apply/components/photo-step/index', { applicationId: draft.id });
    const before = counters.requests.length;
    await tapButton(photo, '.photo__album');
    await until(() => textOf(photo).includes(t.apply.fileTooLarge), 'size message');
    expect(counters.requests.length).toBe(before);
  });
});

