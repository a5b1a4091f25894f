/** 在线翻译: works from the package's own data (no request at all), search, and show-to-someone mode. */
import { sessionStore } from '../../miniprogram/stores/session-store';
import { NEW_YORK } from './fixtures';
import { textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

const PAGE = 'packages/info/phrasebook/index';
type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };

const MONTREAL = { ...NEW_YORK, id: 'ca-montreal', countryCode: 'CA', countryZh: '加拿大', nameEn: 'Consulate General of the PRC in Montreal', addressEn: '2100 Ste-Catherine St W, Montreal' };

let request: jest.Mock;
let keepScreenOn: jest.Mock;
let setBrightness: jest.Mock;

beforeEach(() => {
  request = jest.fn();
  wx.request = request as unknown as typeof wx.request;
  keepScreenOn = jest.fn();
  setBrightness = jest.fn();
  wx.setKeepScreenOn = keepScreenOn as unknown as typeof wx.setKeepScreenOn;
  wx.setScreenBrightness = setBrightness as unknown as typeof wx.setScreenBrightness;
  wx.getScreenBrightness = ((options: { success?: (res: { value: number }) => void }) => options.success?.({ value: 0.4 })) as unknown as typeof wx.getScreenBrightness;
});

afterEach(() => {
  sessionStore.setLocalMission(null);
});

async function openPage(): Promise<Page> {
  const page = renderPage(PAGE);
  (page.instance as unknown as { onLoad(): void }).onLoad();
  await simulate.sleep(0);
  return page;
}

async function search(page: Page, value: string) {
  const input = (page.querySelector('.phrase-search') as unknown as Node).querySelector('.t-input__keyword')!;
  input.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(0);
}

describe('在线翻译', () => {
  it('lists phrases in Chinese and English offline, and filters by category', async () => {
    const page = await openPage();
    expect(textOf(page)).toContain('我的护照丢了。');
    expect(textOf(page)).toContain('I have lost my passport.');
    expect(textOf(page)).not.toContain('Français');

    const tabs = page.querySelectorAll('.category') as unknown as Array<Node & { dom: HTMLElement }>;
    const hospital = tabs.find((tab) => tab.dom.textContent === '看病就医')!;
    hospital.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(textOf(page)).toContain('请送我去医院。');
    expect(textOf(page)).not.toContain('我的护照丢了。');
    expect(request).not.toHaveBeenCalled();
  });

  it('finds phrases by Chinese, by English and by keyword', async () => {
    const page = await openPage();
    await search(page, '护照');
    expect(textOf(page)).toContain('我的护照丢了。');
    expect(textOf(page)).not.toContain('救命！');

    await search(page, 'ambulance');
    expect(textOf(page)).toContain('请叫救护车。');
    expect(textOf(page)).not.toContain('我的护照丢了。');

    await search(page, '车祸');
    expect(textOf(page)).toContain('发生了交通事故。');

    await search(page, 'xyzzy');
    expect(textOf(page)).toContain('没有找到相关句子');
  });

  it('shows French beside English for a mission in Canada', async () => {
    sessionStore.setLocalMission(MONTREAL);
    const page = await openPage();
    await search(page, 'hopital');
    expect(textOf(page)).toContain("Emmenez-moi à l'hôpital, s'il vous plaît.");
    expect(textOf(page)).toContain('Please take me to a hospital.');
  });

  it('shows a phrase full screen with the mission address, keeps the screen on, and gives it back', async () => {
    sessionStore.setLocalMission(MONTREAL);
    const page = await openPage();
    await search(page, '大使馆');
    (page.querySelector('.phrase') as unknown as Node).dispatchEvent('tap');
    await simulate.sleep(0);

    const shown = page.querySelector('.show-mode') as unknown as (Node & { dom: HTMLElement }) | undefined;
    expect(shown).toBeTruthy();
    const text = shown!.dom.textContent ?? '';
    expect(text).toContain('Please take me to the Embassy (Consulate General)');
    expect(text).toContain('请带我去中华人民共和国大使馆');
    expect(text).toContain(MONTREAL.addressEn);
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: true });
    expect(setBrightness).toHaveBeenLastCalledWith({ value: 1 });

    shown!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(page.querySelector('.show-mode')).toBeFalsy();
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
    expect(setBrightness).toHaveBeenLastCalledWith({ value: 0.4 });
  });
});
