/**
 * From one detected face to where the whole head is (the crown is the top of the hair, which
 * no face model marks), what the spec says about it, and the crop that would meet the spec.
 * Pure functions on an RGB image and landmarks; coordinates are the image's pixels.
 */
import type { DetectedFace, Point } from './face-detector';
import { type PhotoFrameSpec, type Range, rangeCentre } from './photo-spec';

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface HeadGeometry {
  /** Top of the hair; 0 when the head touches (is cut by) the top edge. */
  crownY: number;
  chinY: number;
  /** Horizontal centre of the face outline. */
  centreX: number;
  /** Face outline width in front of the ears. */
  faceWidth: number;
  eyeLineY: number;
  /** How the crown was found: scanning for the background above the hair, or estimated from the face when that failed. */
  crownFrom: 'scan' | 'estimate';
}

/** Crown above the forehead landmark, as a share of forehead-to-chin, when scanning fails (measured on adults, hair included). */
const CROWN_ESTIMATE = 0.5;
/** The scan accepts a crown this far above the forehead landmark (share of forehead-to-chin). */
const CROWN_SCAN_RANGE: Range = [0.15, 1.0];

const mid = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
const dist = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);

/** Eye opening: lid distance over eye width (≈0.3 open, < 0.12 shut or hidden). */
export function eyeOpenness(face: DetectedFace): number {
  const one = (e: DetectedFace['leftEye']): number => dist(e.upper, e.lower) / Math.max(1, dist(e.outer, e.inner));
  return Math.min(one(face.leftEye), one(face.rightEye));
}

export function headGeometry(face: DetectedFace, image: RgbImage): HeadGeometry {
  const faceWidth = Math.abs(face.faceLeft.x - face.faceRight.x);
  const centreX = (face.faceLeft.x + face.faceRight.x) / 2;
  const eyes = mid(mid(face.leftEye.outer, face.leftEye.inner), mid(face.rightEye.outer, face.rightEye.inner));
  const foreheadToChin = Math.max(1, face.chin.y - face.foreheadTop.y);
  const scanned = scanCrown(image, face.foreheadTop.y, centreX, faceWidth, foreheadToChin);
  const crownY = scanned ?? Math.max(0, face.foreheadTop.y - CROWN_ESTIMATE * foreheadToChin);
  return { crownY, chinY: face.chin.y, centreX, faceWidth, eyeLineY: eyes.y, crownFrom: scanned === null ? 'estimate' : 'scan' };
}

/**
 * Walks up from the forehead in a band over the middle of the head until a row looks like the
 * background beside the head (colour sampled at forehead height, left and right of the hair).
 * Returns null when the background is too busy to compare with, or the result is implausible.
 */
function scanCrown(image: RgbImage, foreheadY: number, centreX: number, faceWidth: number, foreheadToChin: number): number | null {
  const { data, width, height } = image;
  const y1 = Math.round(foreheadY);
  const y0 = Math.max(0, Math.round(foreheadY - 0.3 * foreheadToChin));
  // Just outside the hair (about 0.85 face widths from the centre), clipped to the frame.
  const patches: Array<[number, number]> = [
    [Math.max(0, Math.round(centreX - 1.1 * faceWidth)), Math.round(centreX - 0.9 * faceWidth)],
    [Math.round(centreX + 0.9 * faceWidth), Math.min(width, Math.round(centreX + 1.1 * faceWidth))],
  ];
  const samples: number[][] = [];
  for (const [xa, xb] of patches) {
    if (xb - xa < 3 || y1 <= y0) continue;
    for (let y = y0; y < y1; y++) for (let x = xa; x < xb; x++) {
      const i = (y * width + x) * 3;
      samples.push([data[i]!, data[i + 1]!, data[i + 2]!]);
    }
  }
  if (samples.length === 0) return null;
  const ref = [0, 1, 2].map((c) => samples.reduce((s, p) => s + p[c]!, 0) / samples.length);
  const spread = Math.sqrt(samples.reduce((s, p) => s + (p[0]! - ref[0]!) ** 2 + (p[1]! - ref[1]!) ** 2 + (p[2]! - ref[2]!) ** 2, 0) / samples.length);
  if (spread > 30) return null; // busy background: nothing reliable to compare hair with
  const threshold = Math.max(28, 3 * spread);
  const xa = Math.max(0, Math.round(centreX - 0.2 * faceWidth));
  const xb = Math.min(width, Math.round(centreX + 0.2 * faceWidth));
  const lowest = Math.max(0, Math.round(foreheadY - CROWN_SCAN_RANGE[1] * foreheadToChin));
  let crown: number | null = null;
  for (let y = Math.min(height - 1, y1); y >= lowest; y--) {
    let differs = 0;
    for (let x = xa; x < xb; x++) {
      const i = (y * width + x) * 3;
      if (Math.hypot(data[i]! - ref[0]!, data[i + 1]! - ref[1]!, data[i + 2]! - ref[2]!) > threshold) differs++;
    }
    if (differs / Math.max(1, xb - xa) < 0.3) break;
    crown = y;
  }
  if (crown === null) return null;
  const above = foreheadY - crown;
  if (crown > 0 && (above < CROWN_SCAN_RANGE[0] * foreheadToChin || above > CROWN_SCAN_RANGE[1] * foreheadToChin)) return null;
  return crown;
}

// ---------------------------------------------------------------------------------------------
// Against the spec

export type FramingIssue =
  | 'HEAD_TOO_SMALL'
  | 'HEAD_TOO_LARGE'
  | 'HEAD_NOT_CENTRED'
  | 'HEAD_CUT_OFF'
  | 'SPACE_ABOVE_HEAD_SMALL'
  | 'SPACE_ABOVE_HEAD_LARGE'
  | 'SPACE_BELOW_CHIN_SMALL'
  | 'EYE_LINE_OUT_OF_RANGE';

/** The head as shares of the frame (what the spec ranges are written in). */
export interface HeadInFrame {
  headHeight: number;
  headWidth: number;
  spaceAbove: number;
  spaceBelowChin: number;
  eyeLine: number;
  centreOffset: number;
  cutOff: boolean;
}

export function headInFrame(g: HeadGeometry, frameWidth: number, frameHeight: number): HeadInFrame {
  const r = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    headHeight: r((g.chinY - g.crownY) / frameHeight),
    headWidth: r(g.faceWidth / frameWidth),
    spaceAbove: r(g.crownY / frameHeight),
    spaceBelowChin: r((frameHeight - g.chinY) / frameHeight),
    eyeLine: r(g.eyeLineY / frameHeight),
    centreOffset: r(Math.abs(g.centreX - frameWidth / 2) / frameWidth),
    cutOff: g.crownY <= 0.5,
  };
}

const below = (v: number, r: Range): boolean => v < r[0];
const above = (v: number, r: Range): boolean => v > r[1];

/**
 * What is wrong with the framing, most useful first. The size of the head is judged first:
 * when it is wrong, where the crown and eyes fall follows from it and is not repeated.
 */
export function framingIssues(h: HeadInFrame, spec: PhotoFrameSpec): Array<{ code: FramingIssue; detail: string }> {
  const out: Array<{ code: FramingIssue; detail: string }> = [];
  const d = (name: string, v: number, r: Range | number): string => `${name} ${v} vs ${Array.isArray(r) ? `${r[0]}–${r[1]}` : r}`;
  if (h.cutOff) out.push({ code: 'HEAD_CUT_OFF', detail: 'crown at the top edge' });
  const small = below(h.headHeight, spec.headHeight) || below(h.headWidth, spec.headWidth);
  const large = above(h.headHeight, spec.headHeight) || above(h.headWidth, spec.headWidth);
  const sizes = `${d('height', h.headHeight, spec.headHeight)}, ${d('width', h.headWidth, spec.headWidth)}`;
  if (small) out.push({ code: 'HEAD_TOO_SMALL', detail: sizes });
  if (large && !h.cutOff) out.push({ code: 'HEAD_TOO_LARGE', detail: sizes });
  if (h.centreOffset > spec.maxCentreOffset) out.push({ code: 'HEAD_NOT_CENTRED', detail: d('offset', h.centreOffset, spec.maxCentreOffset) });
  if (small || large || h.cutOff) return out;
  if (below(h.spaceAbove, spec.spaceAboveHead)) out.push({ code: 'SPACE_ABOVE_HEAD_SMALL', detail: d('above', h.spaceAbove, spec.spaceAboveHead) });
  if (above(h.spaceAbove, spec.spaceAboveHead)) out.push({ code: 'SPACE_ABOVE_HEAD_LARGE', detail: d('above', h.spaceAbove, spec.spaceAboveHead) });
  if (h.spaceBelowChin < spec.minSpaceBelowChin) out.push({ code: 'SPACE_BELOW_CHIN_SMALL', detail: d('below chin', h.spaceBelowChin, spec.minSpaceBelowChin) });
  if (below(h.eyeLine, spec.eyeLine) || above(h.eyeLine, spec.eyeLine)) out.push({ code: 'EYE_LINE_OUT_OF_RANGE', detail: d('eye line', h.eyeLine, spec.eyeLine) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Auto-crop

export interface CropRect { left: number; top: number; width: number; height: number }

/**
 * The 3:4 crop that puts the head in the middle of every range: head height and space above
 * at the centre of theirs, face centred. null when that crop would leave the image (the head
 * is too close to an edge, or too large) — then only a new photo helps.
 */
export function specCrop(g: HeadGeometry, imageWidth: number, imageHeight: number, spec: PhotoFrameSpec, aspectRatio: number): CropRect | null {
  if (g.crownY <= 0.5) return null; // the crown is cut off: no crop can bring it back
  const height = (g.chinY - g.crownY) / rangeCentre(spec.headHeight);
  const width = height * aspectRatio;
  const top = g.crownY - rangeCentre(spec.spaceAboveHead) * height;
  const left = g.centreX - width / 2;
  const rect = { left: Math.round(left), top: Math.round(top), width: Math.round(width), height: Math.round(width / aspectRatio) };
  if (rect.left < 0 || rect.top < 0 || rect.left + rect.width > imageWidth || rect.top + rect.height > imageHeight) return null;
  return rect;
}
