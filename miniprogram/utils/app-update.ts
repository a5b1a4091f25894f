/**
 * A new version of the mini-program: WeChat downloads it in the background at a cold start;
 * once it is ready we ask to restart into it (as the TDesign starter does) rather than
 * leaving the citizen on the old code until the next cold start. Declining is fine — the
 * new version starts next time. A failed download needs nothing: WeChat tries again at the
 * next cold start.
 */
import { t } from '../locale/text';

export function watchForUpdates(): void {
  // Not in every runtime (old base libraries, tests): nothing to watch then.
  if (typeof wx.getUpdateManager !== 'function') return;
  const manager = wx.getUpdateManager();
  manager.onUpdateReady(() => {
    wx.showModal({
      title: t.update.title,
      content: t.update.content,
      confirmText: t.update.restart,
      cancelText: t.update.later,
      success: (result) => {
        if (result.confirm) manager.applyUpdate();
      },
    });
  });
}
