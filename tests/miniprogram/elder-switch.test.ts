/**
 * The 长辈版 switch on home (a page of its own per file: miniprogram-simulate registers a
 * component once per jest module registry): named with its state for screen readers; on, a
 * simpler home; turned on by the font setting, home says so and lets the citizen turn it off.
 */
import { ELDER_HOME_SERVICE_IDS, findService, SERVICES } from '../../miniprogram/domain/service-grid';
import { elderModeStore } from '../../miniprogram/stores/elder-mode-store';
import { controlsOf } from './helpers/accessibility';
import { textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node; dispatchEvent(name: string): void };

const rootClasses = (page: Page) => ((page.dom as unknown as Element).firstElementChild?.className ?? '').split(/\s+/).map((name) => name.replace(/^main--/, ''));
/** Taps a TDesign node inside the elder-switch component (hosts, then the inner node a finger reaches). */
const tap = (page: Page, ...path: string[]) => path.reduce((node, selector) => node.querySelector(selector), page as unknown as Node).dispatchEvent('tap');

beforeEach(() => {
  wx.clearStorageSync();
  elderModeStore.restore(null, {});
});

describe('长辈版 on home', () => {
  it('on home: a switch named with its state; on, home shows the few services as large tiles and 12308 as its one primary button', async () => {
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    const switchRow = () => controlsOf(page).find((control) => control.role === 'switch');
    expect(switchRow()?.name).toBe('长辈版，未开启');
    expect(textOf(page)).toContain('未开启');
    for (const service of SERVICES) expect(controlsOf(page).map((c) => c.name)).toContain(service.nameZh);

    tap(page, '.elder-switch', '.elder-switch__row', '.t-cell');
    await until(() => switchRow()?.name === '长辈版，已开启', 'the switch to read 已开启');
    expect(elderModeStore.enabled).toBe(true);
    const names = controlsOf(page).map((control) => control.name);
    const elderServices = ELDER_HOME_SERVICE_IDS.map((id) => findService(id)!.nameZh);
    for (const name of elderServices) expect(names).toContain(name);
    for (const service of SERVICES.filter((s) => !ELDER_HOME_SERVICE_IDS.includes(s.id) && s.entry.kind !== 'hotline')) expect(names).not.toContain(service.nameZh);
    const primary = controlsOf(page).filter((control) => control.tag === 'wx-button' && /t-button--primary/.test(control.className));
    expect(primary.map((control) => control.name)).toEqual(['拨打12308领事保护热线']);
    expect(rootClasses(page)).toContain('elder');
    page.detach();
  });

  it('turned on by the font setting, home says so and 关闭长辈版 turns it off for good', async () => {
    elderModeStore.restore(null, { fontSizeSetting: 22 });
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    expect(textOf(page)).toContain('您的微信字体较大，已为您自动开启长辈版。');
    tap(page, '.elder-switch', '.elder-auto__off', '.t-button');
    await until(() => !textOf(page).includes('自动开启长辈版'), 'the notice to go');
    expect(elderModeStore.enabled).toBe(false);
    elderModeStore.restore(null, { fontSizeSetting: 22 });
    expect(elderModeStore.enabled).toBe(false);
    page.detach();
  });
});
