/**
 * 领事资讯 against the real server (a child process, see helpers/info-server.ts): an alert
 * issued through the console API appears on the home page and opens in full; news written
 * and published through the console API lists pinned first, renders its blocks natively,
 * and stays readable offline from the saved copy.
 */
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { parseArticleMarkup } from '../../miniprogram/domain/article-blocks';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { NEW_YORK } from './fixtures';
import { sharedAlerts } from '../../miniprogram/api/info';
import { textOf, until } from './helpers/interact';
import { startInfoServer, InfoServer } from './helpers/info-server';
import { renderPage, simulate } from './helpers/load';
import { bindWxToHttp } from './helpers/wx-http';

/** The seeded New York consulate (the alert country is the mission's: US). */
const MISSION = { ...NEW_YORK, id: 'us-new-york' };

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> | void };

let server: InfoServer;
const ids: Record<string, string> = {};

async function waitForText(page: Page, text: string): Promise<string> {
  await until(() => textOf(page).includes(text), text);
  return textOf(page);
}

async function openPage(path: string, query: Record<string, string> = {}): Promise<Page> {
  const page = renderPage(path);
  await (page.instance as unknown as Loadable).onLoad(query);
  await simulate.sleep(0);
  return page;
}

beforeAll(async () => {
  server = await startInfoServer();
  const mild = await server.console<{ id: string }>('POST', '/api/console/info/alerts', {
    level: 'take_care',
    title: '夏季山火季节，请注意户外安全',
    body: '请关注当地消防部门发布的信息。',
  });
  const severe = await server.console<{ id: string }>('POST', '/api/console/info/alerts', {
    level: 'caution',
    title: '近期纽约地区枪击案件多发，请谨慎前往',
    body: '近期纽约市多个街区发生枪击案件。\n如遇紧急情况，请拨打911报警，并联系驻纽约总领馆。',
  });
  expect([mild.status, severe.status]).toEqual([201, 201]);
  ids.alert = severe.data.id;

  const markup = '# 办理须知\n请提前**在线预约**，携带以下材料：\n\n- 护照原件\n- 近期证件照\n\n![领馆外景](https://example.org/consulate.jpg)';
  const article = await server.console<{ id: string }>('POST', '/api/console/info/news', {
    title: '关于护照换发的通知',
    body: parseArticleMarkup(markup),
  });
  const pinned = await server.console<{ id: string }>('POST', '/api/console/info/news', {
    title: '春节期间对外办公安排',
    body: parseArticleMarkup('春节期间暂停对外办公。'),
    pinned: true,
  });
  for (const id of [pinned.data.id, article.data.id]) {
    expect((await server.console('POST', `/api/console/info/news/${id}/publish`, {})).status).toBe(200);
  }
  ids.article = article.data.id;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  setApiBaseUrl(server.baseUrl);
  clearSession();
  bindWxToHttp(() => Promise.reject(new Error('consular information needs no login')));
});

afterEach(() => {
  sessionStore.setLocalMission(null);
});

describe('home page alert banner', () => {
  it('shows the most severe alert for the mission country, level in words, and opens it', async () => {
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo as unknown as typeof wx.navigateTo;
    const page = renderPage('pages/home/index');
    expect(page.querySelector('.alert-banner .alert-banner')).toBeFalsy();

    sessionStore.setLocalMission(MISSION);
    const text = await waitForText(page, '近期纽约地区枪击案件多发');
    expect(text).toContain('谨慎前往');
    expect(text).toContain('美国安全提醒');
    expect(text).not.toContain('夏季山火季节');

    const banner = page.querySelector('.alert-banner') as unknown as { querySelector(s: string): { dispatchEvent(e: string): void } };
    banner.querySelector('.alert-banner').dispatchEvent('tap');
    await until(() => navigateTo.mock.calls.length > 0, 'the tap');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/info/alert/index?id=${ids.alert}&country=US` });
  });

  it('shows nothing for a country without alerts', async () => {
    const page = renderPage('pages/home/index');
    sessionStore.setLocalMission({ ...MISSION, id: 'gb-london', countryCode: 'GB', countryZh: '英国' });
    // The page's own request: the banner shares it (sharedAlerts), so its answer has landed once this has.
    await until(() => (page.instance.data as { mission: { countryCode: string } | null }).mission?.countryCode === 'GB', 'the mission binding');
    expect(await sharedAlerts('GB')).toEqual([]);
    expect(textOf(page)).not.toContain('安全提醒');
  });

  it('the alert page shows the level, dates and whole text', async () => {
    const page = await openPage('packages/info/alert/index', { id: ids.alert, country: 'US' });
    const text = await waitForText(page, '近期纽约市多个街区发生枪击案件');
    expect(text).toContain('谨慎前往');
    expect(text).toContain('生效时间');
    expect(text).toContain('另行通知');
    expect(text).toContain('如遇紧急情况，请拨打911报警');
  });
});

describe('news', () => {
  it('lists the mission’s news pinned first, renders an article natively, and reads offline', async () => {
    sessionStore.setLocalMission(MISSION);
    let page = await openPage('packages/info/news/index');
    let text = await waitForText(page, '关于护照换发的通知');
    expect(text.indexOf('春节期间对外办公安排')).toBeLessThan(text.indexOf('关于护照换发的通知'));
    expect(text).toContain('置顶');

    const article = await openPage('packages/info/article/index', { id: ids.article });
    text = await waitForText(article, '办理须知');
    expect(text).toContain('在线预约');
    expect(text).toContain('护照原件');
    expect(article.querySelector('rich-text')).toBeFalsy();
    // Blocks are WXML nodes of their own: the bold span is a node, the image an <image>.
    const body = article.querySelector('.article-content') as unknown as { querySelector(s: string): { dom: HTMLElement } | undefined };
    expect(body.querySelector('.article__bold')?.dom.textContent).toBe('在线预约');
    expect(body.querySelector('.article__image')).toBeTruthy();

    // No network: the last copy, marked as such.
    wx.request = ((options: WechatMiniprogram.RequestOption) => {
      setTimeout(() => options.fail?.({ errMsg: 'request:fail', errno: 0 } as WechatMiniprogram.RequestFailCallbackErr));
    }) as unknown as typeof wx.request;
    // (The note is checked in the page's data: miniprogram-simulate does not render the
    // offline-note component in a page a test file opens a second time.)
    const offlineNote = (p: Page) => (p.instance.data as { offlineNote: string }).offlineNote;
    page = await openPage('packages/info/news/index');
    await until(() => offlineNote(page).startsWith('离线内容，更新于'), 'the offline note');
    expect(textOf(page)).toContain('关于护照换发的通知');
    const offlineArticle = await openPage('packages/info/article/index', { id: ids.article });
    await until(() => offlineNote(offlineArticle).startsWith('离线内容，更新于'), 'the article’s offline note');
    expect(textOf(offlineArticle)).toContain('办理须知');
  });

  it('asks for a mission when none is chosen', async () => {
    const page = await openPage('packages/info/news/index');
    expect(textOf(page)).toContain('选择使领馆');
  });
});
