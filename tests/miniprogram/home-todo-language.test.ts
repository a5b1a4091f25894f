/**
 * 需要您处理 after a language switch in 我的: back on 首页 the card speaks the new language on
 * that show — its rows' own words (the action, the dates) come from the catalogue, so they
 * must not wait for the next list from the server, nor stay behind when that list cannot come.
 * (The status and next-step texts inside a row are the server's, in the caller's language
 * once the server renders them so — not asserted here.)
 */
import { createApplication } from '../../miniprogram/api/applications';
import { chooseLocale } from '../../miniprogram/locale/language';
import { en } from '../../miniprogram/locale/en';
import { zhCN } from '../../miniprogram/locale/zh-CN';
import { zhHant } from '../../miniprogram/locale/zh-Hant';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';

const server = useChildServer();

type Page = ReturnType<typeof renderPage>;
type Row = { id: string; todoLabel: string };
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
const todoRows = (page: Page) => (page.instance.data as { todoRows: Row[] }).todoRows;

/** The phone loses its network: wx.request fails as WeChat reports it. */
function goOffline(): () => void {
  const realRequest = wx.request;
  wx.request = ((options: WechatMiniprogram.RequestOption) => {
    setTimeout(() => options.fail?.({ errMsg: 'request:fail timeout', errno: 5 } as WechatMiniprogram.RequestFailCallbackErr));
    return { abort() {} } as WechatMiniprogram.RequestTask;
  }) as typeof wx.request;
  return () => {
    wx.request = realRequest;
  };
}

beforeEach(() => {
  wx.navigateTo = jest.fn();
  wx.setTabBarBadge = jest.fn();
  wx.removeTabBarBadge = jest.fn();
});

afterEach(() => {
  jest.restoreAllMocks();
  chooseLocale('system');
});

describe('首页 需要您处理 after 我的 → 语言', () => {
  it('switches to English on the next show, even when the list cannot be refreshed; then to 繁體 with the network back', async () => {
    await readyCitizen(server, '孙丽');
    const draft = await createApplication('passport', 'us-new-york');
    const home = renderPage('pages/home/index');
    show(home);
    await until(() => todoRows(home).some((row) => row.id === draft.id && row.todoLabel === zhCN.orders.todo.continue), 'the draft on the card in 简体');
    expect(textOf(home)).toContain(zhCN.home.todoTitle);

    // 我的 → 语言 → English while home is hidden (what that switch calls: languages.test.ts taps it).
    chooseLocale('en');

    // Back on home with no network: the card is in English at once, not left in 简体.
    const online = goOffline();
    show(home);
    await until(() => todoRows(home).some((row) => row.id === draft.id && row.todoLabel === en.orders.todo.continue), 'the card in English');
    expect(textOf(home)).toContain(en.home.todoTitle);
    expect(textOf(home)).toContain(en.orders.todo.continue);
    await until(() => (home.instance.data as { refreshFailed: boolean }).refreshFailed, 'the network banner');
    online();

    // Another switch, with the network: the card follows again and the list comes back from the server.
    chooseLocale('zh-Hant');
    show(home);
    await until(() => todoRows(home).some((row) => row.id === draft.id && row.todoLabel === zhHant.orders.todo.continue), 'the card in 繁體');
    await until(() => !(home.instance.data as { refreshFailed: boolean }).refreshFailed, 'the list refreshed');
    expect(textOf(home)).toContain(zhHant.home.todoTitle);
    expect(textOf(home)).toContain(zhHant.orders.todo.continue);
    home.detach();
  });
});
