/**
 * Paying for an order in the mini-program, end to end against the real server and its
 * WeChat Pay sandbox: an order submitted through the api/ layer → the pay page (fee, what it
 * covers) → 去支付 → wx.requestPayment (bound here to the sandbox's /sandbox/pay/confirm, as
 * WeChat would take the citizen's money and then notify our server) → the result page shows
 * 支付确认中 until the server has the signed notification, then 已支付 and the order 待审核 —
 * with a message in 消息中心. Cancelling leaves the order payable; paying twice is refused.
 */
import { createApplication, fetchApplication, saveStep, skipFace, submitApplication, uploadDocument } from '../../miniprogram/api/applications';
import { request } from '../../miniprogram/api/request';
import { DEV_PAY_CONFIRM_STORAGE_KEY } from '../../miniprogram/config';
import { text } from '../../miniprogram/packages/pay/text';
import { emergencySteps } from '../server/applications/fixtures';
import { useChildServer } from './helpers/child-server';
import { selectMission, verifyIdentity } from '../../miniprogram/api/profile';
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { residentId } from './helpers/citizen';
import { bindWxToHttp } from './helpers/wx-http';
import { httpFetch } from './helpers/http-fetch';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer();

beforeEach(() => {
  bindWxFiles();
  wx.removeStorageSync(DEV_PAY_CONFIRM_STORAGE_KEY);
});

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> | void; onUnload?(): void };


let person = 0;

/**
 * A fresh WeChat account with a verified identity at 纽约 (as helpers/citizen.ts readyCitizen,
 * but with identity numbers distinct within this file: one applicant may hold one active order).
 */
async function readyCitizen(): Promise<void> {
  const n = 600 + ++person;
  setApiBaseUrl(server.baseUrl);
  clearSession();
  bindWxToHttp(() => server.mintLoginCode(`o_pay_${process.pid}_${n}`));
  await verifyIdentity({ name: '王强', idType: 'resident_id', idNumber: residentId(n), phone: '+12125550100' });
  sessionStore.setProfile(await selectMission('us-new-york'));
}

/** An emergency travel certificate (paid online by default), submitted through the api layer. */
async function submittedOrder(paymentMethod: 'online' | 'at_mission' = 'online'): Promise<{ id: string; orderNo: string }> {
  await readyCitizen();
  const draft = await createApplication('emergency_travel', 'us-new-york');
  for (const [step, answers] of emergencySteps()) {
    if (step === 'review') break;
    if (step === 'photo') await uploadDocument(draft.id, 'id_photo', server.images.goodPhoto);
    if (step === 'documents') await uploadDocument(draft.id, 'loss_statement', server.images.document);
    if (step === 'face') await skipFace(draft.id);
    await saveStep(draft.id, step, step === 'delivery' ? { ...answers, paymentMethod } : answers);
  }
  const submitted = await submitApplication(draft.id, { confirmNoWithdrawal: true });
  return { id: draft.id, orderNo: submitted.orderNo ?? '' };
}

async function sandbox(path: string, body: unknown) {
  const reply = await httpFetch(`${server.sandboxUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: reply.status, body: JSON.parse(reply.text) as Record<string, unknown> };
}

/**
 * wx.requestPayment as WeChat behaves: 'pay' takes the money at the sandbox (which notifies
 * our server `notifyDelayMs` later, as WeChat's notification trails the payment) and then
 * calls success; 'cancel' is the citizen closing the sheet; 'fail' is DevTools' failure.
 */
function bindRequestPayment(behaviour: 'pay' | 'cancel' | 'fail', notifyDelayMs = 1500) {
  const calls: WechatMiniprogram.RequestPaymentOption[] = [];
  wx.requestPayment = ((options: WechatMiniprogram.RequestPaymentOption) => {
    calls.push(options);
    if (behaviour === 'cancel') return void setTimeout(() => options.fail?.({ errMsg: 'requestPayment:fail cancel' }), 10);
    if (behaviour === 'fail') return void setTimeout(() => options.fail?.({ errMsg: 'requestPayment:fail invalid prepay_id' }), 10);
    const prepayId = options.package.replace(/^prepay_id=/, '');
    sandbox('/sandbox/pay/confirm', { prepayId, delayMs: notifyDelayMs }).then(
      (reply) => {
        if (reply.status !== 200) throw new Error(`sandbox confirm: ${reply.status} ${JSON.stringify(reply.body)}`);
        options.success?.({ errMsg: 'requestPayment:ok' });
      },
      (error: unknown) => options.fail?.({ errMsg: `requestPayment:fail ${String(error)}` }),
    );
  }) as typeof wx.requestPayment;
  return calls;
}

async function openPayPage(id: string): Promise<Page> {
  const page = renderPage('packages/pay/index/index');
  await (page.instance as unknown as Loadable).onLoad({ id });
  await until(() => !(page.instance.data as { loading: boolean }).loading, 'the pay page to load');
  return page;
}

const data = <T>(page: Page) => page.instance.data as T;

describe('支付', () => {
  it('fee and coverage → 去支付 → 支付确认中 → 已支付, order 待审核, a message in 消息中心; paying twice is refused', async () => {
    const { id, orderNo } = await submittedOrder();
    // WeChat's notification is held back (far beyond the test) and released below, so
    // 支付确认中 is seen however slowly this machine runs.
    const calls = bindRequestPayment('pay', 10 * 60_000);
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo as unknown as typeof wx.redirectTo;

    const page = await openPayPage(id);
    const shown = textOf(page);
    expect(shown).toContain('¥130.00');
    expect(shown).toContain('应急旅行证费');
    expect(shown).toContain('应急旅行证已缴费用不予退还'); // what it covers, and that it is not refundable
    expect(shown).toContain(orderNo);
    expect(shown).toContain('待支付');
    expect(page.querySelector('.pay')).toBeTruthy();

    // Two quick taps: one payment.
    await tapButton(page, '.pay');
    await tapButton(page, '.pay');
    expect(data<{ paying: boolean }>(page).paying).toBe(true);
    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/), paySign: expect.any(String) });
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/pay/result/index?id=${id}` });

    // The result page: 支付确认中 until WeChat's notification reaches the server, then the paid order.
    const result = renderPage('packages/pay/result/index');
    (result.instance as unknown as Loadable).onLoad({ id });
    await until(() => textOf(result).includes(text.result.confirming), '支付确认中');
    expect((await fetchApplication(id)).status).toBe('awaiting_payment'); // nothing settled by requestPayment's success alone
    // Now WeChat's notification arrives (the sandbox sends it again, at once).
    const released = await sandbox('/sandbox/pay/confirm', { prepayId: calls[0].package.replace(/^prepay_id=/, '') });
    expect(released.status).toBe(200);
    await until(() => data<{ phase: string }>(result).phase === 'paid', '已支付', 20_000);
    const paidText = textOf(result);
    expect(paidText).toContain(text.result.paid);
    expect(paidText).toContain('已支付');
    expect(paidText).toContain('待审核');
    expect(paidText).toContain('¥130.00');
    expect(paidText).toContain(orderNo);

    const order = await fetchApplication(id);
    expect(order).toMatchObject({ status: 'submitted', statusLabel: '待审核', payment: { state: 'paid', paidVia: 'wechat' } });
    const inbox = await request<{ messages: Array<{ applicationId?: string; status: string; title: string }> }>('/api/messages');
    expect(inbox.messages).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'submitted', title: expect.stringContaining('支付成功') })]));

    // Back on the pay page: no 去支付 any more; the server refuses a second payment anyway.
    const again = await openPayPage(id);
    expect(again.querySelector('.pay')).toBeFalsy();
    expect(textOf(again)).toContain(text.viewResult);
    const second = await request(`/api/applications/${id}/pay`, { method: 'POST', body: {} }).catch((error: { status: number; code: string }) => error);
    expect(second).toMatchObject({ status: 409, code: 'ALREADY_PAID' });
    (result.instance as unknown as Loadable).onUnload?.();
  });

  it('a cancelled payment leaves the order payable, and paying afterwards works', async () => {
    const { id } = await submittedOrder();
    bindRequestPayment('cancel');
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo as unknown as typeof wx.redirectTo;

    const page = await openPayPage(id);
    await tapButton(page, '.pay');
    await until(() => data<{ notice: string }>(page).notice !== '', 'the cancel notice');
    expect(textOf(page)).toContain(text.cancelled);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(data<{ paying: boolean; payable: boolean }>(page)).toMatchObject({ paying: false, payable: true });
    const order = await fetchApplication(id);
    expect(order).toMatchObject({ status: 'awaiting_payment', payment: { state: 'unpaid' } });

    // Changed their mind: the same button pays (the prepay is reused).
    const calls = bindRequestPayment('pay', 0);
    await tapButton(page, '.pay');
    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    expect(calls).toHaveLength(1);
    const result = renderPage('packages/pay/result/index');
    (result.instance as unknown as Loadable).onLoad({ id });
    await until(() => data<{ phase: string }>(result).phase === 'paid', '已支付');
    expect((await fetchApplication(id)).status).toBe('submitted');
  });

  it('failed payment: development builds let the sandbox pay (dev route); otherwise the order stays payable', async () => {
    const { id } = await submittedOrder();
    bindRequestPayment('fail');
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo as unknown as typeof wx.redirectTo;

    // The dev confirm switched off (as in 体验版/正式版): a plain failure.
    wx.setStorageSync(DEV_PAY_CONFIRM_STORAGE_KEY, false);
    const page = await openPayPage(id);
    await tapButton(page, '.pay');
    await until(() => data<{ notice: string }>(page).notice !== '', 'the failure notice');
    expect(textOf(page)).toContain(text.failed);
    expect((await fetchApplication(id)).status).toBe('awaiting_payment');

    // 开发版 (DevTools): the server's development route has the sandbox pay and notify.
    wx.setStorageSync(DEV_PAY_CONFIRM_STORAGE_KEY, true);
    await tapButton(page, '.pay');
    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    expect((await fetchApplication(id)).payment).toMatchObject({ state: 'paid', paidVia: 'wechat' });
  });

  it('到馆缴费: the fee and the counter instructions, no 去支付', async () => {
    const { id } = await submittedOrder('at_mission');
    const page = await openPayPage(id);
    const shown = textOf(page);
    expect(shown).toContain('¥130.00');
    expect(shown).toContain('待到馆缴费');
    expect(shown).toContain(text.atMission.title);
    expect(shown).toContain(text.atMission.steps[1]);
    expect(page.querySelector('.pay')).toBeFalsy();
  });

  it('the apply result page offers 去支付 while the order awaits payment', async () => {
    const { id } = await submittedOrder();
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo as unknown as typeof wx.navigateTo;
    const page = renderPage('packages/apply/result/index');
    await (page.instance as unknown as Loadable).onLoad({ id });
    await until(() => textOf(page).includes('去支付'), 'the result page');
    expect(page.querySelector('.pay')).toBeTruthy();
    // (TDesign's button was registered by an earlier page of this file, so call its tap handler.)
    (page.instance as unknown as { goPay(): void }).goPay();
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/pay/index/index?id=${id}` });
  });
});
