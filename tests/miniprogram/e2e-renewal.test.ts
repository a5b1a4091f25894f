/**
 * @jest-environment node
 *
 * End to end: a self renewal from the first step to a submitted order, through the
 * mini-program's own api/ layer (wx.request, file reads bound to real HTTP and disk)
 * against the real server, with the signature PNG the pad's canvas produces and
 * generated photos. The client-side engine and the server agree on the path at every step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  createApplication,
  fetchApplication,
  findDraft,
  saveStep,
  skipFace,
  submitApplication,
  uploadDocument,
} from '../../miniprogram/api/applications';
import { ApiError } from '../../miniprogram/api/request';
import { pathThrough } from '../../miniprogram/domain/services/engine';
import { passportService } from '../../miniprogram/domain/services/passport';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { renewalSteps } from '../server/applications/fixtures';
import { compliantIdPhoto, darkIdPhoto } from '../server/photo/real-photos';
import { readyCitizen } from './helpers/citizen';
import { FakeCanvas } from './helpers/fake-canvas';
import { bindWxFiles } from './helpers/wx-files';

let server: TestServer;
let dir: string;
const files = { photo: '', darkPhoto: '', document: '', signature: '' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-e2e-'));
  server = await startTestServer({ env: { DATA_DIR: path.join(dir, 'data') } });
  const write = (name: string, data: Buffer) => {
    fs.writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };
  files.photo = write('photo.jpg', await compliantIdPhoto());
  files.darkPhoto = write('dark.jpg', await darkIdPhoto());
  files.document = write(
    'page.jpg',
    await sharp({ create: { width: 1200, height: 850, channels: 3, background: { r: 230, g: 225, b: 210 } } })
      .composite([{ input: Buffer.from('<svg width="1200" height="850"><rect x="80" y="80" width="300" height="400" fill="#777"/></svg>') }])
      .jpeg()
      .toBuffer(),
  );
  // What the signature pad exports: strokes on a 2x canvas.
  const canvas = new FakeCanvas();
  canvas.width = 640;
  canvas.height = 240;
  const ctx = canvas.getContext();
  ctx.scale(2, 2);
  ctx.beginPath();
  ctx.moveTo(20, 90);
  for (const [x, y] of [[60, 20], [100, 100], [150, 30], [200, 90], [260, 40], [300, 80]]) ctx.lineTo(x, y);
  files.signature = write('signature.png', canvas.toPng());
}, 60_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => bindWxFiles());

const uploadsBefore: Record<string, Array<[string, keyof typeof files]>> = {
  declaration: [['declaration_signature', 'signature']],
  photo: [['id_photo', 'photo']],
  documents: [['passport_data_page', 'document']],
};

describe('renewal, first step to submitted order, through the mini-program api layer', () => {
  it('walks every step, resumes, and submits exactly one order', async () => {
    await readyCitizen(server, '李明');
    const created = await createApplication('passport', 'us-new-york');
    expect(created.status).toBe('draft');
    let detail = created;

    for (const [stepId, answers] of renewalSteps) {
      if (stepId === 'review') break;
      for (const [docId, file] of uploadsBefore[stepId] ?? []) {
        const uploaded = await uploadDocument(detail.id, docId, files[file]);
        expect(uploaded).toMatchObject({ docId, ok: true });
      }
      if (stepId === 'face') detail = await skipFace(detail.id);
      detail = await saveStep(detail.id, stepId, answers);
      // The mini-program's engine walks the same path the server reports.
      expect(pathThrough(passportService, detail.answers).map((s) => s.id)).toEqual(detail.path);

      if (stepId === 'family') {
        // Close WeChat here: the draft is found again and resumes on the next step.
        const draft = await findDraft('passport');
        expect(draft?.id).toBe(detail.id);
        expect((await fetchApplication(detail.id)).currentStep).toBe('contact');
      }
    }
    expect(detail.firstIncompleteStep).toBeNull();
    expect(detail.interviewReasons).toContain('face_skipped');

    const submitted = await submitApplication(detail.id);
    expect(submitted.status).toBe('awaiting_payment');
    expect(submitted.orderNo).toMatch(/P/);
    // A second tap: the same order, not a second one.
    const again = await submitApplication(detail.id);
    expect(again.orderNo).toBe(submitted.orderNo);
  });

  it('a dark photo is kept with its reasons and blocks submission until replaced', async () => {
    await readyCitizen(server, '李明');
    const draft = await createApplication('passport', 'us-new-york');
    const dark = await uploadDocument(draft.id, 'id_photo', files.darkPhoto);
    expect(dark.ok).toBe(false);
    expect(dark.findings.some((f) => f.severity === 'error' && /暗/.test(f.message))).toBe(true);
    const error = (await submitApplication(draft.id).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('SUBMISSION_INCOMPLETE');
  });

  it('a blank signature is refused by the server', async () => {
    await readyCitizen(server, '李明');
    const draft = await createApplication('passport', 'us-new-york');
    const blank = path.join(dir, 'blank.png');
    fs.writeFileSync(blank, new FakeCanvas().toPng());
    // 300×150 is big enough; it is the missing ink that fails.
    const error = (await uploadDocument(draft.id, 'declaration_signature', blank).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('IMAGE_REJECTED');
  });
});
