/**
 * The ID photo check on real photographs (tests/server/photo/real-photos.ts builds every case
 * from images Debian ships; docs/photo-check.md has the same table with measured results).
 */
import sharp from 'sharp';
import { checkIdPhoto, DEFAULT_PHOTO_RULES, type PhotoCheckResult } from '../../../server/photo/photo-check';
import { PHOTO_MESSAGES } from '../../../server/photo/photo-messages';
import { DEFAULT_PHOTO_FRAME_SPEC, photoFrameSpecFor } from '../../../server/photo/photo-spec';
import { PHOTO_CASES, type PhotoCaseName, requireSources } from './real-photos';

jest.setTimeout(60_000);

const errorCodes = (r: PhotoCheckResult): string[] => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);

const results = new Map<PhotoCaseName, PhotoCheckResult>();
async function check(name: PhotoCaseName): Promise<PhotoCheckResult> {
  if (!results.has(name)) results.set(name, await checkIdPhoto(await PHOTO_CASES[name]()));
  return results.get(name)!;
}

beforeAll(() => {
  // No silent skipping: without the Debian images this suite fails and says what to install.
  requireSources();
});

describe('photos that pass', () => {
  it.each(['compliant', 'compliantLarge', 'compliantWhite'] as const)('%s: one frontal face, head within the default ranges, no error', async (name) => {
    const r = await check(name);
    expect(errorCodes(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.autoCrop).toBeNull();
    const { head } = r.face!;
    const spec = DEFAULT_PHOTO_FRAME_SPEC;
    expect(r.face!.count).toBe(1);
    expect(head.headHeight).toBeGreaterThanOrEqual(spec.headHeight[0]);
    expect(head.headHeight).toBeLessThanOrEqual(spec.headHeight[1]);
    expect(head.centreOffset).toBeLessThanOrEqual(spec.maxCentreOffset);
    expect(Math.abs(r.face!.yaw)).toBeLessThan(spec.maxYaw);
    expect(r.metrics!.backgroundFrom).toBe('head');
  });
});

describe('no face, or not one usable face', () => {
  it.each(['blank', 'wallpaper', 'meadow', 'wood', 'lake', 'nightSky', 'coffee', 'animal'] as const)('%s → 未检测到人脸', async (name) => {
    const r = await check(name);
    expect(errorCodes(r)).toContain('NO_FACE');
    expect(r.findings.find((f) => f.code === 'NO_FACE')!.message).toBe('未检测到人脸，请上传本人正面免冠照片');
    expect(r).toMatchObject({ ok: false, face: null, autoCrop: null });
  });

  it('two people → 照片中有多张人脸', async () => {
    const r = await check('twoFaces');
    expect(errorCodes(r)).toContain('MULTIPLE_FACES');
    expect(r.findings[0]!.message).toBe('照片中有多张人脸，请只拍本人');
    expect(r).toMatchObject({ ok: false, autoCrop: null });
  });

  it('a face in profile → 请正对镜头', async () => {
    const r = await check('profile');
    expect(errorCodes(r)).toContain('NOT_FACING_CAMERA');
    expect(Math.abs(r.face!.yaw)).toBeGreaterThan(DEFAULT_PHOTO_FRAME_SPEC.maxYaw);
    expect(r.autoCrop).toBeNull(); // cropping cannot turn a head
  });

  it('a tilted head → 头部歪斜', async () => {
    const r = await check('tilted');
    expect(errorCodes(r)).toContain('HEAD_TILTED');
    expect(r.face!.roll).toBeGreaterThan(DEFAULT_PHOTO_FRAME_SPEC.maxRoll);
    expect(r.autoCrop).toBeNull();
  });
});

describe('picture quality around a real face', () => {
  it('her head in front of a wood → background refused, judged around the head', async () => {
    const r = await check('busyBackground');
    expect(errorCodes(r)).toEqual(expect.arrayContaining(['BACKGROUND_NOT_UNIFORM']));
    expect(r.metrics!.backgroundFrom).toBe('head');
    expect(r.ok).toBe(false);
  });

  it('the head\'s shadow on the wall behind → SHADOW_BEHIND_HEAD (advice), a plain wall has none', async () => {
    const r = await check('shadowBehindHead');
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['SHADOW_BEHIND_HEAD', 'advice']]);
    expect(r.findings[0]!.message).toBe('头部后方的背景有阴影，请离背景远一些，让光线均匀');
    expect(r.metrics!.backgroundShadow).toBeGreaterThan(DEFAULT_PHOTO_RULES.shadowAdvice);
    expect((await check('compliant')).metrics!.backgroundShadow).toBeLessThan(5);
  });

  it('under-exposed → TOO_DARK', async () => {
    const r = await check('dark');
    expect(errorCodes(r)).toContain('TOO_DARK');
    expect(r.ok).toBe(false);
  });

  it('a dark background is an error even when the face is only a little dark (it used to hide behind the advice)', async () => {
    const r = await check('darkBackground');
    expect(r.findings.find((f) => f.code === 'TOO_DARK')?.severity).toBe('advice');
    expect(r.findings.find((f) => f.code === 'BACKGROUND_TOO_DARK')?.severity).toBe('error');
    expect(r.ok).toBe(false);
  });

  it('out of focus → BLURRED', async () => {
    const r = await check('blurred');
    expect(errorCodes(r)).toContain('BLURRED');
    expect(r.ok).toBe(false);
  });
});

describe('head geometry and the spec crop', () => {
  it('head too small in a big photo → refused, with a crop that meets the spec', async () => {
    const r = await check('headTooSmall');
    expect(errorCodes(r)).toEqual(['HEAD_TOO_SMALL']);
    expect(r.findings[0]!.message).toBe(PHOTO_MESSAGES.HEAD_TOO_SMALL);
    const crop = r.autoCrop!;
    expect([crop.width, crop.height]).toEqual([480, 640]);
    expect(crop.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The crop is a real photo that passes on its own, head in the middle of the ranges.
    const again = await checkIdPhoto(crop.jpeg);
    expect(again.ok).toBe(true);
    expect(again.face!.head.headHeight).toBeCloseTo(0.635, 1);
    expect(again.face!.head.centreOffset).toBeLessThan(0.02);
    expect((await sharp(crop.jpeg).metadata()).format).toBe('jpeg');
  });

  it('a 4:3 phone photo → WRONG_RATIO, with a 3:4 crop', async () => {
    const r = await check('landscapePhone');
    expect(errorCodes(r)).toEqual(['WRONG_RATIO']);
    expect(r.autoCrop).not.toBeNull();
    expect(r.autoCrop!.width / r.autoCrop!.height).toBeCloseTo(0.75, 2);
    expect((await checkIdPhoto(r.autoCrop!.jpeg)).ok).toBe(true);
  });

  it('off-centre → HEAD_NOT_CENTRED, with a centred crop', async () => {
    const r = await check('offCentre');
    expect(errorCodes(r)).toContain('HEAD_NOT_CENTRED');
    expect((await checkIdPhoto(r.autoCrop!.jpeg)).face!.head.centreOffset).toBeLessThan(0.02);
  });

  it('off-centre at the edge of a spec-size photo → refused, no crop possible', async () => {
    const r = await check('offCentreAtEdge');
    expect(errorCodes(r)).toEqual(['HEAD_NOT_CENTRED']);
    expect(r.autoCrop).toBeNull();
  });

  it('head too large → refused, no crop can add what is missing', async () => {
    const r = await check('headTooLarge');
    expect(errorCodes(r)).toContain('HEAD_TOO_LARGE');
    expect(r.autoCrop).toBeNull();
  });

  it('the ranges are per mission: a mission publishing 21–24 mm of 33 mm refuses a narrower head', async () => {
    const photo = await PHOTO_CASES.compliant();
    const narrow = photoFrameSpecFor({ headWidth: [0.64, 0.73] });
    const r = await checkIdPhoto(photo, { frame: narrow });
    expect(errorCodes(r)).toEqual(['HEAD_TOO_SMALL']);
    expect(photoFrameSpecFor(null)).toBe(DEFAULT_PHOTO_FRAME_SPEC);
    expect(() => photoFrameSpecFor({ headWidth: [0.8, 0.6] })).toThrow();
    expect(() => photoFrameSpecFor({ headSize: 3 })).toThrow();
  });
});

describe('the face model under load', () => {
  it('4 photos checked at once give the same answers as one by one', async () => {
    const names = ['compliant', 'twoFaces', 'animal', 'headTooSmall'] as const;
    const inputs = await Promise.all(names.map((n) => PHOTO_CASES[n]()));
    const together = await Promise.all(inputs.map((i) => checkIdPhoto(i)));
    for (let i = 0; i < names.length; i++) {
      const alone = await check(names[i]!);
      expect(errorCodes(together[i]!)).toEqual(errorCodes(alone));
      expect(together[i]!.face?.count ?? 0).toBe(alone.face?.count ?? 0);
    }
  });
});
