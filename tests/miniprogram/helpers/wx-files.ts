import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * wx.getFileSystemManager() over the real disk: the "temp file paths" the mini-program
 * gets from the camera, album or canvas are real files in the tests.
 */
export function bindWxFiles(): void {
  wx.getFileSystemManager = (() => ({
    readFile(options: { filePath: string; success?(res: { data: ArrayBuffer }): void; fail?(err: { errMsg: string }): void }) {
      fs.readFile(options.filePath, (error, data) => {
        if (error) options.fail?.({ errMsg: `readFile:fail ${error.message}` });
        else options.success?.({ data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer });
      });
    },
    getFileInfo(options: { filePath: string; success?(res: { size: number }): void; fail?(err: { errMsg: string }): void }) {
      fs.stat(options.filePath, (error, stat) => (error ? options.fail?.({ errMsg: error.message }) : options.success?.({ size: stat.size })));
    },
  })) as unknown as typeof wx.getFileSystemManager;
}

/** A temp file the test owns (a "tempFilePath"). */
export function tempFile(name: string, data: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}
