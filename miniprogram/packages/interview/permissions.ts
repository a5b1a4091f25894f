/**
 * Camera and microphone for the video call. The call runs in a <web-view>, whose page asks
 * for them through the browser; the mini-program's own scopes (scope.camera, scope.record)
 * are settled first so a refusal is explained here, in words, with the way to the
 * settings page — instead of a black video in the call.
 */
const SCOPES = ['scope.camera', 'scope.record'] as const;

function authSetting(): Promise<Record<string, boolean>> {
  return new Promise((resolve) => {
    if (typeof wx.getSetting !== 'function') return resolve({});
    wx.getSetting({
      success: (res) => resolve((res.authSetting ?? {}) as Record<string, boolean>),
      fail: () => resolve({}),
    });
  });
}

function authorize(scope: (typeof SCOPES)[number]): Promise<boolean> {
  return new Promise((resolve) => {
    // Runtimes without the API (old base library) let the web-view page ask itself.
    if (typeof wx.authorize !== 'function') return resolve(true);
    wx.authorize({ scope, success: () => resolve(true), fail: () => resolve(false) });
  });
}

/** true when both are allowed (asking where the citizen has not been asked yet); false after a refusal. */
export async function cameraAndMicrophone(): Promise<boolean> {
  const setting = await authSetting();
  for (const scope of SCOPES) {
    if (setting[scope] === true) continue;
    // Refused before: WeChat asks only once, after that only the settings page can allow it.
    if (setting[scope] === false) return false;
    if (!(await authorize(scope))) return false;
  }
  return true;
}

/** WeChat's settings page for this mini-program; true when both are allowed on return. */
export function openSettings(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: (res) => {
        const setting = (res.authSetting ?? {}) as Record<string, boolean>;
        resolve(SCOPES.every((scope) => setting[scope] === true));
      },
      fail: () => resolve(false),
    });
  });
}
