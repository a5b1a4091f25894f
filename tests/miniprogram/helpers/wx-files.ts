import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * wx.getFileSystemManager() over the real disk: the "temp file paths" the mini-program
 * gets from the camera, album or canvas are real files in the tests; wx.env.USER_DATA_PATH
 * is a fresh temp directory.
 */
export function bindWxFiles(): void {
  (wx as unknown as { env: { USER_DATA_PATH: string } }).env = { USER_DATA_PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-user-')) };
  wx.getFileSystemManager = (() => ({
    writeFile(options: { filePath: string; data: string | ArrayBuffer; encoding?: BufferEncoding; success?(): void; fail?(err: { errMsg: string }): void }) {
      const data = typeof options.data === 'string' ? Buffer.from(options.data, options.encoding ?? 'utf8') : Buffer.from(options.data);
      fs.writeFile(options.filePath, data, (error) => (error ? options.fail?.({ errMsg: `writeFile:fail ${error.message}` }) : options.success?.()));
    },
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
