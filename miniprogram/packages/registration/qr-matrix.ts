/**
 * The certificate's QR code as a module matrix, from qrcode-generator (MIT; copied into
 * this subpackage's vendor/ by scripts/build-miniprogram.ts, so the encoder never weighs
 * on the main package). Error correction M; byte mode.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qrcode = require('./vendor/qrcode') as (typeNumber: 0, level: 'L' | 'M' | 'Q' | 'H') => {
  addData(data: string): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
};

export function qrMatrix(textToEncode: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(textToEncode);
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/** Draws the matrix with a 4-module quiet zone, black on white, filling `pixels` square. */
export function drawQr(ctx: { fillStyle: string | unknown; fillRect(x: number, y: number, w: number, h: number): void }, matrix: boolean[][], pixels: number): void {
  const modules = matrix.length + 8;
  const cell = pixels / modules;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, pixels, pixels);
  ctx.fillStyle = '#000000';
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect((c + 4) * cell, (r + 4) * cell, Math.ceil(cell), Math.ceil(cell));
    }),
  );
}
