/**
 * Picture quality of an ID photo, measured on a small greyscale copy (fixed scale → stable
 * thresholds): brightness, the background judged around the detected head (or fixed strips
 * without one), a shadow behind the head, clothes against the background, sharpness; and
 * `judge`, which turns the measurements into findings against the rules.
 */
import type { PhotoRules } from './id-photo-rules';
import { finding, type PhotoFinding, type PhotoSeverity, round1 } from './image-gate';

export interface PhotoMetrics {
  /** Mean grey level of the whole (upright, output-framed) photo, 0–255. */
  brightness: number;
  /** Mean grey level of the centre region where the face should be. */
  subjectBrightness: number;
  /** Mean grey level of the background: around the head when one was found, else the top and side strips. */
  backgroundBrightness: number;
  /** Standard deviation of the grey levels in those strips (uniformity; lower is better). */
  backgroundStdDev: number;
  /** How much darker the background is right next to the head than further out (shadow; 0 without a head). */
  backgroundShadow: number;
  /** 'head': the background around the detected head; 'strips': fixed strips along the top and sides. */
  backgroundFrom: 'head' | 'strips';
  /** Mean grey level of the shoulders (lower left and right, away from the neck). */
  clothesBrightness: number;
  /** Variance of the Laplacian over the centre region at analysis size (higher is sharper). */
  sharpness: number;
  analysisWidth: number;
  analysisHeight: number;
}

/** Regions as fractions of the (upright, output-framed) photo, used when there is no face to go by. */
const REGIONS = {
  /** Above the head: the whole width. */
  top: { x0: 0, x1: 1, y0: 0, y1: 0.05 },
  /** Beside the head, above the shoulders. */
  left: { x0: 0, x1: 0.06, y0: 0.05, y1: 0.4 },
  right: { x0: 0.94, x1: 1, y0: 0.05, y1: 0.4 },
  /** Where the face is. */
  subject: { x0: 0.3, x1: 0.7, y0: 0.25, y1: 0.65 },
  /** Shoulders, away from the neck and a V-neck. */
  clothesLeft: { x0: 0.12, x1: 0.32, y0: 0.9, y1: 1 },
  clothesRight: { x0: 0.68, x1: 0.88, y0: 0.9, y1: 1 },
  /** Head, hair outline and collar: where sharp edges must be. */
  sharpness: { x0: 0.15, x1: 0.85, y0: 0.08, y1: 0.9 },
} as const;

type Region = { x0: number; x1: number; y0: number; y1: number };

/** The detected head (an ellipse around hair and ears) and face, as fractions of the frame. */
export interface HeadLayout {
  head: { cx: number; cy: number; rx: number; ry: number };
  backgroundBottom: number;
  face: Region;
}

function bounds(r: Region, width: number, height: number): [number, number, number, number] {
  const x0 = Math.max(0, Math.floor(r.x0 * width));
  const y0 = Math.max(0, Math.floor(r.y0 * height));
  const x1 = Math.max(x0 + 1, Math.ceil(r.x1 * width));
  const y1 = Math.max(y0 + 1, Math.ceil(r.y1 * height));
  return [x0, y0, Math.min(x1, width), Math.min(y1, height)];
}

interface Acc { n: number; sum: number; sumSq: number }
const acc = (): Acc => ({ n: 0, sum: 0, sumSq: 0 });

function accumulate(a: Acc, grey: Uint8Array, width: number, height: number, r: Region): Acc {
  const [x0, y0, x1, y1] = bounds(r, width, height);
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    for (let x = x0; x < x1; x++) {
      const v = grey[row + x]!;
      a.sum += v;
      a.sumSq += v * v;
    }
    a.n += x1 - x0;
  }
  return a;
}

const mean = (a: Acc): number => (a.n ? a.sum / a.n : 0);
const stdDev = (a: Acc): number => (a.n ? Math.sqrt(Math.max(0, a.sumSq / a.n - (a.sum / a.n) ** 2)) : 0);

/**
 * The background around the head: every pixel above the shoulders outside an ellipse around
 * hair and ears. `nearLeft`/`nearRight` are the ring just outside the head on either side
 * (where a shadow falls: one side, away from the light), `far` the rest.
 */
function backgroundAroundHead(grey: Uint8Array, width: number, height: number, layout: HeadLayout): { all: Acc; nearLeft: Acc; nearRight: Acc; far: Acc } {
  const all = acc();
  const nearLeft = acc();
  const nearRight = acc();
  const far = acc();
  const { cx, cy, rx, ry } = layout.head;
  const bottom = Math.min(height, Math.ceil(layout.backgroundBottom * height));
  for (let y = 0; y < bottom; y++) {
    const dy = (y / height - cy) / ry;
    for (let x = 0; x < width; x++) {
      const dx = (x / width - cx) / rx;
      const d = dx * dx + dy * dy;
      if (d <= 1) continue;
      const v = grey[y * width + x]!;
      const ring = d > NEAR_HEAD ** 2 ? far : x / width < cx ? nearLeft : nearRight;
      ring.sum += v; ring.sumSq += v * v; ring.n++;
      all.sum += v; all.sumSq += v * v; all.n++;
    }
  }
  return { all, nearLeft, nearRight, far };
}

/** The ring "next to the head" reaches out to this multiple of the head ellipse. */
const NEAR_HEAD = 1.25;

/** Brightness, background uniformity and sharpness of a greyscale image (regions from the head when known). */
export function measure(grey: Uint8Array, width: number, height: number, layout?: HeadLayout): PhotoMetrics {
  const all = accumulate(acc(), grey, width, height, { x0: 0, x1: 1, y0: 0, y1: 1 });
  let bg = acc();
  let shadow = 0;
  const around = layout ? backgroundAroundHead(grey, width, height, layout) : null;
  // Too little background left (a head filling the frame): fall back to the fixed strips.
  if (around && around.all.n >= 0.03 * width * height) {
    bg = around.all;
    const enough = (a: Acc): boolean => a.n >= 0.005 * width * height;
    const sides = [around.nearLeft, around.nearRight].filter(enough);
    if (sides.length > 0 && enough(around.far)) shadow = mean(around.far) - Math.min(...sides.map(mean));
  } else {
    accumulate(bg, grey, width, height, REGIONS.top);
    accumulate(bg, grey, width, height, REGIONS.left);
    accumulate(bg, grey, width, height, REGIONS.right);
  }
  const subject = accumulate(acc(), grey, width, height, layout ? layout.face : REGIONS.subject);
  const clothes = accumulate(acc(), grey, width, height, REGIONS.clothesLeft);
  accumulate(clothes, grey, width, height, REGIONS.clothesRight);

  // Variance of the 4-neighbour Laplacian over the sharpness region (borders excluded).
  const [sx0, sy0, sx1, sy1] = bounds(REGIONS.sharpness, width, height);
  const lap = acc();
  for (let y = Math.max(1, sy0); y < Math.min(height - 1, sy1); y++) {
    const row = y * width;
    for (let x = Math.max(1, sx0); x < Math.min(width - 1, sx1); x++) {
      const i = row + x;
      const l = 4 * grey[i]! - grey[i - 1]! - grey[i + 1]! - grey[i - width]! - grey[i + width]!;
      lap.sum += l;
      lap.sumSq += l * l;
      lap.n++;
    }
  }
  return {
    brightness: round1(mean(all)),
    subjectBrightness: round1(mean(subject)),
    backgroundBrightness: round1(mean(bg)),
    backgroundStdDev: round1(stdDev(bg)),
    backgroundShadow: round1(shadow),
    backgroundFrom: around && bg === around.all ? 'head' : 'strips',
    clothesBrightness: round1(mean(clothes)),
    sharpness: round1(stdDev(lap) ** 2),
    analysisWidth: width,
    analysisHeight: height,
  };
}

const SEVERITY_RANK: Record<PhotoSeverity, number> = { advice: 1, error: 2 };

export function judge(m: PhotoMetrics, r: PhotoRules): PhotoFinding[] {
  const out: PhotoFinding[] = [];
  const level = (value: number, error: number, advice: number, below: boolean): PhotoSeverity | null => {
    if (below ? value < error : value > error) return 'error';
    if (below ? value < advice : value > advice) return 'advice';
    return null;
  };
  const darkSubject = level(m.subjectBrightness, r.subjectDarkError, r.subjectDarkAdvice, true);
  const dark: PhotoSeverity | null = m.brightness < r.overallDarkError ? 'error' : darkSubject;
  if (dark) out.push(finding('TOO_DARK', dark, {}, `subject brightness ${m.subjectBrightness}, overall ${m.brightness}`));
  if (m.brightness > r.overexposedAdvice) out.push(finding('TOO_BRIGHT', 'advice', {}, `brightness ${m.brightness}`));

  // An under-exposed photo has a dark background too: "too dark" then says it all — but only
  // when it is at least as serious. A dark background behind a merely dim face is still an
  // error of its own (it used to be hidden behind the "too dark" advice, and the photo passed).
  const bgDark = level(m.backgroundBrightness, r.backgroundDarkError, r.backgroundDarkAdvice, true);
  if (bgDark && (!dark || SEVERITY_RANK[bgDark] > SEVERITY_RANK[dark])) {
    out.push(finding('BACKGROUND_TOO_DARK', bgDark, {}, `background brightness ${m.backgroundBrightness}`));
  }
  // A shadow behind the head is the more useful name for a background that is uneven only a
  // little (advice); a background uneven enough to be refused is named as such.
  const bgUneven = level(m.backgroundStdDev, r.backgroundStdDevError, r.backgroundStdDevAdvice, false);
  const shadow = m.backgroundShadow > r.shadowAdvice && bgUneven !== 'error';
  if (bgUneven && !shadow) out.push(finding('BACKGROUND_NOT_UNIFORM', bgUneven, {}, `background std dev ${m.backgroundStdDev} (${m.backgroundFrom})`));
  if (shadow) out.push(finding('SHADOW_BEHIND_HEAD', 'advice', {}, `background ${m.backgroundShadow} darker next to the head, std dev ${m.backgroundStdDev}`));

  // Light clothes vanish into a light background (a frequent reason photos are returned).
  if (!dark && m.backgroundBrightness - m.clothesBrightness < r.clothesContrastAdvice) {
    out.push(finding('LIGHT_CLOTHES', 'advice', {}, `clothes ${m.clothesBrightness} vs background ${m.backgroundBrightness}`));
  }

  const blurred = level(m.sharpness, r.sharpnessError, r.sharpnessAdvice, true);
  if (blurred) out.push(finding('BLURRED', blurred, {}, `laplacian variance ${m.sharpness}`));
  return out;
}
