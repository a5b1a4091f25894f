/**
 * Where the API server lives. One module so every request agrees.
 *
 * The default is the local server `npm start` runs, which DevTools' simulator reaches.
 * To point the app elsewhere (a phone previewing against your machine's LAN address, a
 * staging server), run once in DevTools' console or the vConsole of a preview:
 *   wx.setStorageSync('apiBaseUrl', 'http://192.168.1.20:3000')
 * and wx.removeStorageSync('apiBaseUrl') to go back. Tests set it the same way.
 */
export const DEFAULT_API_BASE_URL = 'http://127.0.0.1:3000';
export const API_BASE_URL_STORAGE_KEY = 'apiBaseUrl';

let baseUrl: string | null = null;

/** Read from storage once per launch (a synchronous storage read on every request adds up). */
export function apiBaseUrl(): string {
  if (baseUrl === null) {
    let saved: unknown;
    try {
      saved = wx.getStorageSync(API_BASE_URL_STORAGE_KEY);
    } catch {
      saved = undefined;
    }
    const url = typeof saved === 'string' && saved.trim() ? saved.trim() : DEFAULT_API_BASE_URL;
    baseUrl = url.replace(/\/+$/, '');
  }
  return baseUrl;
}

/** Points the app at another server now and on later launches (tests, DevTools' console via the storage key). */
export function setApiBaseUrl(url: string): void {
  wx.setStorageSync(API_BASE_URL_STORAGE_KEY, url);
  baseUrl = null;
}

/**
 * Paying in development (README, "Paying in development"). WeChat DevTools cannot pay the
 * local WeChat Pay sandbox's prepay ids, so wx.requestPayment fails there (not with
 * "cancel"). When this is on and that happens, the pay page asks the server's
 * development-only route POST /api/dev/pay/:id/confirm to have the sandbox pay and send
 * its signed notification — the rest of the flow (支付确认中, polling, 待审核) is unchanged.
 * The server registers that route only in sandbox mode and never in production, so against
 * a real server it answers 404 and the page reports the failed payment as usual.
 *
 * On in the 开发版 (envVersion "develop": DevTools and 真机调试), off in 体验版 and 正式版.
 * Override in DevTools' console: wx.setStorageSync('devPayConfirm', false) (or true).
 */
export const DEV_PAY_CONFIRM_STORAGE_KEY = 'devPayConfirm';

export function devPayConfirmEnabled(): boolean {
  try {
    const saved: unknown = wx.getStorageSync(DEV_PAY_CONFIRM_STORAGE_KEY);
    if (typeof saved === 'boolean') return saved;
    return wx.getAccountInfoSync().miniProgram.envVersion === 'develop';
  } catch {
    return false;
  }
}
