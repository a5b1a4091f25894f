/**
 * Document uploads (passport data page, loss statement…): oversized or non-JPG/PNG files
 * are refused on the phone before any request; a good page is uploaded to the real server.
 * (One top-level component per test file: miniprogram-simulate registers TDesign once.)
 */
import { createApplication, saveStep } from '../../miniprogram/api/applications';
import { t } from '../../miniprogram/packages/apply/text';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { listen, tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { bindWxFiles } from './helpers/wx-files';

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

describe('document upload', () => {
  const doc = { id: 'passport_data_page', label: '现持护照资料页', hint: '', kind: 'image', required: true, ok: false, uploaded: false, errors: [], advice: [], message: '' };

  it('checks size and type before uploading', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const upload = renderPage('packages/apply/components/doc-upload/index', { applicationId: draft.id, doc });
    await simulate.sleep(0);
    const before = counters.requests.length;

    phoneReturns('/tmp/scan.jpg', 6 * 1024 * 1024);
    await tapButton(upload, '.doc__pick');
    await until(() => textOf(upload).includes(t.upload.fileTooLarge), 'size message');

    phoneReturns('/tmp/scan.gif', 1000);
    await tapButton(upload, '.doc__pick');
    await until(() => textOf(upload).includes(t.upload.fileType), 'type message');
    expect(counters.requests.length).toBe(before);
  });

  it('uploads a page and reports it to the step', async () => {
    await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    // The data page is asked for once the case says the old passport is held (renewal).
    await saveStep(draft.id, 'eligibility', { case: 'renewal', applicantRelation: 'self' });
    const upload = renderPage('packages/apply/components/doc-upload/index', { applicationId: draft.id, doc });
    await simulate.sleep(0);
    const uploaded = jest.fn();
    listen(upload)('uploaded', uploaded);
    phoneReturns(server.images.document);
    await tapButton(upload, '.doc__pick');
    await until(() => uploaded.mock.calls.length > 0, 'upload');
    expect(uploaded.mock.calls[0][0].detail.document).toMatchObject({ docId: 'passport_data_page', ok: true });
  });
});
