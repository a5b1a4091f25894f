/**
 * Getting an image off the phone for an upload: camera or album (wx.chooseMedia), the ID
 * photo cropped to 3:4 (wx.cropImage) and compressed (wx.compressImage), and the size and
 * type checked BEFORE anything is sent — a 5 MB limit is easier to meet than to explain
 * after a slow upload.
 */
import { MAX_UPLOAD_BYTES, mimeOf } from '../../api/applications';
import { t } from './text';

export class MediaError extends Error {
  constructor(message: string, readonly cancelled = false) {
    super(message);
  }
}

const cancelled = (errMsg: string | undefined) => /cancel/i.test(errMsg ?? '');

export function chooseImage(sourceType: Array<'album' | 'camera'> = ['album', 'camera']): Promise<{ path: string; size: number }> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType,
      sizeType: ['original', 'compressed'],
      success: (res) => {
        const file = res.tempFiles[0];
        if (file) resolve({ path: file.tempFilePath, size: file.size });
        else reject(new MediaError('', true));
      },
      fail: (err) => reject(new MediaError(t.upload.fileReadFailed, cancelled(err.errMsg))),
    });
  });
}

/** 3:4 crop by the citizen (base library ≥ 2.26); the server checks the ratio anyway. */
export function cropToIdPhoto(src: string): Promise<string> {
  if (typeof wx.cropImage !== 'function') return Promise.resolve(src);
  return new Promise((resolve, reject) => {
    wx.cropImage({
      src,
      cropScale: '3:4',
      success: (res) => resolve(res.tempFilePath),
      fail: (err) => reject(new MediaError(t.upload.fileReadFailed, cancelled(err.errMsg))),
    });
  });
}

/** JPEG at a width well above the 354 px minimum; keeps the original when compression fails. */
export function compressPhoto(src: string): Promise<string> {
  return new Promise((resolve) => {
    wx.compressImage({
      src,
      quality: 85,
      compressedWidth: 720,
      success: (res) => resolve(res.tempFilePath),
      fail: () => resolve(src),
    });
  });
}

export function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: () => reject(new MediaError(t.upload.fileReadFailed)),
    });
  });
}

/** A message when the file cannot be uploaded as it is (type, size); '' when it can. */
export function uploadProblem(filePath: string, size: number): string {
  if (!mimeOf(filePath)) return t.upload.fileType;
  if (size > MAX_UPLOAD_BYTES) return t.upload.fileTooLarge;
  return '';
}

/**
 * Writes a base64 JPEG the server sent (the spec crop of an ID photo) to a file of the
 * mini-program's own, so that it can be shown and uploaded like any photo — and so that only
 * its path, never tens of KB of base64, goes through setData.
 */
export function writeTempJpeg(base64: string, name: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${name}-${Date.now()}.jpg`;
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(filePath),
      fail: () => reject(new MediaError(t.upload.fileReadFailed)),
    });
  });
}
