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

export function apiBaseUrl(): string {
  let saved: unknown;
  try {
    saved = wx.getStorageSync(API_BASE_URL_STORAGE_KEY);
  } catch {
    saved = undefined;
  }
  const url = typeof saved === 'string' && saved.trim() ? saved.trim() : DEFAULT_API_BASE_URL;
  return url.replace(/\/+$/, '');
}
