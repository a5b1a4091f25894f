import { until } from './helpers/interact';
import { HOTLINE } from '../../miniprogram/domain/hotline';
import { renderPage, simulate } from './helpers/load';

type Node = { querySelector(selector: string): Node; dispatchEvent(name: string): void };

/** TDesign components are virtual hosts: the tap lands on their inner view. */
function tapService(page: ReturnType<typeof renderPage>, index: number): void {
  const items = page.querySelectorAll('.services__item') as unknown as Node[];
  items[index].querySelector('.t-grid-item').dispatchEvent('tap');
}

describe('首页 service grid', () => {
  it('护照旅行证, 应急旅行证 and 养老金资格认证 open the one step-form page with their service', async () => {
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo;
    const page = renderPage('pages/home/index');
    tapService(page, 0);
    tapService(page, 1);
    tapService(page, 2);
    await simulate.sleep(10);
    expect(navigateTo.mock.calls.map(([options]) => options.url)).toEqual([
      '/packages/apply/form/index?service=passport',
      '/packages/apply/form/index?service=emergency_travel',
      '/packages/apply/form/index?service=pension',
    ]);
    expect(page.dom!.textContent).not.toContain('即将开放');
  });

  it('12308 asks first, shows the backup number, then dials the hotline', async () => {
    const makePhoneCall = jest.fn();
    wx.makePhoneCall = makePhoneCall;
    const showModal = jest.fn();
    wx.showModal = showModal;
    const page = renderPage('pages/home/index');
    tapService(page, 5);
    await until(() => showModal.mock.calls.length === 1, 'the 12308 question');
    const [question] = showModal.mock.calls[0] as [WechatMiniprogram.ShowModalOption];
    expect(question.content).toContain(HOTLINE.backup);
    // WeChat cuts a confirm button's text after 4 characters.
    expect(question.confirmText!.length).toBeLessThanOrEqual(4);
    expect(makePhoneCall).not.toHaveBeenCalled();

    question.success!({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    expect(makePhoneCall).not.toHaveBeenCalled();
    question.success!({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '+861012308' });
  });
});
