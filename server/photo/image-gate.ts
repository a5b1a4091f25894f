/**
 * What every uploaded image goes through before any pixel is decoded, and the shapes every
 * image check answers with.
 *
 * Safety on untrusted input:
 *  - the size limit is checked before anything is parsed;
 *  - the format is decided by magic bytes only (never the file name or the claimed mime type);
 *  - the declared pixel count is read from the header and refused above `maxInputPixels`
 *    before any pixel is decoded (decompression bombs); the decoders are given the same
 *    `limitInputPixels` as a second line of defence (`decodeFailure` names that refusal);
 *  - the checks decode with `failOn: 'truncated'`, so truncated/corrupt pixel data is an error
 *    instead of a grey half-image (the stricter default 'warning' also rejects harmless quirks
 *    of some phones).
 */
import sharp from 'sharp';
import { photoMessage, type PhotoIssueCode, type PhotoMessageVars } from './photo-messages';

export type PhotoSeverity = 'error' | 'advice';
export type UploadImageFormat = 'jpeg' | 'png';

export interface PhotoFinding {
  code: PhotoIssueCode;
  /** One sentence for the citizen, in the language of the request. */
  message: string;
  severity: PhotoSeverity;
  /** The values the sentence was filled with (kept with a stored finding, to render it in the reader's language). */
  vars?: PhotoMessageVars;
  /** English technical detail for logs and support; never shown to the citizen. */
  detail?: string;
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The real format by magic bytes: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`; otherwise null. */
export function sniffImageFormat(input: Uint8Array): UploadImageFormat | null {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (input.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.equals(input.subarray(0, PNG_SIGNATURE.length))) return 'png';
  return null;
}

export interface GateRules {
  maxBytes: number;
  maxInputPixels: number;
}

/** Every upload's limits: 5 MB; 50 MP covers the largest phone sensors (8160×6120) while keeping decode memory bounded. */
export const DEFAULT_GATE_RULES: Readonly<GateRules> = Object.freeze({ maxBytes: 5 * 1024 * 1024, maxInputPixels: 50_000_000 });

export type GateOutcome =
  | { ok: true; format: UploadImageFormat; width: number; height: number }
  | { ok: false; format: UploadImageFormat | null; width: number; height: number; finding: PhotoFinding };

export function finding(code: PhotoIssueCode, severity: PhotoSeverity, vars?: Record<string, string | number>, detail?: string): PhotoFinding {
  const f: PhotoFinding = { code, message: photoMessage(code, vars), severity };
  if (vars && Object.keys(vars).length > 0) f.vars = vars;
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
export async function gate(input: Buffer, rules: GateRules): Promise<GateOutcome> {
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

export function decodeFailure(err: unknown): PhotoFinding {
  return isPixelLimitError(err)
    ? finding('TOO_MANY_PIXELS', 'error', {}, errorText(err))
    : finding('NOT_AN_IMAGE', 'error', {}, `decode failed: ${errorText(err)}`);
}

export function bySeverity(findings: PhotoFinding[]): PhotoFinding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'advice')];
}

export const now = (): number => performance.now();
export const round1 = (n: number): number => Math.round(n * 10) / 10;
