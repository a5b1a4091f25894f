import { t } from '../locale/text';
import { elderModeStore } from '../stores/elder-mode-store';

/**
 * The 长辈版 switch's one action, wherever it is tapped (its row on home and in 我的, the home
 * search's result): turn it on or off and say so — the page changes size under the finger.
 */
export function toggleElderMode(): void {
  elderModeStore.toggle();
  wx.showToast({ title: elderModeStore.enabled ? t.elderMode.turnedOn : t.elderMode.turnedOff, icon: 'none' });
}
