/**
 * ID-photo test cases made from real photographs that Debian packages ship (nothing drawn
 * here, no binaries in the repository):
 *
 *  - python3-skimage: astronaut.png (Eileen Collins, NASA portrait — the real face),
 *    camera.png (a cameraman in profile), chelsea.png (a cat), hubble_deep_field.jpg (night sky),
 *    grass.png (a meadow), coffee.png;
 *  - plasma-workspace-wallpapers: Path (a wood), BytheWater (a lake shore), PastelHills
 *    (an abstract wallpaper).
 *
 * CI installs both (`.ci/run`); a machine without them fails with the apt-get line to run.
 * Every case is built in memory by cropping, scaling and compositing those photographs.
 * docs/photo-check.md lists the cases and their results. Used by the photo tests, the
 * server and mini-program helpers that need a photo that passes, and `npm run bench:photo`.
 */
import fs from 'node:fs';
import sharp from 'sharp';

const SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data';
const WALLPAPERS = '/usr/share/wallpapers';

export const SOURCES = {
  astronaut: `${SKIMAGE}/astronaut.png`,
  camera: `${SKIMAGE}/camera.png`,
  chelsea: `${SKIMAGE}/chelsea.png`,
  hubble: `${SKIMAGE}/hubble_deep_field.jpg`,
  grass: `${SKIMAGE}/grass.png`,
  coffee: `${SKIMAGE}/coffee.png`,
  wood: `${WALLPAPERS}/Path/contents/images/1280x800.jpg`,
  lake: `${WALLPAPERS}/BytheWater/contents/images/1280x800.jpg`,
  wallpaper: `${WALLPAPERS}/PastelHills/contents/images/1280x800.jpg`,
} as const;

export type SourceName = keyof typeof SOURCES;

/** Throws, naming the packages to install, when a source photograph is missing. */
export function requireSources(): void {
  const missing = Object.entries(SOURCES).filter(([, file]) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `ID-photo test images are missing (${missing.map(([, f]) => f).join(', ')}). ` +
        'Install them: apt-get install --no-install-recommends python3-skimage plasma-workspace-wallpapers',
    );
  }
}

// --- the astronaut's head and shoulders, cut out --------------------------------------------

/** In astronaut.png (512×512): the head between the crown (top of the hair) and the chin, and its centre. */
const ASTRONAUT = { crownY: 10, chinY: 175, centreX: 226 } as const;
/** The part of astronaut.png the cut-out is taken from: head, collar ring and shoulders. */
const CUT = { left: 66, top: 0, width: 320, height: 380 } as const;

let cutout: Promise<Buffer> | null = null;

/**
 * The astronaut's head and shoulders as a PNG with a soft-edged alpha mask (an ellipse around
 * hair and face joined to the shoulders), so that she can be put in front of any background.
 */
function astronautCutout(): Promise<Buffer> {
  cutout ??= (async () => {
    const cx = ASTRONAUT.centreX - CUT.left;
    const head = `<ellipse cx="${cx}" cy="96" rx="80" ry="86"/>`;
    const neck = `<rect x="${cx - 45}" y="150" width="90" height="60"/>`;
    const shoulders = `<path d="M0 ${CUT.height} L0 250 C 40 200, 90 160, ${cx - 40} 150 L ${cx + 40} 150 C ${CUT.width - 90} 160, ${CUT.width - 40} 200, ${CUT.width} 250 L ${CUT.width} ${CUT.height} Z"/>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CUT.width}" height="${CUT.height}"><g fill="#fff">${head}${neck}${shoulders}</g></svg>`;
    const mask = await sharp(Buffer.from(svg)).blur(1.5).extractChannel(3).toBuffer();
    const rgb = await sharp(SOURCES.astronaut).removeAlpha().extract(CUT).toBuffer();
    return sharp(rgb).joinChannel(mask, { raw: undefined }).png().toBuffer();
  })();
  return cutout;
}

export interface Framing {
  width: number;
  height: number;
  /** Chin to crown as a share of the height (spec: 0.583–0.688). */
  headHeight: number;
  /** Frame top to crown, share of the height (spec: ~0.04–0.125). */
  spaceAbove: number;
  /** Face centre offset from the frame centre, share of the width (spec: ±0.05). */
  offsetX?: number;
}

export const SPEC_FRAMING: Framing = { width: 354, height: 472, headHeight: 0.635, spaceAbove: 0.08 };

/** Places the astronaut's cut-out on `background` (a colour, a photograph filling the frame, or an image of the frame's size). */
export async function astronautOn(background: string | SourceName | Buffer, framing: Framing = SPEC_FRAMING): Promise<sharp.Sharp> {
  const { width, height } = framing;
  const scale = (framing.headHeight * height) / (ASTRONAUT.chinY - ASTRONAUT.crownY);
  const cut = await sharp(await astronautCutout()).resize(Math.round(CUT.width * scale), Math.round(CUT.height * scale)).sharpen().png().toBuffer();
  const left = Math.round(width / 2 + (framing.offsetX ?? 0) * width - (ASTRONAUT.centreX - CUT.left) * scale);
  const top = Math.round(framing.spaceAbove * height - ASTRONAUT.crownY * scale);
  const base = Buffer.isBuffer(background)
    ? sharp(background).removeAlpha().resize(width, height, { fit: 'cover' })
    : background in SOURCES
      ? sharp(SOURCES[background as SourceName]).removeAlpha().resize(width, height, { fit: 'cover' })
      : sharp({ create: { width, height, channels: 3, background } });
  // composite() clips what falls outside the frame only when the overlay starts inside it.
  const visible = await clipTo(cut, left, top, width, height);
  return sharp(await base.composite(visible ? [visible] : []).removeAlpha().png().toBuffer());
}

/** The part of an overlay at (left, top) that falls inside a width×height frame, as a composite input. */
async function clipTo(png: Buffer, left: number, top: number, width: number, height: number): Promise<sharp.OverlayOptions | null> {
  const meta = await sharp(png).metadata();
  const x0 = Math.max(0, -left);
  const y0 = Math.max(0, -top);
  const x1 = Math.min(meta.width!, width - left);
  const y1 = Math.min(meta.height!, height - top);
  if (x1 <= x0 || y1 <= y0) return null;
  const input = await sharp(png).extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).png().toBuffer();
  return { input, left: Math.max(0, left), top: Math.max(0, top) };
}

const LIGHT_GREY = '#eceef0';

const jpeg = async (img: sharp.Sharp | Promise<sharp.Sharp>, quality = 92): Promise<Buffer> => (await img).jpeg({ quality }).toBuffer();

/** A 3:4 crop of a source photograph at the spec size, centred on (cx, cy) as shares of the source. */
async function cropOf(source: SourceName, size: { width: number; height: number } = SPEC_FRAMING, centre: { cx: number; cy: number } = { cx: 0.5, cy: 0.5 }, span = 1): Promise<Buffer> {
  const img = sharp(SOURCES[source]).removeAlpha();
  const meta = await img.metadata();
  const W = meta.width!;
  const H = meta.height!;
  const h = Math.min(H, Math.floor((W * 4) / 3)) * span;
  const w = (h * 3) / 4;
  const left = Math.round(Math.min(W - w, Math.max(0, centre.cx * W - w / 2)));
  const top = Math.round(Math.min(H - h, Math.max(0, centre.cy * H - h / 2)));
  return sharp(SOURCES[source]).removeAlpha().extract({ left, top, width: Math.round(w), height: Math.round(h) })
    .resize(size.width, size.height, { fit: 'fill' }).toColourspace('srgb').jpeg({ quality: 92 }).toBuffer();
}

/** Every ID-photo case of the tests and of docs/photo-check.md, built on demand. */
export const PHOTO_CASES = {
  /** Spec framing on a plain light grey background: must pass. */
  compliant: () => jpeg(astronautOn(LIGHT_GREY)),
  /** The same at the largest output size. */
  compliantLarge: () => jpeg(astronautOn(LIGHT_GREY, { ...SPEC_FRAMING, width: 480, height: 640 })),
  /** On white. */
  compliantWhite: () => jpeg(astronautOn('#fbfbfb')),
  /** Head 35 % of the height in a big frame: too small, but a crop can meet the spec. */
  headTooSmall: () => jpeg(astronautOn(LIGHT_GREY, { width: 1200, height: 1600, headHeight: 0.35, spaceAbove: 0.2 })),
  /** Head 85 % of the height: too large, nothing to crop. */
  headTooLarge: () => jpeg(astronautOn(LIGHT_GREY, { ...SPEC_FRAMING, headHeight: 0.85, spaceAbove: 0.03 })),
  /** Pushed to the side (and small) in a big photo: a crop can centre it. */
  offCentre: () => jpeg(astronautOn(LIGHT_GREY, { width: 1200, height: 1600, headHeight: 0.4, spaceAbove: 0.2, offsetX: 0.15 })),
  /** Spec size, pushed to the side so far that no crop can centre it. */
  offCentreAtEdge: () => jpeg(astronautOn(LIGHT_GREY, { ...SPEC_FRAMING, offsetX: 0.18 })),
  /** A 4:3 landscape phone photo of the same sitting: wrong ratio, crop to spec. */
  landscapePhone: () => jpeg(astronautOn(LIGHT_GREY, { width: 1600, height: 1200, headHeight: 0.5, spaceAbove: 0.12 })),
  /** Her head in front of the wood. */
  busyBackground: () => jpeg(astronautOn('wood')),
  /** The original NASA portrait cropped to 3:4 at spec size (studio backdrop, flag and shuttle model at the edges). */
  originalPortrait: () => cropOf('astronaut', SPEC_FRAMING, { cx: 0.44, cy: 0.245 }, 0.49),
  /** Two people side by side (the sitting twice, one mirrored), each head ~20 % of the height. */
  twoFaces: async () => {
    const one = await (await astronautOn(LIGHT_GREY, { width: 354, height: 472, headHeight: 0.4, spaceAbove: 0.15 })).png().toBuffer();
    return jpeg(sharp({ create: { width: 708, height: 944, channels: 3, background: LIGHT_GREY } })
      .composite([{ input: one, left: 0, top: 236 }, { input: await sharp(one).flop().toBuffer(), left: 354, top: 236 }])
      .png().toBuffer().then((b) => sharp(b).resize(354, 472)));
  },
  /** Lit from the front-left: the head's soft shadow on the light wall behind it, to the right. */
  shadowBehindHead: async () => {
    const { width, height } = SPEC_FRAMING;
    const shadow = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${LIGHT_GREY}"/>` +
      `<ellipse cx="${width * 0.62}" cy="${height * 0.36}" rx="${width * 0.36}" ry="${height * 0.32}" fill="#b4b6b8"/></svg>`;
    const wall = await sharp(Buffer.from(shadow)).blur(12).png().toBuffer();
    return jpeg(astronautOn(wall));
  },
  /** Under-exposed: every pixel × 0.3. */
  dark: async () => jpeg((await astronautOn(LIGHT_GREY)).linear(0.3, 0)),
  /**
   * A dim photo (× 0.4) in front of a white wall: the face is only a little dark (advice),
   * the background far too dark (error). The old check let the advice hide the error.
   */
  darkBackground: async () => jpeg((await astronautOn("#ffffff")).linear(0.4, 0)),
  /** Out of focus (Gaussian blur, σ 3). */
  blurred: async () => jpeg((await astronautOn(LIGHT_GREY)).blur(3)),
  /** Head tilted 20° (the whole photo rotated, then cropped back to 3:4). */
  tilted: async () => {
    const big = await (await astronautOn(LIGHT_GREY, { width: 708, height: 944, headHeight: 0.5, spaceAbove: 0.18 })).png().toBuffer();
    const rotated = await sharp(big).rotate(20, { background: LIGHT_GREY }).png().toBuffer();
    const meta = await sharp(rotated).metadata();
    return jpeg(sharp(rotated).extract({ left: Math.round((meta.width! - 600) / 2), top: Math.round((meta.height! - 800) / 2), width: 600, height: 800 }).resize(354, 472));
  },
  /** The cameraman of camera.png, in profile behind his camera. */
  profile: () => cropOf('camera', SPEC_FRAMING, { cx: 0.45, cy: 0.4 }, 0.7),
  /** Chelsea the cat. */
  animal: () => cropOf('chelsea', SPEC_FRAMING, { cx: 0.45, cy: 0.5 }),
  /** Landscapes and things: no face. */
  meadow: () => cropOf('grass'),
  wood: () => cropOf('wood'),
  lake: () => cropOf('lake'),
  nightSky: () => cropOf('hubble'),
  coffee: () => cropOf('coffee'),
  wallpaper: () => cropOf('wallpaper'),
  blank: () => jpeg(sharp({ create: { width: 354, height: 472, channels: 3, background: '#ffffff' } })),
} as const;

export type PhotoCaseName = keyof typeof PHOTO_CASES;

/** The compliant photo, for tests elsewhere that need an ID photo that passes. */
export function compliantIdPhoto(): Promise<Buffer> {
  requireSources();
  return PHOTO_CASES.compliant();
}

/** The compliant sitting under-exposed: decodable, kept, refused at submission (TOO_DARK). */
export function darkIdPhoto(): Promise<Buffer> {
  requireSources();
  return PHOTO_CASES.dark();
}
