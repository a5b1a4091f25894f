/** 我的 carries the same 长辈版 switch as home (its own file: see elder-switch.test.ts). */
import { elderModeStore } from '../../miniprogram/stores/elder-mode-store';
import { controlsOf } from './helpers/accessibility';
import { until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

beforeEach(() => {
  wx.clearStorageSync();
  elderModeStore.restore(null, {});
});

it('我的 shows the 长辈版 switch, named with its state, following the store', async () => {
  const page = renderPage('pages/me/index');
  await simulate.sleep(0);
  const switchRow = () => controlsOf(page).find((control) => control.role === 'switch');
  expect(switchRow()?.name).toBe('长辈版，未开启');
  elderModeStore.setEnabled(true);
  await until(() => switchRow()?.name === '长辈版，已开启', 'the switch to follow the store');
  page.detach();
});
