import { SERVICES } from '../../miniprogram/domain/service-grid';
import { chooseLocale, currentLocale } from '../../miniprogram/locale/language';
import { en } from '../../miniprogram/locale/en';
import { zhCN } from '../../miniprogram/locale/zh-CN';
import { zhHant } from '../../miniprogram/locale/zh-Hant';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { NEW_YORK } from './fixtures';
import { textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

const catalogues = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en } as const;

/** No page may show a key path (e.g. "home.title") or an unfilled placeholder instead of a sentence. */
function expectNoRawKeys(text: string): void {
  expect(text).not.toMatch(/\b(home|me|orders|messages|apply|order|hotline|privacy|language)\.[a-zA-Z]+/);
  expect(text).not.toMatch(/\{\w+\}/);
  expect(text).not.toContain('undefined');
}

describe('languages', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    chooseLocale('system');
    sessionStore.setLocalMission(null);
  });

  it.each(['zh-CN', 'zh-Hant', 'en'] as const)('首页 in %s: headings, tiles and the mission card in that language, no raw keys', async (locale) => {
    chooseLocale(locale);
    const page = renderPage('pages/home/index');
    sessionStore.setLocalMission(NEW_YORK);
    await until(() => textOf(page).includes(NEW_YORK.phone), 'the mission card');
    const text = textOf(page);
    const c = catalogues[locale];
    expect(text).toContain(c.home.servicesTitle);
    expect(text).toContain(c.home.missionTitle);
    expect(text).toContain(c.home.address);
    expect(text).toContain(c.home.kind.consulate_general);
    expect(text).toContain(c.home.tiles.legalization_check);
    if (locale === 'en') {
      expect(text).toContain('Emergency Travel Document');
      expect(text).toContain('Consular protection hotline 12308');
      expect(text).not.toContain(zhCN.home.servicesTitle);
    }
    if (locale === 'zh-Hant') expect(text).toContain('護照旅行證');
    expect(page.querySelectorAll('.services__item')).toHaveLength(SERVICES.length);
    expectNoRawKeys(text);
  });

  it('follows the phone language until the citizen chooses one in 我的', () => {
    jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ language: 'zh_TW' } as WechatMiniprogram.AppBaseInfo);
    chooseLocale('system');
    expect(currentLocale()).toBe('zh-Hant');
    chooseLocale('en');
    expect(currentLocale()).toBe('en');
    // Remembered on the device.
    expect(wx.getStorageSync('language')).toBe('en');
  });

  it('我的 → 语言 switches at once: the page, its title and the tab bar; other pages on their next show', async () => {
    const tabBar = jest.spyOn(wx, 'setTabBarItem');
    const title = jest.spyOn(wx, 'setNavigationBarTitle');
    const home = renderPage('pages/home/index');
    home.triggerPageLifeTime('show');
    await simulate.sleep(0);
    expect(textOf(home)).toContain(zhCN.home.servicesTitle);

    const me = renderPage('pages/me/index');
    me.triggerPageLifeTime('show');
    const language = me.querySelector('.language')!;
    const meData = () => me.instance.data as { languageTitle: string; languageNote: string; text: { logout: string; title: string } };
    expect(meData().languageTitle).toBe(zhCN.language.title);
    // The action sheet lists: follow the phone, 简体中文, 繁體中文, English.
    jest.spyOn(wx, 'showActionSheet').mockImplementation((options) => {
      expect(options.itemList).toEqual([zhCN.language.system, '简体中文', '繁體中文', 'English']);
      options.success?.({ tapIndex: 3, errMsg: 'showActionSheet:ok' });
      return undefined as never;
    });
    language.dispatchEvent('click');
    await until(() => textOf(me).includes(en.me.login), '我的 in English');
    expect(meData()).toMatchObject({ languageTitle: en.language.title, languageNote: 'English', text: { logout: en.me.logout } });
    expect(title).toHaveBeenLastCalledWith(expect.objectContaining({ title: en.me.title }));
    expect(tabBar.mock.calls.map(([item]) => item.text)).toEqual(en.tabBar);
    expectNoRawKeys(textOf(me));

    // The home page was rendered in 简体; back on it, it speaks English.
    expect(textOf(home)).toContain(zhCN.home.servicesTitle);
    home.triggerPageLifeTime('show');
    await until(() => textOf(home).includes(en.home.servicesTitle), 'the home page in English on its next show');
    expect(title).toHaveBeenLastCalledWith(expect.objectContaining({ title: en.home.title }));
    expect(textOf(home)).not.toContain(zhCN.home.servicesTitle);
  });
});
