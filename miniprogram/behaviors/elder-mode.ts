/**
 * Every page's root view is `<view class="{{pageClass}}">`: this behavior binds pageClass to
 * the elder-mode store, so the tokens in app.wxss switch the whole page (and the TDesign
 * components inside it) without any page forking its layout. Pages built with
 * ComponentWithStore bind the same field in their storeBindings instead.
 */
import { BehaviorWithStore } from 'mobx-miniprogram-bindings';
import { elderModeStore } from '../stores/elder-mode-store';

export const elderModeBehavior = BehaviorWithStore({
  storeBindings: { store: elderModeStore, fields: ['pageClass'], actions: {} },
});
