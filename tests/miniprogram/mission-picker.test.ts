import type { Mission } from '../../miniprogram/domain/api-types';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { NEW_YORK } from './fixtures';
import { textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

const PARIS: Mission = {
  ...NEW_YORK,
  id: 'fr-paris',
  kind: 'embassy',
  nameZh: '中华人民共和国驻法国大使馆',
  nameEn: 'Embassy of the PRC in France',
  countryCode: 'FR',
  countryZh: '法国',
  cityZh: '巴黎',
  cityEn: 'Paris',
  timezone: 'Europe/Paris',
  districtZh: ['法兰西岛大区'],
};

type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };

describe('选择使领馆', () => {
  beforeEach(() => {
    // The public mission list; no login involved.
    wx.request = ((options: WechatMiniprogram.RequestOption) => {
      setTimeout(() => options.success?.({ statusCode: 200, data: { missions: [NEW_YORK, PARIS] } } as unknown as WechatMiniprogram.RequestSuccessCallbackResult));
    }) as unknown as typeof wx.request;
  });

  async function openPicker() {
    const page = renderPage('packages/mission/picker/index');
    await (page.instance as unknown as { onLoad(): Promise<void> }).onLoad();
    await simulate.sleep(0);
    return page;
  }

  it('lists missions and filters them by the city the citizen types', async () => {
    const page = await openPicker();
    expect(textOf(page)).toContain(NEW_YORK.nameZh);
    expect(textOf(page)).toContain(PARIS.nameZh);

    const input = (page.querySelector('.mission-search') as unknown as Node).querySelector('.t-input__keyword')!;
    input.dispatchEvent('input', { detail: { value: '巴黎' } });
    await simulate.sleep(0);
    expect(textOf(page)).toContain(PARIS.nameZh);
    expect(textOf(page)).not.toContain(NEW_YORK.nameZh);
  });

  it('choosing a mission while logged out keeps it on the device', async () => {
    wx.navigateBack = jest.fn() as unknown as typeof wx.navigateBack;
    const page = await openPicker();
    const rows = page.querySelectorAll('.mission') as unknown as Node[];
    rows[0].querySelector('.t-cell')!.dispatchEvent('tap');
    await simulate.sleep(10);
    expect(sessionStore.mission?.id).toBe(NEW_YORK.id);
    expect(wx.getStorageSync('chosenMission')).toMatchObject({ id: NEW_YORK.id });
    expect(textOf(page)).toContain(`已选择${NEW_YORK.nameZh}`);
  });
});
