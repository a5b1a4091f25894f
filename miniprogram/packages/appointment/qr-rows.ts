/**
 * The booking's check-in code as QR modules (qrcode-generator, MIT; copied into this
 * subpackage's vendor/ by scripts/build-miniprogram.ts), drawn as rows of cells in WXML:
 * no canvas, so it shows at once and scales with the page.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qrcode = require('./vendor/qrcode') as (typeNumber: 0, level: 'M') => {
  addData(data: string): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
};

/** Rows of dark (true) / light modules, with a 2-module quiet zone. */
export function qrRows(code: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(code);
  qr.make();
  const size = qr.getModuleCount();
  const quiet = 2;
  return Array.from({ length: size + quiet * 2 }, (_, r) =>
    Array.from({ length: size + quiet * 2 }, (_, c) => r >= quiet && c >= quiet && r < size + quiet && c < size + quiet && qr.isDark(r - quiet, c - quiet)),
  );
}
