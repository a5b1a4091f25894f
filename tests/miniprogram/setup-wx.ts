/**
 * What the WeChat runtime provides and miniprogram-simulate's wx mock lacks: storage that
 * remembers, and getApp/getCurrentPages. Defined before miniprogram-simulate loads, so its
 * mock keeps these (it merges an existing global wx over its own).
 */
const storage = new Map<string, unknown>();

const g = globalThis as unknown as Record<string, unknown>;
g.wx = {
  getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value))),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
};
g.getApp = () => ({ globalData: {} });
g.getCurrentPages = () => [];
