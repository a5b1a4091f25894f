/**
 * Generates portrait-like test images (no binary fixtures in the repo): a light, uniform
 * background; dark clothes at the bottom; a skin-toned head with hair, eyes and mouth; mild
 * sensor noise everywhere and texture on skin, hair and clothes. Deterministic (seeded).
 * No face model sees a face in them: they stand for document pages and for images whose
 * face does not matter (format, size and pixel-limit tests). ID photo cases use real
 * photographs (real-photos.ts).
 */
import sharp from 'sharp';

export interface PortraitOptions {
  width: number;
  height: number;
  /** Background grey level (default 245). */
  background?: number;
  /** Multiplies every pixel (0.25 → a badly under-exposed photo). Default 1. */
  exposure?: number;
  /** ± amplitude of per-pixel noise on the background (default 3). */
  backgroundNoise?: number;
  /** ± amplitude of per-pixel texture on skin (default 10); hair and clothes get more. */
  texture?: number;
  /** Grey level of the clothes (default 45: dark). */
  clothes?: number;
  /** Draws random noisy blocks along the top and side borders (a cluttered room behind). */
  clutter?: boolean;
  seed?: number;
}

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

export function portraitRaw(opts: PortraitOptions): RawImage {
  const { width: W, height: H } = opts;
  const bgLevel = opts.background ?? 245;
  const exposure = opts.exposure ?? 1;
  const bgNoise = opts.backgroundNoise ?? 3;
  const tex = opts.texture ?? 10;
  const rand = mulberry32(opts.seed ?? 42);
  const data = Buffer.alloc(W * H * 3);

  // Geometry as fractions of the frame (roughly the 出入境 head/shoulder proportions).
  const headCx = 0.5 * W, headCy = 0.43 * H, headRx = 0.26 * W, headRy = 0.25 * H;
  const hairCy = 0.37 * H, hairRx = 0.3 * W, hairRy = 0.25 * H;
  const eyeY = 0.42 * H, eyeDx = 0.1 * W, eyeRx = 0.045 * W, eyeRy = 0.015 * H;
  const mouthY = 0.56 * H, mouthRx = 0.07 * W, mouthRy = 0.01 * H;
  const bodyCy = 1.08 * H, bodyRx = 0.55 * W, bodyRy = 0.32 * H;
  const neckX0 = 0.42 * W, neckX1 = 0.58 * W, neckY0 = 0.6 * H, neckY1 = 0.8 * H;

  // Clutter: random blocks (bookshelf, door frame…) along the top and the side borders.
  const blocks: Array<{ x0: number; y0: number; x1: number; y1: number; v: number }> = [];
  if (opts.clutter) {
    for (let i = 0; i < 40; i++) {
      const bw = (0.04 + rand() * 0.1) * W;
      const bh = (0.03 + rand() * 0.1) * H;
      const side = i % 3;
      const x0 = side === 0 ? rand() * (W - bw) : side === 1 ? rand() * 0.1 * W : W - bw - rand() * 0.1 * W;
      const y0 = side === 0 ? rand() * 0.06 * H : rand() * 0.45 * H;
      blocks.push({ x0, y0, x1: x0 + bw, y1: y0 + bh, v: 30 + rand() * 180 });
    }
  }

  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let r: number, g: number, b: number;
      const n = rand() * 2 - 1;
      if (inEllipse(x, y, 0.5 * W, bodyCy, bodyRx, bodyRy)) {
        const v = (opts.clothes ?? 45) + n * tex * 1.5; // clothes
        r = v; g = v; b = v + 8;
      } else if (x >= neckX0 && x <= neckX1 && y >= neckY0 && y <= neckY1 && !inEllipse(x, y, headCx, headCy, headRx, headRy)) {
        r = 190 + n * tex; g = 150 + n * tex; b = 130 + n * tex; // neck (skin, a bit shaded)
      } else if (inEllipse(x, y, headCx, headCy, headRx, headRy) && !(y < hairCy - 0.05 * H && inEllipse(x, y, headCx, hairCy, hairRx, hairRy))) {
        if (inEllipse(x, y, headCx - eyeDx, eyeY, eyeRx, eyeRy) || inEllipse(x, y, headCx + eyeDx, eyeY, eyeRx, eyeRy)) {
          r = 40 + n * tex; g = 30 + n * tex; b = 30 + n * tex; // eyes
        } else if (inEllipse(x, y, headCx, mouthY, mouthRx, mouthRy)) {
          r = 150 + n * tex; g = 70 + n * tex; b = 70 + n * tex; // mouth
        } else {
          r = 215 + n * tex; g = 175 + n * tex; b = 150 + n * tex; // skin
        }
      } else if (inEllipse(x, y, headCx, hairCy, hairRx, hairRy) && y < headCy) {
        const v = 35 + n * tex * 2.5; // hair
        r = v + 5; g = v; b = v;
      } else {
        let v = bgLevel + n * bgNoise;
        for (const k of blocks) {
          if (x >= k.x0 && x < k.x1 && y >= k.y0 && y < k.y1) { v = k.v + n * 40; break; }
        }
        r = v; g = v; b = v;
      }
      const i = (y * W + x) * 3;
      data[i] = clamp(r * exposure);
      data[i + 1] = clamp(g * exposure);
      data[i + 2] = clamp(b * exposure);
    }
  }
  return { data, width: W, height: H, channels: 3 };
}

export function portraitSharp(opts: PortraitOptions): sharp.Sharp {
  const img = portraitRaw(opts);
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
}

export async function portraitJpeg(opts: PortraitOptions, quality = 92): Promise<Buffer> {
  return portraitSharp(opts).jpeg({ quality }).toBuffer();
}

export async function portraitPng(opts: PortraitOptions): Promise<Buffer> {
  return portraitSharp(opts).png().toBuffer();
}
