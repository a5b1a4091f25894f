/**
 * The 证件照 (ID photo) check. Hard rules from the 出入境证件相片照相指引 (digital: JPEG,
 * ≥ 354×472, width 354–480 / height 472–640, 3:4); exactly one frontal face with visible eyes
 * (`face-detector.ts`); the head's size and place against the mission's ranges
 * (`photo-spec.ts`, `head-geometry.ts`); picture quality (`photo-metrics.ts`). Produces the
 * normalized photo the consulate receives (upright, metadata stripped, re-encoded JPEG within
 * the output size spec) and, when only the framing is wrong, a crop that meets the spec
 * (`autoCrop`). docs/photo-check.md has the model comparison, the ranges and the test cases.
 *
 * The check is advisory for citizens and reviewers alike: `error` means the photo must be
 * re-taken (it cannot be accepted as is), `advice` means it will likely be returned by the
 * person who reviews every photo. `ok` is true when there is no `error` finding.
 *
 * Speed: the input is decoded once, to a working copy of at most 640 pixels (JPEG
 * shrink-on-load does most of the work inside libjpeg). Faces are found on it on this thread
 * (TF.js WASM) while sharp makes the JPEG output and the small greyscale analysis image from
 * it on its own threads; the metrics are computed in plain JS on ~120k grey pixels. Only a
 * proposed crop decodes the upload again.
 */
import sharp from 'sharp';
import { type DetectedFace, detectFaces } from './face-detector';
import { type CropRect, eyeOpenness, framingIssues, type HeadGeometry, type HeadInFrame, headGeometry, headInFrame, type RgbImage, specCrop } from './head-geometry';
import { DEFAULT_PHOTO_RULES, type PhotoRules } from './id-photo-rules';
import { bySeverity, decodeFailure, finding, gate, type ImageCheckBase, now, type PhotoFinding, round1, type UploadImageFormat } from './image-gate';
import { type HeadLayout, judge, measure, type PhotoMetrics } from './photo-metrics';

export interface PhotoCheckResult extends ImageCheckBase {
  /** null when the image could not be decoded. */
  metrics: PhotoMetrics | null;
  /** The one face and its head in the frame; null when there is no single face. */
  face: FaceReport | null;
  /** The spec crop the server proposes when only the framing is wrong; null otherwise. */
  autoCrop: AutoCrop | null;
}

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
  // Awaited below; if the face step throws first, its failure must not become an unhandled rejection.
  output.catch(() => undefined);

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
