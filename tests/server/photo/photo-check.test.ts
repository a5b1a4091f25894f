import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import {
  checkDocumentImage,
  checkIdPhoto,
  DEFAULT_PHOTO_RULES,
  sniffImageFormat,
  type PhotoCheckResult,
  type PhotoFinding,
} from '../../../server/photo/photo-check';
import { PHOTO_ISSUE_CODES, PHOTO_MESSAGES, photoMessage } from '../../../server/photo/photo-messages';
import { PHOTO_CASES, requireSources } from './real-photos';
import { portraitJpeg, portraitSharp } from './synthetic-portrait';

/** The exact sentences a citizen reads (with the default rules). */
const MSG = {
  FILE_TOO_LARGE: '文件超过5MB，请压缩后重新上传',
  NOT_AN_IMAGE: '文件不是有效的JPG或PNG图片，请重新选择照片上传',
  TOO_MANY_PIXELS: '图片像素过多，无法处理，请换一张尺寸较小的照片',
  TOO_SMALL: '照片尺寸过小，至少需要354×472像素，请上传原图',
  WRONG_RATIO: '照片比例应为3:4（宽:高），请裁剪后重新上传',
  RESIZED: '照片尺寸大于规定，已自动缩小为480×640像素',
  BACKGROUND_NOT_UNIFORM: '背景不够均匀，请在白色或浅色纯色背景前拍摄',
  BACKGROUND_TOO_DARK: '背景颜色太深，请在白色或浅色背景前拍摄',
  TOO_DARK: '照片太暗，请在光线充足处重新拍摄',
  BLURRED: '照片模糊，请保持手机稳定、对焦清晰后重拍',
  LIGHT_CLOTHES: '衣服颜色与背景太接近，请穿深色衣服重新拍摄',
  DOCUMENT_LOW_RESOLUTION: '图片分辨率较低，文字可能看不清，请在光线充足处拍摄清晰的完整页面',
} as const;


// The machine may be busy: give the slower cases room.
jest.setTimeout(30_000);

const codes = (r: { findings: PhotoFinding[] }): string[] => r.findings.map((f) => f.code);
const errors = (r: { findings: PhotoFinding[] }): PhotoFinding[] => r.findings.filter((f) => f.severity === 'error');

function expectFinding(r: { findings: PhotoFinding[] }, code: keyof typeof MSG, severity?: 'error' | 'advice'): PhotoFinding {
  const f = r.findings.find((x) => x.code === code);
  expect(f).toBeDefined();
  expect(f!.message).toBe(MSG[code]);
  if (severity) expect(f!.severity).toBe(severity);
  return f!;
}

async function expectCleanJpeg(r: PhotoCheckResult | Awaited<ReturnType<typeof checkDocumentImage>>): Promise<sharp.Metadata> {
  expect(r.normalized).not.toBeNull();
  const out = r.normalized!;
  expect(sniffImageFormat(out)).toBe('jpeg');
  const meta = await sharp(out).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  expect(out.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  expect([meta.width, meta.height]).toEqual([r.normalizedWidth, r.normalizedHeight]);
  return meta;
}

// --- hand-made PNG (for decompression bombs: a header can declare any size) ----------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A greyscale PNG declaring width×height whose IDAT holds a few (all-white) rows: a few KB. */
function pngDeclaring(width: number, height: number, rows = 4): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const scanlines = Buffer.alloc((width + 1) * rows, 0xff);
  for (let r = 0; r < rows; r++) scanlines[r * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid small JPEG whose SOF header is patched to declare width×height. */
function jpegDeclaring(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && (out[i + 1] === 0xc0 || out[i + 1] === 0xc2)) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF marker');
}

// ---------------------------------------------------------------------------------------------

/** A real face on a plain light background at the spec framing (see real-photos.ts). */
let good: Buffer;
let goodPng: Buffer;
beforeAll(async () => {
  requireSources();
  good = await PHOTO_CASES.compliant();
  goodPng = await sharp(good).png().toBuffer();
});

describe('messages', () => {
  it('has one Simplified Chinese sentence per code, all placeholders filled', () => {
    for (const code of PHOTO_ISSUE_CODES) {
      const text = photoMessage(code, { maxMb: 5, minWidth: 354, minHeight: 472, width: 480, height: 640 });
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/[{}]/);
    }
    expect(Object.keys(PHOTO_MESSAGES).sort()).toEqual([...PHOTO_ISSUE_CODES].sort());
  });
});

describe('checkIdPhoto: a good photo', () => {
  it.each([
    ['354×472 JPEG', () => Promise.resolve(good)],
    ['480×640 JPEG', () => PHOTO_CASES.compliantLarge()],
    ['354×472 PNG', () => Promise.resolve(goodPng)],
  ])('%s passes with no error finding', async (_name, make) => {
    const input = await make();
    const r = await checkIdPhoto(input);
    expect(errors(r)).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.metrics).not.toBeNull();
    expect(r.face).toMatchObject({ count: 1 });
    expect(r.autoCrop).toBeNull();
    expect(r.bytes).toBe(input.length);
    const meta = await expectCleanJpeg(r);
    expect([meta.width, meta.height]).toEqual([r.width, r.height]);
  });

  it('reports metrics a reviewer can read', async () => {
    const r = await checkIdPhoto(good);
    const m = r.metrics!;
    expect(m.backgroundBrightness).toBeGreaterThan(230);
    expect(m.backgroundStdDev).toBeLessThan(5);
    expect(m.subjectBrightness).toBeGreaterThan(100);
    expect(m.sharpness).toBeGreaterThan(DEFAULT_PHOTO_RULES.sharpnessAdvice);
    expect(m.analysisWidth).toBeLessThanOrEqual(DEFAULT_PHOTO_RULES.analysisWidth);
  });

  it('resizes a larger 3:4 photo into the output spec (advice, not error)', async () => {
    const r = await checkIdPhoto(await sharp(good).resize(960, 1280).jpeg({ quality: 92 }).toBuffer());
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(['RESIZED']);
    expectFinding(r, 'RESIZED', 'advice');
    expect([r.width, r.height]).toEqual([960, 1280]);
    expect([r.normalizedWidth, r.normalizedHeight]).toEqual([480, 640]);
    await expectCleanJpeg(r);
  });

  it('accepts a ratio within tolerance and crops the output to exactly 3:4', async () => {
    const r = await checkIdPhoto(await sharp(good).resize(360, 484, { fit: 'fill' }).jpeg({ quality: 92 }).toBuffer()); // 0.744, −0.8 %
    expect(r.ok).toBe(true);
    expect([r.normalizedWidth, r.normalizedHeight]).toEqual([360, 480]);
  });
});

// Picture quality, faces and framing on real photographs: real-photo-cases.test.ts.

describe('checkIdPhoto: geometry', () => {
  it('small (200×267) → TOO_SMALL', async () => {
    const r = await checkIdPhoto(await sharp(good).resize(200, 267).jpeg({ quality: 92 }).toBuffer());
    expectFinding(r, 'TOO_SMALL', 'error');
    expect(codes(r)).not.toContain('WRONG_RATIO');
    expect(r.ok).toBe(false);
  });

  it('wrong ratio (600×400) → WRONG_RATIO', async () => {
    const r = await checkIdPhoto(await portraitJpeg({ width: 600, height: 400 }));
    expectFinding(r, 'WRONG_RATIO', 'error');
    expect(codes(r)).toEqual(expect.arrayContaining(['WRONG_RATIO', 'TOO_SMALL']));
    expect(codes(r)).not.toContain('BACKGROUND_NOT_UNIFORM'); // no quality guesses on a landscape frame
    expect(r.ok).toBe(false);
  });

  it('413×531 (35×45 mm "2-inch" ratio 7:9) is not 3:4 → WRONG_RATIO', async () => {
    const r = await checkIdPhoto(await portraitJpeg({ width: 413, height: 531 }));
    expectFinding(r, 'WRONG_RATIO', 'error');
  });

  it('rules are configurable, and the message follows them', async () => {
    const small = await portraitJpeg({ width: 300, height: 400 });
    expect(codes(await checkIdPhoto(small, { minWidth: 300, minHeight: 400 }))).not.toContain('TOO_SMALL');
    const r = await checkIdPhoto(small, { minWidth: 330, minHeight: 440 });
    expect(r.findings.find((f) => f.code === 'TOO_SMALL')!.message).toBe('照片尺寸过小，至少需要330×440像素，请上传原图');
  });
});

describe('checkIdPhoto: format by magic bytes', () => {
  it('PNG bytes uploaded as "photo.jpg" / image/jpeg are detected as PNG and normalized to JPEG', async () => {
    // The name and the claimed mime type are not even inputs: only the bytes decide.
    const upload = { filename: 'photo.jpg', mimetype: 'image/jpeg', data: goodPng };
    const r = await checkIdPhoto(upload.data);
    expect(r.format).toBe('png');
    expect(r.ok).toBe(true);
    const meta = await expectCleanJpeg(r);
    expect(meta.format).toBe('jpeg');
  });

  it('JPEG with EXIF (GPS, camera) and a Display P3 ICC profile → output has none of it', async () => {
    const input = await sharp(good)
      .withIccProfile('p3')
      .withExif({
        IFD0: { Make: 'Apple', Model: 'iPhone 15', Software: 'test' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
      })
      .jpeg({ quality: 92 })
      .toBuffer();
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif).toBeDefined();
    expect(inMeta.exif!.includes(Buffer.from('iPhone 15'))).toBe(true);
    expect(inMeta.icc).toBeDefined();

    const r = await checkIdPhoto(input);
    expect(r.ok).toBe(true);
    await expectCleanJpeg(r);
    expect(r.normalized!.includes(Buffer.from('iPhone 15'))).toBe(false);
  });

  it('a photo stored sideways with EXIF orientation 6 is measured and output upright', async () => {
    const sideways = await sharp(good).rotate(270).jpeg({ quality: 92 }).toBuffer(); // 472×354 pixels
    const tagged = await sharp(sideways).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    expect(await sharp(tagged).metadata()).toMatchObject({ width: 472, height: 354, orientation: 6 });

    const r = await checkIdPhoto(tagged);
    expect([r.width, r.height]).toEqual([354, 472]);
    expect(r.findings).toEqual([]);
    expect(r.face!.count).toBe(1);
    const meta = await expectCleanJpeg(r);
    expect([meta.width, meta.height]).toEqual([354, 472]);
    // upright: light background at the top centre, dark clothes at the bottom centre
    const { data, info } = await sharp(r.normalized!).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data[5 * info.width + (info.width >> 1)]).toBeGreaterThan(200);
    expect(data[(info.height - 5) * info.width + (info.width >> 1)]).toBeLessThan(90);

    // the same pixels without the orientation tag really are sideways
    expect(codes(await checkIdPhoto(sideways))).toContain('WRONG_RATIO');
  });

  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251))],
    ['a text file', () => Buffer.from('这不是照片 / this is not a photo\n'.repeat(50), 'utf8')],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')],
    ['an empty file', () => Buffer.alloc(0)],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
  ])('%s → NOT_AN_IMAGE', async (_name, make) => {
    const r = await checkIdPhoto(make());
    expect(codes(r)).toEqual(['NOT_AN_IMAGE']);
    expectFinding(r, 'NOT_AN_IMAGE', 'error');
    expect(r).toMatchObject({ ok: false, format: null, normalized: null, metrics: null });
  });

  it.each([0.02, 0.5, 0.95])('a JPEG truncated at %p of its length → NOT_AN_IMAGE', async (fraction) => {
    const r = await checkIdPhoto(good.subarray(0, Math.floor(good.length * fraction)));
    expect(codes(r)).toEqual(['NOT_AN_IMAGE']);
    expectFinding(r, 'NOT_AN_IMAGE', 'error');
    expect(r.format).toBe('jpeg');
    expect(r.normalized).toBeNull();
  });

  it('a truncated PNG → NOT_AN_IMAGE', async () => {
    const r = await checkIdPhoto(goodPng.subarray(0, Math.floor(goodPng.length * 0.7)));
    expect(codes(r)).toEqual(['NOT_AN_IMAGE']);
    expectFinding(r, 'NOT_AN_IMAGE', 'error');
  });

  it('never throws on garbage behind a JPEG or PNG signature', async () => {
    const sigs = [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
    for (const sig of sigs) {
      for (let n = 0; n < 10; n++) {
        const tail = Buffer.from(Array.from({ length: 50 + n * 37 }, (_, i) => (i * (n + 3) * 31) & 0xff));
        const r = await checkIdPhoto(Buffer.concat([sig, tail]));
        expect(r.ok).toBe(false);
        expect(codes(r)).toEqual(['NOT_AN_IMAGE']);
      }
    }
  });
});

describe('checkIdPhoto: limits', () => {
  it('> 5 MB → FILE_TOO_LARGE, before any decoding', async () => {
    // Valid JPEG start, garbage after: if it were decoded it would be NOT_AN_IMAGE.
    const big = Buffer.concat([good.subarray(0, 100), Buffer.alloc(5 * 1024 * 1024, 0x55)]);
    const t0 = performance.now();
    const r = await checkIdPhoto(big);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(codes(r)).toEqual(['FILE_TOO_LARGE']);
    expectFinding(r, 'FILE_TOO_LARGE', 'error');
    expect(r.bytes).toBe(big.length);
  });

  it('exactly 5 MB is not too large', async () => {
    const r = await checkIdPhoto(Buffer.concat([Buffer.from('x'), Buffer.alloc(5 * 1024 * 1024 - 1)]));
    expect(codes(r)).toEqual(['NOT_AN_IMAGE']);
  });

  it('decompression bomb: a few-KB PNG declaring 30000×30000 → TOO_MANY_PIXELS, quickly', async () => {
    const bomb = pngDeclaring(30000, 30000);
    expect(bomb.length).toBeLessThan(10_000);
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await checkIdPhoto(bomb);
    const elapsed = performance.now() - t0;
    expect(codes(r)).toEqual(['TOO_MANY_PIXELS']);
    expectFinding(r, 'TOO_MANY_PIXELS', 'error');
    expect([r.width, r.height, r.format]).toEqual([30000, 30000, 'png']);
    expect(elapsed).toBeLessThan(500);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('a JPEG whose header declares 60000×60000 → TOO_MANY_PIXELS', async () => {
    const r = await checkIdPhoto(jpegDeclaring(good, 60000, 60000));
    expect(codes(r)).toEqual(['TOO_MANY_PIXELS']);
    expectFinding(r, 'TOO_MANY_PIXELS', 'error');
  });

  it('a lower configured pixel limit is honoured', async () => {
    const r = await checkIdPhoto(good, { maxInputPixels: 100_000 });
    expect(codes(r)).toEqual(['TOO_MANY_PIXELS']);
  });
});

describe('checkDocumentImage', () => {
  it('accepts a PNG passport page, outputs an upright, metadata-free JPEG', async () => {
    const page = await portraitSharp({ width: 1200, height: 900 })
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
      .png()
      .toBuffer();
    const r = await checkDocumentImage(page);
    expect(r).toMatchObject({ ok: true, findings: [], format: 'png', width: 1200, height: 900 });
    const meta = await expectCleanJpeg(r);
    expect([meta.width, meta.height]).toEqual([1200, 900]);
  });

  it('downscales very large pages to the configured long edge', async () => {
    const scan = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 200, sigma: 20 } } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const r = await checkDocumentImage(scan);
    expect(r.ok).toBe(true);
    expect([r.normalizedWidth, r.normalizedHeight]).toEqual([3000, 2250]);
  });

  it('low resolution is advice', async () => {
    const r = await checkDocumentImage(await portraitJpeg({ width: 400, height: 300 }));
    expect(r.ok).toBe(true);
    expectFinding(r, 'DOCUMENT_LOW_RESOLUTION', 'advice');
  });

  it('rejects non-images, oversized files and bombs with the same codes', async () => {
    expect(codes(await checkDocumentImage(Buffer.from('%PDF-1.4\n')))).toEqual(['NOT_AN_IMAGE']);
    expect(codes(await checkDocumentImage(good.subarray(0, good.length >> 1)))).toEqual(['NOT_AN_IMAGE']);
    expect(codes(await checkDocumentImage(Buffer.alloc(5 * 1024 * 1024 + 1)))).toEqual(['FILE_TOO_LARGE']);
    const bomb = await checkDocumentImage(pngDeclaring(20000, 20000));
    expectFinding(bomb, 'TOO_MANY_PIXELS', 'error');
  });
});
