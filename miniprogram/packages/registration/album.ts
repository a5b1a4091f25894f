/**
 * Saving the certificate image: scope.writePhotosAlbum first (WeChat asks once; after a
 * refusal only the settings page can allow it), then wx.saveImageToPhotosAlbum.
 */
function authSetting(): Promise<Record<string, boolean>> {
  return new Promise((resolve) => {
    if (typeof wx.getSetting !== 'function') return resolve({});
    wx.getSetting({ success: (res) => resolve((res.authSetting ?? {}) as Record<string, boolean>), fail: () => resolve({}) });
  });
}

/** true when saving is allowed (asking if the citizen has not been asked yet); false after a refusal. */
export async function albumAllowed(): Promise<boolean> {
  const setting = await authSetting();
  if (setting['scope.writePhotosAlbum'] === true) return true;
  if (setting['scope.writePhotosAlbum'] === false) return false;
  return new Promise((resolve) => wx.authorize({ scope: 'scope.writePhotosAlbum', success: () => resolve(true), fail: () => resolve(false) }));
}

export function saveToAlbum(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => wx.saveImageToPhotosAlbum({ filePath, success: () => resolve(), fail: reject }));
}

export function openAlbumSettings(): Promise<boolean> {
  return new Promise((resolve) =>
    wx.openSetting({ success: (res) => resolve((res.authSetting as Record<string, boolean>)['scope.writePhotosAlbum'] === true), fail: () => resolve(false) }),
  );
}
