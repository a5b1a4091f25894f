import { localizedData } from '../../locale/localized-page';
import { t } from '../../locale/text';

type NetworkListener = WechatMiniprogram.OnNetworkStatusChangeCallback;
const listeners = new WeakMap<object, NetworkListener>();

/**
 * One banner for every page that loads data: a refresh failed (weak or no network) while
 * the page shows what it had — it says so and offers 重试 instead of failing silently. When
 * the phone's connection comes back it retries by itself. The page binds `retry` to its load.
 */
Component({
  properties: {
    show: { type: Boolean, value: false },
    /** What failed, e.g. 网络连接失败，请稍后重试 (ApiError's message). */
    message: { type: String, value: '' },
  },
  // Re-rendered in the language of the moment on the page's show (locale/localized-page.ts).
  behaviors: [localizedData(() => ({ text: t.networkBanner }))],
  lifetimes: {
    attached() {
      if (typeof wx.onNetworkStatusChange !== 'function') return;
      const listener: NetworkListener = ({ isConnected }) => {
        if (isConnected && this.data.show) this.triggerEvent('retry');
      };
      listeners.set(this, listener);
      wx.onNetworkStatusChange(listener);
    },
    detached() {
      const listener = listeners.get(this);
      if (listener && typeof wx.offNetworkStatusChange === 'function') wx.offNetworkStatusChange(listener as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback);
    },
  },
  methods: {
    retry() {
      this.triggerEvent('retry');
    },
  },
});
