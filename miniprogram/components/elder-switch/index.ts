import { reaction } from 'mobx-miniprogram';
import { fill, t } from '../../locale/zh-CN';
import { elderModeStore } from '../../stores/elder-mode-store';

const disposers = new WeakMap<object, () => void>();

/**
 * 长辈版 switch (home and 我的): one row a screen reader reads as a switch with its state.
 * When the font setting turned elder mode on by itself, the row says so and offers to keep it
 * or turn it off.
 */
Component({
  data: {
    text: t.elderMode,
    enabled: false,
    autoEnabled: false,
    stateText: t.elderMode.off as string,
    label: '',
  },
  lifetimes: {
    attached() {
      const sync = () => {
        const { enabled, autoEnabled } = elderModeStore;
        const stateText = enabled ? t.elderMode.on : t.elderMode.off;
        this.setData({ enabled, autoEnabled, stateText, label: fill(t.elderMode.label, { state: stateText }) });
      };
      sync();
      disposers.set(this, reaction(() => [elderModeStore.enabled, elderModeStore.autoEnabled], sync));
    },
    detached() {
      disposers.get(this)?.();
      disposers.delete(this);
    },
  },
  methods: {
    toggle() {
      elderModeStore.toggle();
      // Announced: the page changes size under the citizen's finger.
      wx.showToast({ title: elderModeStore.enabled ? t.elderMode.turnedOn : t.elderMode.turnedOff, icon: 'none' });
    },
    keep() {
      elderModeStore.setEnabled(true);
    },
    turnOff() {
      elderModeStore.setEnabled(false);
    },
  },
});
