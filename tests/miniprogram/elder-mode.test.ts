/**
 * 长辈模式 (elder mode) and screen readers on every page: the page-root class reaches every
 * page of the main package and of every subpackage and follows the switch; every control
 * has a name and a role. And the store behind the switch: remembered per account and device,
 * on by itself for a large WeChat font. (The switch on home and in 我的: elder-switch.test.ts.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { elderModeStore, isLargeFont } from '../../miniprogram/stores/elder-mode-store';
import { inaccessibleControls } from './helpers/accessibility';
import { until } from './helpers/interact';
import { MINIPROGRAM_ROOT, renderPage, simulate } from './helpers/load';
import { allowSeveralPagesPerFile } from './helpers/several-pages';

type Page = ReturnType<typeof renderPage>;

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}

const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
const ALL_PAGES = [...app.pages, ...app.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];

/** The page's root view's classes as the page wrote them (miniprogram-simulate prefixes them with "main--"). */
function rootClasses(page: Page): string[] {
  const root = (page.dom as unknown as Element).firstElementChild;
  return (root?.className ?? '').split(/\s+/).map((name) => name.replace(/^main--/, ''));
}

beforeAll(() => allowSeveralPagesPerFile());

beforeEach(() => {
  wx.clearStorageSync();
  elderModeStore.restore(null, {});
});

describe('every page', () => {
  it.each(ALL_PAGES)('%s carries page-root, and elder while 长辈模式 is on', async (pagePath) => {
    const page = renderPage(pagePath);
    await simulate.sleep(0);
    expect(rootClasses(page)).toContain('page-root');
    expect(rootClasses(page)).not.toContain('elder');
    elderModeStore.setEnabled(true);
    await until(() => rootClasses(page).includes('elder'), `${pagePath} to turn elder`);
    elderModeStore.setEnabled(false);
    await until(() => !rootClasses(page).includes('elder'), `${pagePath} to turn back`);
    page.detach();
  });

  it.each(ALL_PAGES)('%s: every control has a name and a role a screen reader announces', async (pagePath) => {
    const page = renderPage(pagePath);
    await simulate.sleep(0);
    expect(inaccessibleControls(page)).toEqual([]);
    page.detach();
  });
});

describe('the elder-mode store', () => {
  it('turns on by itself for a large WeChat font, but not for the standard one', () => {
    expect(isLargeFont({ fontSizeSetting: 17, fontSizeScaleFactor: 1 })).toBe(false);
    expect(isLargeFont({ fontSizeSetting: 20 })).toBe(true);
    expect(isLargeFont({ fontSizeScaleFactor: 1.4 })).toBe(true);
    elderModeStore.restore(null, { fontSizeSetting: 20, fontSizeScaleFactor: 1.2 });
    expect(elderModeStore.enabled).toBe(true);
    expect(elderModeStore.autoEnabled).toBe(true);
  });

  it('remembers the citizen’s choice per account on this device, over the font setting', () => {
    elderModeStore.restore('account-a', {});
    elderModeStore.setEnabled(true);
    elderModeStore.restore('account-b', {});
    expect(elderModeStore.enabled).toBe(false);
    elderModeStore.restore('account-a', {});
    expect(elderModeStore.enabled).toBe(true);
    // A turned-off choice holds even when the font is large.
    elderModeStore.setEnabled(false);
    elderModeStore.restore('account-a', { fontSizeSetting: 24 });
    expect(elderModeStore.enabled).toBe(false);
    expect(elderModeStore.autoEnabled).toBe(false);
  });

  it('a choice made before login carries to an account that has none yet', () => {
    elderModeStore.restore(null, {});
    elderModeStore.setEnabled(true);
    elderModeStore.restore('new-account', {});
    expect(elderModeStore.enabled).toBe(true);
  });
});
