/**
 * Every page's root view is `<view class="{{pageClass}}">`: this behavior keeps pageClass in
 * step with the elder-mode store, so the tokens in app.wxss switch the whole page (and the
 * TDesign components inside it) without any page forking its layout.
 */
import { reaction } from 'mobx-miniprogram';
import { elderModeStore } from '../stores/elder-mode-store';

const disposers = new WeakMap<object, () => void>();

export const elderModeBehavior = Behavior({
  data: { pageClass: 'page-root' },
  lifetimes: {
    attached() {
      const sync = (pageClass: string) => {
        if (this.data.pageClass !== pageClass) this.setData({ pageClass });
      };
      sync(elderModeStore.pageClass);
      disposers.set(this, reaction(() => elderModeStore.pageClass, sync));
    },
    detached() {
      disposers.get(this)?.();
      disposers.delete(this);
    },
  },
});
