/**
 * Getting a supplement image off the phone: camera or album, an ID photo cropped to 3:4
 * and compressed, and type and size checked before anything is sent (the same rules as
 * the application form's uploads; the server checks again).
 */
import { MAX_UPLOAD_BYTES, mimeOf } from '../../api/applications';
import { t } from './text';

/** A picked image, or null when the citizen cancelled. Rejects with a message to show. */
export function pickImage(idPhoto: boolean): Promise<{ path: string; size: number } | null> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['original', 'compressed'],
      success: (res) => {
        const file = res.tempFiles[0];
        if (!file) resolve(null);
        else if (!idPhoto || typeof wx.cropImage !== 'function') resolve({ path: file.tempFilePath, size: file.size });
        else
          wx.cropImage({
            src: file.tempFilePath,
            cropScale: '3:4',
            success: (cropped) =>
              wx.compressImage({
                src: cropped.tempFilePath,
                quality: 85,
                compressedWidth: 720,
                success: (small) => resolve({ path: small.tempFilePath, size: 0 }),
                fail: () => resolve({ path: cropped.tempFilePath, size: 0 }),
              }),
            fail: (err) => (/cancel/i.test(err.errMsg) ? resolve(null) : reject(new Error(t.upload.fileReadFailed))),
          });
      },
      fail: (err) => (/cancel/i.test(err.errMsg) ? resolve(null) : reject(new Error(t.upload.fileReadFailed))),
    });
  });
}

/** A message when the file cannot be uploaded as it is; '' when it can (size 0 = unknown, uploadFile checks). */
export function uploadProblem(filePath: string, size: number): string {
  if (!mimeOf(filePath)) return t.upload.fileType;
  if (size > MAX_UPLOAD_BYTES) return t.upload.fileTooLarge;
  return '';
}
