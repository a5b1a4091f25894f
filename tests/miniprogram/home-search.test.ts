/**
 * 首页 search (components/home-search): a citizen types and the results appear — services,
 * pages and settings from one index; 长辈版 found by its name or any word for it and switched
 * in one tap; English words in English; 简体 and 繁體 find each other; nothing found says so
 * and offers 12308 and the full list; WeChat search opens the page with ?q= or ?elder=1.
 */
import { SEARCH_INDEX, searchEntries, searchQueryOf } from '../../miniprogram/components/home-search/search-index';
import { SERVICES } from '../../miniprogram/domain/service-grid';
import { chooseLocale } from '../../miniprogram/locale/language';
import { en } from '../../miniprogram/locale/en';
import { zhCN } from '../../miniprogram/locale/zh-CN';
import { zhHant } from '../../miniprogram/locale/zh-Hant';
import { elderModeStore } from '../../miniprogram/stores/elder-mode-store';
import { controlsOf, inaccessibleControls } from './helpers/accessibility';
import { textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { meterSetData } from './helpers/set-data-meter';

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; querySelectorAll(selector: string): Node[]; dispatchEvent(name: string, options?: unknown): void };
type Loadable = { onLoad(query: Record<string, string>): void };

const rootClasses = (page: Page) => ((page.dom as unknown as Element).firstElementChild?.className ?? '').split(/\s+/).map((name) => name.replace(/^main--/, ''));
const search = (page: Page) => page.querySelector('.home-search') as unknown as Node;
type SearchData = { value: string; results: Array<{ id: string }> };
const searchData = (page: Page) => (search(page) as unknown as { instance: { data: SearchData } }).instance.data;
/** The result rows as a screen reader finds them (the field and its clear button left out). */
const results = (page: Page) => controlsOf(search(page) as unknown as Page).filter((control) => /t-cell/.test(control.className));
const resultIds = (page: Page) => searchData(page).results.map((row) => row.id);

/** Types key by key into the search field, as a citizen would (one input event per character). */
async function type(page: Page, text: string): Promise<void> {
  const input = search(page).querySelector('.home-search__field')!.querySelector('.t-input__keyword')!;
  for (let length = 1; length <= text.length; length++) {
    input.dispatchEvent('input', { detail: { value: text.slice(0, length) } });
    await simulate.sleep(0);
  }
}

function tapResult(page: Page, id: string): void {
  search(page).querySelector(`.search-result--${id}`)!.querySelector('.t-cell')!.dispatchEvent('tap');
}

function tapButton(page: Page, selector: string): void {
  search(page).querySelector(selector)!.querySelector('.t-button')!.dispatchEvent('tap');
}

beforeEach(() => {
  wx.clearStorageSync();
  elderModeStore.restore(null, {});
  wx.navigateTo = jest.fn();
  wx.switchTab = jest.fn();
});

afterEach(() => {
  jest.restoreAllMocks();
  chooseLocale('system');
});

describe('首页 search', () => {
  it('typing 长辈版 shows the switch with its state; one tap turns elder mode on, announced, and the page follows', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    // A large field with a name, before anything is typed.
    expect(controlsOf(page).find((control) => control.tag === 'wx-input')?.name).toBe(zhCN.search.placeholder);

    await type(page, '长辈版');
    await until(() => resultIds(page).includes('elder_mode'), 'the 长辈版 result');
    expect(resultIds(page)[0]).toBe('elder_mode');
    const elderResult = () => results(page)[0];
    expect(elderResult()).toMatchObject({ role: 'switch', name: '长辈版，未开启' });
    expect(inaccessibleControls(page)).toEqual([]);

    tapResult(page, 'elder_mode');
    await until(() => rootClasses(page).includes('elder'), 'the elder class on the page');
    expect(elderModeStore.enabled).toBe(true);
    expect(elderResult().name).toBe('长辈版，已开启');
    // The same announcement as the switch's own row.
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: zhCN.elderMode.turnedOn }));

    tapResult(page, 'elder_mode');
    await until(() => !rootClasses(page).includes('elder'), 'the elder class gone');
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: zhCN.elderMode.turnedOff }));
    page.detach();
  });

  it('a key press is one small setData on the search alone (the page sends nothing)', async () => {
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    const onPage = meterSetData(page.instance);
    const onSearch = meterSetData((search(page) as unknown as { instance: Parameters<typeof meterSetData>[0] }).instance);
    await type(page, '护照');
    await type(page, 'passport');
    expect(onPage.count).toBe(0);
    expect(onSearch.count).toBe('护照'.length + 'passport'.length);
    // Up to six rows of id, title and icon: never the index itself.
    expect(Math.max(...onSearch.calls)).toBeLessThanOrEqual(600);
    page.detach();
  });

  it.each(['长辈模式', '大字', '老人', '關懷', 'elder', 'large text', 'ELDER MODE'])('“%s” finds the 长辈版 switch (简体 page)', (query) => {
    expect(searchEntries(query, 'zh-CN').map((entry) => entry.id)).toContain('elder_mode');
  });

  it('the current language ranks first, and 简体 / 繁體 find each other', () => {
    expect(searchEntries('护照', 'zh-CN')[0].id).toBe('passport');
    expect(searchEntries('護照', 'zh-CN')[0].id).toBe('passport');
    expect(searchEntries('护照', 'zh-Hant')[0].id).toBe('passport');
    expect(searchEntries('長輩版', 'zh-Hant')[0].id).toBe('elder_mode');
    expect(searchEntries('12308', 'zh-CN')[0].id).toBe('hotline_12308');
    expect(searchEntries('１２３０８', 'en')[0].id).toBe('hotline_12308');
    expect(searchEntries('语言', 'zh-CN')[0].id).toBe('language');
    expect(searchEntries('我的证件', 'zh-CN')[0].id).toBe('documents');
    expect(searchEntries('领事认证', 'zh-CN')[0].id).toBe('legalization_check');
    expect(searchEntries('passport renew', 'en')[0].id).toBe('passport');
    expect(searchEntries('   ', 'zh-CN')).toEqual([]);
  });

  it('one index: every service tile, no keyword for an entry that does not exist, every entry named in every language', () => {
    const ids = SEARCH_INDEX.map((entry) => entry.id);
    for (const service of SERVICES) expect(ids).toContain(service.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const catalogue of [zhCN, zhHant, en]) for (const id of Object.keys(catalogue.search.keywords)) expect(ids).toContain(id);
    for (const entry of SEARCH_INDEX) for (const locale of ['zh-CN', 'zh-Hant', 'en'] as const) expect(entry.title(locale)).toBeTruthy();
  });

  it('in English, “passport” finds the passport service by its English name, and tapping it opens its form', async () => {
    chooseLocale('en');
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    await type(page, 'passport');
    await until(() => resultIds(page).includes('passport'), 'the passport result');
    expect(resultIds(page)[0]).toBe('passport');
    expect(results(page)[0]).toMatchObject({ role: 'button', name: 'Passport and travel document' });
    tapResult(page, 'passport');
    await until(() => (wx.navigateTo as jest.Mock).mock.calls.length === 1, 'the form to open');
    expect((wx.navigateTo as jest.Mock).mock.calls[0][0].url).toBe('/packages/apply/form/index?service=passport');
    page.detach();
  });

  it('a settings page goes there: 语言 opens 我的, 我的证件 its page', async () => {
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    await type(page, '语言');
    await until(() => resultIds(page)[0] === 'language', 'the 语言 result');
    tapResult(page, 'language');
    await type(page, '证件');
    await until(() => resultIds(page).includes('documents'), 'the 我的证件 result');
    tapResult(page, 'documents');
    await until(() => (wx.navigateTo as jest.Mock).mock.calls.length === 1, '我的证件');
    expect((wx.switchTab as jest.Mock).mock.calls[0][0].url).toBe('/pages/me/index');
    expect((wx.navigateTo as jest.Mock).mock.calls[0][0].url).toBe('/packages/documents/index/index');
    page.detach();
  });

  it('nothing found: says so, offers 12308 (asked first) and the full service list', async () => {
    const showModal = jest.fn();
    wx.showModal = showModal;
    const pageScrollTo = jest.fn();
    wx.pageScrollTo = pageScrollTo;
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    await type(page, 'xyzzy护照qq');
    await until(() => textOf(page).includes('没有找到与“xyzzy护照qq”相关的服务'), 'the empty state');
    expect(results(page)).toEqual([]);
    expect(textOf(page)).toContain(zhCN.search.emptyHint);
    expect(inaccessibleControls(page)).toEqual([]);

    tapButton(page, '.search-empty__hotline');
    await until(() => showModal.mock.calls.length === 1, 'the 12308 question');
    expect(showModal.mock.calls[0][0].title).toBe(zhCN.hotline.title);

    tapButton(page, '.search-empty__all');
    await until(() => pageScrollTo.mock.calls.length === 1, 'the grid brought into view');
    expect(pageScrollTo.mock.calls[0][0].selector).toBe('.section-title--services');
    expect(textOf(page)).not.toContain(zhCN.search.emptyHint);
    expect(page.querySelectorAll('.services__item')).toHaveLength(SERVICES.length);
    page.detach();
  });

  it('WeChat search opens home with ?q=长辈版 (percent-encoded or not) or ?elder=1: the search shows the switch', async () => {
    expect(searchQueryOf({ q: encodeURIComponent('长辈版') }, 'zh-CN')).toBe('长辈版');
    expect(searchQueryOf({ q: '100%' }, 'zh-CN')).toBe('100%');
    expect(searchQueryOf({ elder: '1' }, 'en')).toBe(en.elderMode.title);
    expect(searchQueryOf({}, 'zh-CN')).toBe('');

    const page = renderPage('pages/home/index');
    (page.instance as unknown as Loadable).onLoad({ q: encodeURIComponent('长辈版') });
    await until(() => resultIds(page)[0] === 'elder_mode', 'the switch found from ?q=');
    expect(searchData(page).value).toBe('长辈版');
    page.detach();

    const second = renderPage('pages/home/index');
    (second.instance as unknown as Loadable).onLoad({ elder: '1' });
    await until(() => resultIds(second)[0] === 'elder_mode', 'the switch found from ?elder=1');
    second.detach();
  });

  it('sitemap: WeChat may index home with a query (its rule names no params), never 我的', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sitemap = require('../../miniprogram/sitemap.json') as { rules: Array<{ action?: string; page: string; params?: string[] }> };
    const homeRule = sitemap.rules.find((rule) => rule.page === 'pages/home/index')!;
    expect(homeRule.action ?? 'allow').toBe('allow');
    // No params: WeChat's default "inclusive" matching then holds for any query (?q=…, ?elder=1).
    expect(homeRule.params ?? []).toEqual([]);
    expect(sitemap.rules.find((rule) => rule.page === 'pages/me/index')?.action).toBe('disallow');
  });
});
