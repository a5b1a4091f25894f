import { SERVICES } from '../../miniprogram/domain/service-grid';
import { t } from '../../miniprogram/locale/text';
import { AGREE_BUTTON_ID, installPrivacyHandler } from '../../miniprogram/utils/privacy';
import { textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };

describe('privacy popup', () => {
  let needAuthorization: PrivacyAuthorizationListener;

  beforeAll(() => {
    wx.onNeedPrivacyAuthorization = ((listener: PrivacyAuthorizationListener) => {
      needAuthorization = listener;
    }) as unknown as typeof wx.onNeedPrivacyAuthorization;
    installPrivacyHandler();
  });

  function popupVisible(page: ReturnType<typeof renderPage>): boolean {
    return textOf(page).includes(t.privacy.content);
  }

  function tapPrivacyButton(page: ReturnType<typeof renderPage>, index: number, event = 'tap') {
    const popup = page.querySelector('.privacy-popup') as unknown as Node;
    const buttons = (popup as unknown as { querySelectorAll(s: string): Node[] }).querySelectorAll('.privacy__action');
    buttons[index].querySelector('.t-button')!.dispatchEvent(event);
  }

  it('opens when WeChat asks, and agreeing answers with the agree button id', async () => {
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    expect(popupVisible(page)).toBe(false);

    const resolve = jest.fn();
    needAuthorization(resolve, { referrer: 'wx.chooseMedia' });
    await simulate.sleep(0);
    expect(popupVisible(page)).toBe(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

    tapPrivacyButton(page, 1, 'agreeprivacyauthorization');
    await simulate.sleep(0);
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  });

  it('refusing closes the popup and the public page stays usable', async () => {
    const page = renderPage('pages/home/index');
    const resolve = jest.fn();
    needAuthorization(resolve, { referrer: 'wx.chooseMedia' });
    await simulate.sleep(0);
    tapPrivacyButton(page, 0);
    await simulate.sleep(400); // the popup's leave transition
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(popupVisible(page)).toBe(false);
    for (const service of SERVICES) expect(textOf(page)).toContain(service.nameZh);
  });
});
