/**
 * Server-side checks for uploaded images.
 *
 *  - `checkIdPhoto`: the 证件照 (ID photo). Hard rules from the 出入境证件相片照相指引 (digital:
 *    JPEG, ≥ 354×472, width 354–480 / height 472–640, 3:4); exactly one frontal face with
 *    visible eyes (`face-detector.ts`); the head's size and place against the mission's
 *    ranges (`photo-spec.ts`, `head-geometry.ts`); picture quality (light uniform background
 *    judged around the head, not too dark, not blurred). Produces the normalized photo the
 *    consulate receives (upright, metadata stripped, re-encoded JPEG within the output size
 *    spec) and, when only the framing is wrong, a crop that meets the spec (`autoCrop`).
 *    docs/photo-check.md has the model comparison, the ranges and the test cases.
 *  - `checkDocumentImage`: every other upload (passport data page, guardian documents,
 *    loss statement): JPG/PNG ≤ 5 MB, really an image, upright, metadata stripped.
 *
 * The check is advisory for citizens and reviewers alike: `error` means the photo must be
 * re-taken (it cannot be accepted as is), `advice` means it will likely be returned by the
 * person who reviews every photo. `ok` is true when there is no `error` finding.
 *
 * Safety on untrusted input:
 *  - the size limit is checked before anything is parsed;
 *  - the format is decided by magic bytes only (never the file name or the claimed mime type);
 *  - the declared pixel count is read from the header and refused above `maxInputPixels`
 *    before any pixel is decoded (decompression bombs), and the decoder is given the same
 *    `limitInputPixels` as a second line of defence;
 *  - `failOn: 'truncated'` makes truncated/corrupt pixel data an error instead of a grey
 *    half-image (the stricter default 'warning' also rejects harmless quirks of some phones).
 *
 * Speed: the input is decoded once, to a working copy of at most 640 pixels (JPEG
 * shrink-on-load does most of the work inside libjpeg); faces are found on it, and the JPEG
 * output and the small greyscale analysis image are produced from it; the metrics are
 * computed in plain JS on ~120k grey pixels. Only a proposed crop decodes the upload again.
 */
import sharp from 'sharp';
import { type DetectedFace, detectFaces } from './face-detector';
import { type CropRect, eyeOpenness, framingIssues, type HeadGeometry, type HeadInFrame, headGeometry, headInFrame, type RgbImage, specCrop } from './head-geometry';
import { photoMessage, type PhotoIssueCode } from './photo-messages';
import { DEFAULT_PHOTO_FRAME_SPEC, type PhotoFrameSpec } from './photo-spec';

export type { PhotoIssueCode } from './photo-messages';

export type PhotoSeverity = 'error' | 'advice';
export type UploadImageFormat = 'jpeg' | 'png';

export interface PhotoFinding {
  code: PhotoIssueCode;
  /** One Simplified Chinese sentence for the citizen. */
  message: string;
  severity: PhotoSeverity;
  /** English technical detail for logs and support; never shown to the citizen. */
  detail?: string;
}

/** Every tunable of the ID photo check, in one object. Brightness values are 0–255 grey levels. */
export interface PhotoRules {
  /** Upload size limit in bytes (checked before decoding). */
  maxBytes: number;
  /** Refuse images whose header declares more pixels than this (decompression bombs). */
  maxInputPixels: number;
  minWidth: number;
  minHeight: number;
  /** Output spec: larger photos of the right ratio are resized into it (advice RESIZED). */
  maxWidth: number;
  maxHeight: number;
  /** width / height, 3:4. */
  aspectRatio: number;
  /** Relative tolerance on the ratio; within it the output is centre-cropped to the exact ratio. */
  aspectTolerance: number;
  /** Quality of the normalized JPEG. */
  jpegQuality: number;
  /** Metrics are computed on a greyscale copy at most this big (fixed scale → stable thresholds). */
  analysisWidth: number;
  analysisHeight: number;
  /** Background (top strip + upper side strips) mean brightness below which it is "too dark". */
  backgroundDarkError: number;
  backgroundDarkAdvice: number;
  /** Background standard deviation above which it is "not uniform". */
  backgroundStdDevAdvice: number;
  backgroundStdDevError: number;
  /** Centre (face) region mean brightness below which the photo is "too dark". */
  subjectDarkError: number;
  subjectDarkAdvice: number;
  /** Whole-image mean brightness below which the photo is under-exposed whatever the face region says. */
  overallDarkError: number;
  /** Whole-image mean brightness above which the photo is over-exposed (advice). */
  overexposedAdvice: number;
  /** Clothes (lower corners) at most this much darker than the background → "wear dark clothes" (advice). */
  clothesContrastAdvice: number;
  /** Laplacian variance of the centre region below which the photo is "blurred". */
  sharpnessError: number;
  sharpnessAdvice: number;
  /** The background next to the head this much darker than further out → a shadow behind the head (advice). */
  shadowAdvice: number;
  /** Where the head must sit: the mission's ranges (`photoFrameSpecFor`), or the default. */
  frame: PhotoFrameSpec;
  /** Faces are found on a copy at most this big (long edge); the output and crops come from the upload. */
  workingMaxEdge: number;
  /** Detector × landmark confidence below which a candidate is not a face (animals, patterns). */
  faceMinScore: number;
  /** A second face counts when it is at least this share of the main face's height. */
  secondFaceMinShare: number;
  /** Eye opening (lid distance / eye width) below which the eyes are shut or hidden. */
  eyeOpenMin: number;
}

export const DEFAULT_PHOTO_RULES: Readonly<PhotoRules> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  // 50 MP covers the largest phone sensors (8160×6120) while keeping decode memory bounded.
  maxInputPixels: 50_000_000,
  minWidth: 354,
  minHeight: 472,
  maxWidth: 480,
  maxHeight: 640,
  aspectRatio: 3 / 4,
  aspectTolerance: 0.02,
  jpegQuality: 90,
  analysisWidth: 300,
  analysisHeight: 400,
  backgroundDarkError: 120,
  backgroundDarkAdvice: 170,
  backgroundStdDevAdvice: 16,
  backgroundStdDevError: 30,
  subjectDarkError: 50,
  subjectDarkAdvice: 75,
  overallDarkError: 60,
  overexposedAdvice: 240,
  clothesContrastAdvice: 40,
  sharpnessError: 12,
  sharpnessAdvice: 35,
  shadowAdvice: 18,
  frame: DEFAULT_PHOTO_FRAME_SPEC,
  workingMaxEdge: 640,
  faceMinScore: 0.6,
  secondFaceMinShare: 0.35,
  eyeOpenMin: 0.12,
});

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

export interface ImageCheckBase {
  /** No `error` finding: the image can be submitted (a person still reviews it). */
  ok: boolean;
  /** Errors first, then advice. */
  findings: PhotoFinding[];
  /** Upright (EXIF-oriented) dimensions of the upload; 0 when they could not be read. */
  width: number;
  height: number;
  /** Real format by magic bytes; null when it is neither JPEG nor PNG. */
  format: UploadImageFormat | null;
  /** Size of the upload in bytes. */
  bytes: number;
  /** The cleaned image: upright, EXIF/ICC/XMP/GPS stripped, re-encoded JPEG; null when not decodable. */
  normalized: Buffer | null;
  normalizedWidth: number;
  normalizedHeight: number;
  elapsedMs: number;
}

export interface PhotoCheckResult extends ImageCheckBase {
  /** null when the image could not be decoded. */
  metrics: PhotoMetrics | null;
  /** The one face and its head in the frame; null when there is no single face. */
  face: FaceReport | null;
  /** The spec crop the server proposes when only the framing is wrong; null otherwise. */
  autoCrop: AutoCrop | null;
}

export type DocumentCheckResult = ImageCheckBase;

export interface DocumentRules {
  maxBytes: number;
  maxInputPixels: number;
  /** The normalized copy is downscaled to fit this long edge (still readable, much smaller). */
  maxEdge: number;
  /** Below this short edge the text of a passport page is likely unreadable (advice). */
  minShortEdge: number;
  jpegQuality: number;
}

export const DEFAULT_DOCUMENT_RULES: Readonly<DocumentRules> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxInputPixels: 50_000_000,
  maxEdge: 3000,
  minShortEdge: 600,
  jpegQuality: 90,
});

// ---------------------------------------------------------------------------------------------
// Format sniffing and the pre-decode gate

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The real format by magic bytes: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`; otherwise null. */
export function sniffImageFormat(input: Uint8Array): UploadImageFormat | null {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (input.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.equals(input.subarray(0, PNG_SIGNATURE.length))) return 'png';
  return null;
}

interface GateRules {
  maxBytes: number;
  maxInputPixels: number;
}

type GateOutcome =
  | { ok: true; format: UploadImageFormat; width: number; height: number }
  | { ok: false; format: UploadImageFormat | null; width: number; height: number; finding: PhotoFinding };

function finding(code: PhotoIssueCode, severity: PhotoSeverity, vars?: Record<string, string | number>, detail?: string): PhotoFinding {
  const f: PhotoFinding = { code, message: photoMessage(code, vars), severity };
  if (detail) f.detail = detail;
  return f;
}

function isPixelLimitError(err: unknown): boolean {
  return err instanceof Error && /pixel limit/i.test(err.message);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Size → magic bytes → header (declared pixels), without decoding any pixel data. */
async function gate(input: Buffer, rules: GateRules): Promise<GateOutcome> {
  if (input.length > rules.maxBytes) {
    return {
      ok: false, format: sniffImageFormat(input), width: 0, height: 0,
      finding: finding('FILE_TOO_LARGE', 'error', { maxMb: +(rules.maxBytes / (1024 * 1024)).toFixed(1) }, `${input.length} bytes > ${rules.maxBytes}`),
    };
  }
  const format = sniffImageFormat(input);
  if (!format) {
    return { ok: false, format: null, width: 0, height: 0, finding: finding('NOT_AN_IMAGE', 'error', {}, describeNonImage(input)) };
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    return { ok: false, format, width: 0, height: 0, finding: finding('NOT_AN_IMAGE', 'error', {}, `unreadable ${format} header: ${errorText(err)}`) };
  }
  if (meta.format !== format || !meta.width || !meta.height) {
    return { ok: false, format, width: 0, height: 0, finding: finding('NOT_AN_IMAGE', 'error', {}, `header says ${meta.format} ${meta.width}x${meta.height}`) };
  }
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? meta.height : meta.width;
  const height = swap ? meta.width : meta.height;
  if (meta.width * meta.height > rules.maxInputPixels) {
    return {
      ok: false, format, width, height,
      finding: finding('TOO_MANY_PIXELS', 'error', {}, `${meta.width}x${meta.height} > ${rules.maxInputPixels} pixels`),
    };
  }
  return { ok: true, format, width, height };
}

function describeNonImage(input: Buffer): string {
  if (input.length === 0) return 'empty file';
  const head = input.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return 'PDF document';
  if (head.startsWith('GIF8')) return 'GIF image';
  if (head.startsWith('RIFF')) return 'RIFF (WebP?) file';
  if (input.length >= 12 && input.subarray(4, 8).toString('latin1') === 'ftyp') return 'ISO-BMFF (HEIC/AVIF/MP4) file';
  return `unknown magic ${input.subarray(0, 4).toString('hex')}`;
}

function decodeFailure(err: unknown): PhotoFinding {
  return isPixelLimitError(err)
    ? finding('TOO_MANY_PIXELS', 'error', {}, errorText(err))
    : finding('NOT_AN_IMAGE', 'error', {}, `decode failed: ${errorText(err)}`);
}

function bySeverity(findings: PhotoFinding[]): PhotoFinding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'advice')];
}

const now = (): number => performance.now();
const round1 = (n: number): number => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// ID photo

/** What the face step found; coordinates as shares of the uploaded (upright) photo. */
export interface FaceReport {
  /** Faces counted (see `secondFaceMinShare`). */
  count: number;
  score: number;
  yaw: number;
  pitch: number;
  roll: number;
  /** Lid distance over eye width of the less open eye. */
  eyeOpenness: number;
  head: HeadInFrame;
  crownFrom: HeadGeometry['crownFrom'];
}

/** The server's proposal when the face is fine but the framing is not: the photo cropped to the spec. */
export interface AutoCrop {
  /** The cropped, normalized JPEG; it passed the whole check itself. */
  jpeg: Buffer;
  width: number;
  height: number;
  /** The crop in the uploaded (upright) photo's pixels. */
  rect: CropRect;
  /** The cropped photo's own advice (no errors, or there would be no proposal). */
  findings: PhotoFinding[];
}

export interface IdPhotoCheckOptions {
  /** Propose a crop when only the framing is wrong (default true; the proposal's own check sets false). */
  autoCrop?: boolean;
}

/**
 * Check an uploaded ID photo (any JPEG/PNG buffer; name and mime type are ignored) and produce
 * its normalized JPEG. Never throws for bad input: every problem is a finding.
 */
export async function checkIdPhoto(input: Buffer, overrides: Partial<PhotoRules> = {}, options: IdPhotoCheckOptions = {}): Promise<PhotoCheckResult> {
  const started = now();
  const rules: PhotoRules = { ...DEFAULT_PHOTO_RULES, ...overrides };
  const bytes = input.length;
  const fail = (g: { format: UploadImageFormat | null; width: number; height: number }, f: PhotoFinding): PhotoCheckResult => ({
    ok: false, findings: [f], width: g.width, height: g.height, format: g.format, bytes,
    normalized: null, normalizedWidth: 0, normalizedHeight: 0, metrics: null, face: null, autoCrop: null, elapsedMs: round1(now() - started),
  });

  const g = await gate(input, rules);
  if (!g.ok) return fail(g, g.finding);
  const { width: w, height: h } = g;
  const findings: PhotoFinding[] = [];

  // Geometry, on the upright dimensions.
  const ratioOk = Math.abs(w / h / rules.aspectRatio - 1) <= rules.aspectTolerance;
  if (!ratioOk) findings.push(finding('WRONG_RATIO', 'error', {}, `${w}x${h} = ${(w / h).toFixed(3)}, want ${rules.aspectRatio.toFixed(3)}`));
  if (w < rules.minWidth || h < rules.minHeight) {
    findings.push(finding('TOO_SMALL', 'error', { minWidth: rules.minWidth, minHeight: rules.minHeight }, `${w}x${h}`));
  }

  // Decode once, upright, straight to a working size (JPEG shrink-on-load does most of the
  // work inside libjpeg), onto white (transparent PNGs), as 3-channel sRGB.
  let work: RgbImage;
  try {
    const decoded = await sharp(input, { limitInputPixels: rules.maxInputPixels, failOn: 'truncated', autoOrient: true })
      .resize(rules.workingMaxEdge, rules.workingMaxEdge, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    work = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  } catch (err) {
    return fail(g, decodeFailure(err));
  }

  // The normalized photo and the greyscale analysis copy do not depend on the face: sharp
  // makes them on its worker threads while the face model runs on this one (2 cores in use).
  const output = normalizedOutput(work, ratioOk, rules);

  // The face: exactly one, frontal, eyes visible; then where the head sits.
  const faces = await detectFaces(work.data, work.width, work.height);
  const faceStep = judgeFace(faces, work, rules);
  findings.push(...faceStep.findings);
  // Framing is judged only for a usable face: for a turned head or shut eyes the one useful
  // reason is that, and no crop can fix it.
  const framing = faceStep.usable && ratioOk ? framingIssues(faceStep.report!.head, rules.frame) : [];
  for (const issue of framing) findings.push(finding(issue.code, 'error', {}, issue.detail));

  const { normalized, raw, grey } = await output;
  if (ratioOk && (w > rules.maxWidth || h > rules.maxHeight)) {
    findings.push(finding('RESIZED', 'advice', { width: raw.width, height: raw.height }, `${w}x${h} -> ${raw.width}x${raw.height}`));
  }
  const layout = faceStep.geometry ? layoutOf(faceStep.geometry, work.width, work.height) : undefined;
  const metrics = measure(grey.data, grey.info.width, grey.info.height, layout);
  // The quality findings are about a portrait: on a wrongly framed picture, or one without
  // exactly one face, they would be noise next to the reason that matters (WRONG_RATIO,
  // NO_FACE, MULTIPLE_FACES: a blank page is not "blurred, with light clothes"). Metrics are
  // still reported.
  if (ratioOk && faceStep.geometry) findings.push(...judge(metrics, rules));

  // Only the framing is wrong: propose the crop that meets the spec.
  let autoCrop: AutoCrop | null = null;
  if (options.autoCrop !== false && faceStep.usable && (!ratioOk || framing.length > 0)) {
    autoCrop = await proposeCrop(input, faceStep.geometry!, work, { width: w, height: h }, rules);
  }

  return {
    ok: !findings.some((f) => f.severity === 'error'),
    findings: bySeverity(findings),
    width: w,
    height: h,
    format: g.format,
    bytes,
    normalized,
    normalizedWidth: raw.width,
    normalizedHeight: raw.height,
    metrics,
    face: faceStep.report,
    autoCrop,
    elapsedMs: round1(now() - started),
  };
}

/**
 * The normalized photo (for a 3:4 photo the exact ratio within the output spec, never
 * enlarged — a tiny centre crop fixes a ratio within tolerance; otherwise the whole picture)
 * and the greyscale copy the metrics are computed on.
 */
async function normalizedOutput(work: RgbImage, ratioOk: boolean, rules: PhotoRules): Promise<{ normalized: Buffer; raw: { width: number; height: number; channels: 3 }; grey: { data: Buffer; info: sharp.OutputInfo } }> {
  let targetW: number;
  let targetH: number;
  if (ratioOk) {
    targetW = Math.min(work.width, rules.maxWidth, Math.floor(work.height * rules.aspectRatio));
    targetH = Math.min(work.height, rules.maxHeight, Math.round(targetW / rules.aspectRatio));
    targetW = Math.min(targetW, Math.round(targetH * rules.aspectRatio));
  } else {
    targetW = Math.min(work.width, rules.maxWidth);
    targetH = Math.min(work.height, rules.maxHeight);
  }
  // The working copy usually is the output size already (a 3:4 upload): no resize round trip.
  const rgb = targetW === work.width && targetH === work.height
    ? work
    : await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 3 } })
      .resize(targetW, targetH, { fit: ratioOk ? 'cover' : 'inside', position: 'centre', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
  const raw = { width: rgb.width, height: rgb.height, channels: 3 as const };
  const [normalized, grey] = await Promise.all([
    sharp(rgb.data, { raw }).jpeg({ quality: rules.jpegQuality, mozjpeg: false }).toBuffer(),
    sharp(rgb.data, { raw })
      .resize(rules.analysisWidth, rules.analysisHeight, { fit: 'inside', withoutEnlargement: true })
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  return { normalized, raw, grey };
}

interface FaceStep {
  findings: PhotoFinding[];
  /** The one face's head, when there is exactly one face (even if turned or with eyes shut). */
  geometry: HeadGeometry | null;
  report: FaceReport | null;
  /** Exactly one frontal face with visible eyes: a crop of this photo can pass. */
  usable: boolean;
}

function judgeFace(faces: DetectedFace[], work: RgbImage, rules: PhotoRules): FaceStep {
  const confident = faces.filter((f) => f.score >= rules.faceMinScore);
  const largest = Math.max(0, ...confident.map((f) => f.box.height));
  // A face far smaller than the main one (a poster, a passer-by far behind) still counts when
  // it is at least this share of the main face's size.
  const counted = confident.filter((f) => f.box.height >= rules.secondFaceMinShare * largest);
  const none = { geometry: null, report: null, usable: false };
  if (counted.length === 0) {
    const best = faces[0];
    return { ...none, findings: [finding('NO_FACE', 'error', {}, best ? `best candidate score ${best.score.toFixed(2)}` : 'no candidate')] };
  }
  if (counted.length > 1) {
    return { ...none, findings: [finding('MULTIPLE_FACES', 'error', {}, `${counted.length} faces, scores ${counted.map((f) => f.score.toFixed(2)).join(' ')}`)] };
  }
  const face = counted[0]!;
  const out: PhotoFinding[] = [];
  const f = rules.frame;
  const pose = `yaw ${face.yaw.toFixed(1)}°, pitch ${face.pitch.toFixed(1)}°, roll ${face.roll.toFixed(1)}°`;
  if (Math.abs(face.yaw) > f.maxYaw || Math.abs(face.pitch) > f.maxPitch) out.push(finding('NOT_FACING_CAMERA', 'error', {}, pose));
  if (Math.abs(face.roll) > f.maxRoll) out.push(finding('HEAD_TILTED', 'error', {}, pose));
  const eyes = eyeOpenness(face);
  if (eyes < rules.eyeOpenMin) out.push(finding('EYES_NOT_VISIBLE', 'error', {}, `eye openness ${eyes.toFixed(2)}`));
  const geometry = headGeometry(face, work);
  const report: FaceReport = {
    count: 1,
    score: round3(face.score),
    yaw: round1(face.yaw),
    pitch: round1(face.pitch),
    roll: round1(face.roll),
    eyeOpenness: round3(eyes),
    head: headInFrame(geometry, work.width, work.height),
    crownFrom: geometry.crownFrom,
  };
  return { findings: out, geometry, report, usable: out.length === 0 };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Where the head and face are, as shares of the frame, for the background and brightness regions. */
function layoutOf(g: HeadGeometry, width: number, height: number): HeadLayout {
  const headH = g.chinY - g.crownY;
  return {
    head: { cx: g.centreX / width, cy: (g.crownY + g.chinY) / 2 / height, rx: (0.9 * g.faceWidth) / width, ry: (0.56 * headH) / height },
    // Background is judged above this line: below it come the neck, the shoulders and long hair.
    backgroundBottom: Math.max(0.05, (g.chinY - 0.1 * headH) / height),
    face: {
      x0: (g.centreX - 0.3 * g.faceWidth) / width,
      x1: (g.centreX + 0.3 * g.faceWidth) / width,
      y0: (g.eyeLineY - 0.05 * headH) / height,
      y1: (g.chinY - 0.1 * headH) / height,
    },
  };
}

/**
 * Crops the upload to `specCrop`'s rectangle, at the output size, and checks the result in
 * full; returns it only when it passes.
 */
async function proposeCrop(input: Buffer, g: HeadGeometry, work: RgbImage, upload: { width: number; height: number }, rules: PhotoRules): Promise<AutoCrop | null> {
  const inWork = specCrop(g, work.width, work.height, rules.frame, rules.aspectRatio);
  if (!inWork) return null;
  const toUpload = upload.width / work.width;
  const rect: CropRect = {
    left: Math.round(inWork.left * toUpload),
    top: Math.round(inWork.top * toUpload),
    width: Math.min(upload.width, Math.round(inWork.width * toUpload)),
    height: Math.min(upload.height, Math.round(inWork.height * toUpload)),
  };
  rect.width = Math.min(rect.width, upload.width - rect.left);
  rect.height = Math.min(rect.height, upload.height - rect.top);
  // Never enlarge: a crop narrower than the minimum width would be an upscaled, soft photo.
  if (rect.width < rules.minWidth || rect.height < rules.minHeight) return null;
  const outW = Math.min(rules.maxWidth, rect.width);
  const outH = Math.round(outW / rules.aspectRatio);
  // Shrink on load to about twice the output resolution, then cut: a 20 MP photo is never
  // decoded in full for a 480-pixel crop.
  const k = Math.min(1, (2 * outW) / rect.width);
  const scaled = await sharp(input, { limitInputPixels: rules.maxInputPixels, autoOrient: true })
    .resize(Math.max(1, Math.round(upload.width * k)), Math.max(1, Math.round(upload.height * k)), { fit: 'fill', fastShrinkOnLoad: true })
    .extract({
      left: Math.floor(rect.left * k),
      top: Math.floor(rect.top * k),
      width: Math.max(1, Math.min(Math.round(upload.width * k) - Math.floor(rect.left * k), Math.round(rect.width * k))),
      height: Math.max(1, Math.min(Math.round(upload.height * k) - Math.floor(rect.top * k), Math.round(rect.height * k))),
    })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const jpeg = await sharp(scaled.data, { raw: { width: scaled.info.width, height: scaled.info.height, channels: scaled.info.channels } })
    .resize(outW, outH, { fit: 'fill' })
    .jpeg({ quality: rules.jpegQuality, mozjpeg: false })
    .toBuffer();
  const recheck = await checkIdPhoto(jpeg, rules, { autoCrop: false });
  if (!recheck.ok || !recheck.normalized) return null;
  return { jpeg: recheck.normalized, width: recheck.normalizedWidth, height: recheck.normalizedHeight, rect, findings: recheck.findings };
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

function judge(m: PhotoMetrics, r: PhotoRules): PhotoFinding[] {
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

// ---------------------------------------------------------------------------------------------
// Other uploads

/**
 * Check any other uploaded image (passport data page, guardian documents, loss statement):
 * JPG/PNG by magic bytes, ≤ 5 MB, decodable, not a decompression bomb. The normalized copy is
 * upright, metadata-free JPEG, its long edge at most `maxEdge`.
 */
export async function checkDocumentImage(input: Buffer, overrides: Partial<DocumentRules> = {}): Promise<DocumentCheckResult> {
  const started = now();
  const rules: DocumentRules = { ...DEFAULT_DOCUMENT_RULES, ...overrides };
  const bytes = input.length;
  const g = await gate(input, rules);
  const fail = (f: PhotoFinding): DocumentCheckResult => ({
    ok: false, findings: [f], width: g.width, height: g.height, format: g.format, bytes,
    normalized: null, normalizedWidth: 0, normalizedHeight: 0, elapsedMs: round1(now() - started),
  });
  if (!g.ok) return fail(g.finding);

  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    out = await sharp(input, { limitInputPixels: rules.maxInputPixels, failOn: 'truncated', autoOrient: true })
      .resize(rules.maxEdge, rules.maxEdge, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: rules.jpegQuality, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    return fail(decodeFailure(err));
  }
  const findings: PhotoFinding[] = [];
  if (Math.min(g.width, g.height) < rules.minShortEdge) {
    findings.push(finding('DOCUMENT_LOW_RESOLUTION', 'advice', {}, `${g.width}x${g.height}`));
  }
  return {
    ok: true,
    findings,
    width: g.width,
    height: g.height,
    format: g.format,
    bytes,
    normalized: out.data,
    normalizedWidth: out.info.width,
    normalizedHeight: out.info.height,
    elapsedMs: round1(now() - started),
  };
}
