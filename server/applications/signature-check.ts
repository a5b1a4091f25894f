import sharp from 'sharp';
import { sniffImageFormat } from '../photo/photo-check';
import { serverMessages } from '../messages';

/**
 * The handwritten signature from the canvas signature pad: a PNG of sensible size with
 * visible strokes. Re-encoded (metadata dropped) onto white so reviewers see ink on paper.
 */
export const SIGNATURE_LIMITS = { minWidth: 200, minHeight: 80, maxWidth: 4000, maxHeight: 4000 } as const;

export type SignatureCheck = { ok: true; png: Buffer; width: number; height: number } | { ok: false; message: string };

export async function checkSignature(input: Buffer): Promise<SignatureCheck> {
  if (sniffImageFormat(input) !== 'png') return { ok: false, message: serverMessages.signatureNotPng };
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: serverMessages.signatureNotPng };
  }
  const { width = 0, height = 0 } = meta;
  const { minWidth, minHeight, maxWidth, maxHeight } = SIGNATURE_LIMITS;
  // Checked from the header before decoding, so a huge PNG is never expanded.
  if (width < minWidth || height < minHeight || width > maxWidth || height > maxHeight) {
    return { ok: false, message: serverMessages.signatureSize };
  }
  try {
    const png = await sharp(input, { limitInputPixels: maxWidth * maxHeight, failOn: 'truncated' })
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 9 })
      .toBuffer();
    // stats() reads its own input, so measure the flattened copy. An untouched pad is one
    // flat colour: no strokes.
    const stats = await sharp(png).stats();
    const red = stats.channels[0];
    if (!red || red.stdev < 2 || red.min > 200) return { ok: false, message: serverMessages.signatureBlank };
    return { ok: true, png, width, height };
  } catch {
    return { ok: false, message: serverMessages.signatureNotPng };
  }
}
