/**
 * Every upload other than the ID photo (passport data page, guardian documents, loss
 * statement): JPG/PNG by magic bytes, ≤ 5 MB, decodable, not a decompression bomb
 * (`image-gate.ts`); the normalized copy is upright, metadata-free JPEG, its long edge at most
 * `maxEdge`.
 */
import sharp from 'sharp';
import { decodeFailure, DEFAULT_GATE_RULES, finding, gate, type GateRules, type ImageCheckBase, now, type PhotoFinding, round1 } from './image-gate';

export type DocumentCheckResult = ImageCheckBase;

export interface DocumentRules extends GateRules {
  /** The normalized copy is downscaled to fit this long edge (still readable, much smaller). */
  maxEdge: number;
  /** Below this short edge the text of a passport page is likely unreadable (advice). */
  minShortEdge: number;
  jpegQuality: number;
}

export const DEFAULT_DOCUMENT_RULES: Readonly<DocumentRules> = Object.freeze({
  ...DEFAULT_GATE_RULES,
  maxEdge: 3000,
  minShortEdge: 600,
  jpegQuality: 90,
});

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
