import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { localizedPage } from '../../locale/localized-page';
import { t } from '../../locale/text';
import { elderModeStore } from '../../stores/elder-mode-store';
import { toggleElderMode } from '../../utils/elder-toggle';

/**
 * 长辈版 switch (home and 我的): one row a screen reader reads as a switch with its state.
 * When the font setting turned elder mode on by itself, the row says so and offers to keep it
 * or turn it off.
 */
ComponentWithStore({
  ...localizedPage(() => ({ text: t.elderMode })),
  storeBindings: { store: elderModeStore, fields: ['enabled', 'autoEnabled'], actions: {} },
  methods: {
    toggle() {
      toggleElderMode();
    },
    keep() {
      elderModeStore.setEnabled(true);
    },
    turnOff() {
      elderModeStore.setEnabled(false);
    },
  },
});
