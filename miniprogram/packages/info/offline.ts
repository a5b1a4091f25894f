/**
 * The last copy of each list or page, kept on the phone for reading without a network.
 * A network failure (ApiError status 0) falls back to it with the time it was fetched;
 * any other error (404…) is the server's answer and is passed on.
 */
import { ApiError } from '../../api/request';
import { formatDateTime } from '../../utils/format';
import { fill, text } from './text';

const PREFIX = 'info:';

interface SavedCopy<T> {
  savedAt: number;
  data: T;
}

export function saveCopy<T>(key: string, data: T): void {
  try {
    wx.setStorageSync(PREFIX + key, { savedAt: Date.now(), data } satisfies SavedCopy<T>);
  } catch {
    // Storage full: the page still shows what it fetched.
  }
}

export function readCopy<T>(key: string): SavedCopy<T> | null {
  try {
    const saved = wx.getStorageSync(PREFIX + key) as SavedCopy<T> | '';
    return saved && typeof saved.savedAt === 'number' ? saved : null;
  } catch {
    return null;
  }
}

export function offlineNote(savedAt: number): string {
  return fill(text.offline, { time: formatDateTime(new Date(savedAt).toISOString()) });
}

/** Fresh data (and saved for next time), or the saved copy with a note when offline. */
export async function freshOrSaved<T>(key: string, load: () => Promise<T>): Promise<{ data: T; note: string }> {
  try {
    const data = await load();
    saveCopy(key, data);
    return { data, note: '' };
  } catch (error) {
    const offline = error instanceof ApiError && error.status === 0;
    const saved = offline ? readCopy<T>(key) : null;
    if (!saved) throw error;
    return { data: saved.data, note: offlineNote(saved.savedAt) };
  }
}
