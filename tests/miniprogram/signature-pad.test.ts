import * as fs from 'node:fs';
import { t } from '../../miniprogram/packages/apply/text';
import { bindCanvasExport, FakeCanvas } from './helpers/fake-canvas';
import { listen, tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { bindWxFiles } from './helpers/wx-files';

const PAD = 'packages/apply/components/signature-pad/index';
const APPLICATION = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

type Node = { dispatchEvent(name: string, options?: unknown): void };
type PadInstance = { attachCanvas(canvas: FakeCanvas, width: number, height: number): void };

/** The pad with a stand-in canvas node (jsdom has no canvas 2d). */
function renderPad() {
  const pad = renderPage(PAD, { applicationId: APPLICATION, signer: t.apply.signer.applicant });
  const canvas = new FakeCanvas();
  (pad.instance as unknown as PadInstance).attachCanvas(canvas, 300, 120);
  return { pad, canvas, node: pad.querySelector('#pad') as unknown as Node };
}

async function draw(node: Node, points: Array<[number, number]>) {
  node.dispatchEvent('touchstart', { touches: [{ x: points[0][0], y: points[0][1] }] });
  for (const [x, y] of points.slice(1)) node.dispatchEvent('touchmove', { touches: [{ x, y }] });
  node.dispatchEvent('touchend', { changedTouches: [{ x: 0, y: 0 }] });
  await simulate.sleep(0);
}

/** Captures the upload the pad sends through the api layer (wx.uploadFile). */
function captureUpload() {
  const sent: Array<{ url: string; name: string; header: Record<string, string>; bytes: Buffer }> = [];
  wx.setStorageSync('session', { token: 'tok', expiresAt: '2999-01-01T00:00:00Z' });
  wx.uploadFile = ((options: WechatMiniprogram.UploadFileOption) => {
    sent.push({ url: options.url, name: options.name, header: options.header as Record<string, string>, bytes: fs.readFileSync(options.filePath) });
    const document = { docId: 'declaration_signature', kind: 'signature', mime: 'image/png', bytes: 1, ok: true, findings: [], uploadedAt: '2025-06-15T00:00:00Z' };
    setTimeout(() => options.success?.({ statusCode: 200, data: JSON.stringify(document), errMsg: 'uploadFile:ok' } as WechatMiniprogram.UploadFileSuccessCallbackResult));
  }) as unknown as typeof wx.uploadFile;
  return sent;
}

describe('signature pad', () => {
  beforeEach(() => bindWxFiles());

  it('shows who signs', () => {
    const { pad } = renderPad();
    expect(textOf(pad)).toContain(t.apply.signer.applicant);
  });

  it('an empty pad is refused without exporting anything', async () => {
    const exportPng = bindCanvasExport();
    const sent = captureUpload();
    const { pad } = renderPad();
    await tapButton(pad, '.signature__confirm');
    expect(textOf(pad)).toContain(t.apply.signEmpty);
    expect(exportPng).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
  });

  it('a stray tap is not a signature', async () => {
    const exportPng = bindCanvasExport();
    const { pad, node } = renderPad();
    await draw(node, [[40, 40]]);
    await tapButton(pad, '.signature__confirm');
    expect(textOf(pad)).toContain(t.apply.signEmpty);
    expect(exportPng).not.toHaveBeenCalled();
  });

  it('touch strokes draw on the canvas; confirm exports a PNG and uploads it', async () => {
    const exportPng = bindCanvasExport();
    const sent = captureUpload();
    const { pad, canvas, node } = renderPad();
    const uploaded = jest.fn();
    listen(pad)('uploaded', uploaded);

    await draw(node, [[20, 80], [60, 30], [100, 90], [140, 40], [200, 70]]);
    expect(canvas.segments.length).toBe(4);

    await tapButton(pad, '.signature__confirm');
    // Export, upload and the server's answer are async: wait for the pad to report the upload.
    await until(() => uploaded.mock.calls.length > 0, 'the signature upload');
    expect(exportPng).toHaveBeenCalledTimes(1);
    expect(exportPng.mock.calls[0][0]).toMatchObject({ fileType: 'png', canvas });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toMatch(new RegExp(`/api/applications/${APPLICATION}/documents/declaration_signature$`));
    expect(sent[0].name).toBe('file');
    expect(sent[0].header.Authorization).toBe('Bearer tok');
    expect([...sent[0].bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // a PNG
    expect(uploaded).toHaveBeenCalled();
    expect(textOf(pad)).toContain(t.apply.signDone);
  });

  it('clear empties the pad again', async () => {
    bindCanvasExport();
    const { pad, node } = renderPad();
    await draw(node, [[20, 80], [60, 30], [100, 90]]);
    await tapButton(pad, '.signature__clear');
    await tapButton(pad, '.signature__confirm');
    expect(textOf(pad)).toContain(t.apply.signEmpty);
  });
});
