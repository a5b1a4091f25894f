import * as zlib from 'node:zlib';
import { tempFile } from './wx-files';

/**
 * A stand-in for the canvas 2d node (jsdom has no canvas): records the pad's drawing and
 * rasterises it into a real PNG, so wx.canvasToTempFilePath hands the upload a file the
 * server's signature check can judge (ink or no ink).
 */
export class FakeCanvas {
  width = 300;
  height = 150;
  /** Line segments in CSS pixels, as the pad drew them. */
  readonly segments: Array<[number, number, number, number]> = [];
  private last: [number, number] | null = null;
  private ratio = 1;

  getContext() {
    const canvas = this;
    return {
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      strokeStyle: '#000',
      fillStyle: '#000',
      scale(x: number, _y?: number) {
        canvas.ratio = x;
      },
      fillRect() {
        // The pad paints itself white; the PNG starts white anyway.
      },
      beginPath() {
        canvas.last = null;
      },
      moveTo(x: number, y: number) {
        canvas.last = [x, y];
      },
      lineTo(x: number, y: number) {
        if (canvas.last) canvas.segments.push([canvas.last[0], canvas.last[1], x, y]);
        canvas.last = [x, y];
      },
      stroke() {
        // Segments are recorded as they are added.
      },
    };
  }

  /** A greyscale PNG of the backing store (width × height) with 4-px-wide strokes. */
  toPng(): Buffer {
    const { width, height } = this;
    const pixels = Buffer.alloc(width * height, 255);
    const ink = (x: number, y: number) => {
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const px = Math.round(x + dx);
          const py = Math.round(y + dy);
          if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = 0;
        }
    };
    for (const [x1, y1, x2, y2] of this.segments) {
      const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) * this.ratio));
      for (let i = 0; i <= steps; i++) ink((x1 + ((x2 - x1) * i) / steps) * this.ratio, (y1 + ((y2 - y1) * i) / steps) * this.ratio);
    }
    return encodeGreyPng(width, height, pixels);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodeGreyPng(width: number, height: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (width + 1) + 1, y * width, (y + 1) * width);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** wx.canvasToTempFilePath for the fake canvas: writes its PNG to a temp file. */
export function bindCanvasExport(): jest.Mock {
  const mock = jest.fn((options: { canvas: FakeCanvas; fileType?: string; success?(res: { tempFilePath: string }): void }) => {
    const path = tempFile('signature.png', options.canvas.toPng());
    setTimeout(() => options.success?.({ tempFilePath: path }));
  });
  wx.canvasToTempFilePath = mock as unknown as typeof wx.canvasToTempFilePath;
  return mock;
}
