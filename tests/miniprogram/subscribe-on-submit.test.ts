/**
 * Subscription messages on submission, against the real server (child process): the
 * submit tap itself calls wx.requestSubscribeMessage with the server's template id (WeChat
 * only allows it from a tap), the choice is recorded with POST /api/subscriptions before the
 * order is submitted, and the status change then reaches WeChat (the sandbox records it).
 * A refused or failed request never stops the submission.
 */
import { fetchApplication } from '../../miniprogram/api/applications';
import { prefetchSubscriptionTemplates } from '../../miniprogram/api/messages';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { httpFetch } from './helpers/http-fetch';
import { tapButton } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { emergencyUpToReview, until } from './helpers/orders';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer();

type Page = ReturnType<typeof renderPage>;
type Instance = WechatMiniprogram.Component.TrivialInstance;

/** The emergency application on its review step, confirmation ticked, 提交申请 tapped: the no-withdrawal dialog is open. */
async function atSubmitDialog(): Promise<{ page: Page; id: string; requests: Array<{ method: string; url: string }> }> {
  bindWxFiles();
  const { counters } = await readyCitizen(server, '王强');
  const id = await emergencyUpToReview(server.images, { paymentMethod: 'at_mission' });
  const page = renderPage('packages/apply/form/index');
  await (page.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({ service: 'emergency_travel' });
  await prefetchSubscriptionTemplates();
  await simulate.sleep(0);
  expect((page.instance.data as { step: { id: string } }).step.id).toBe('review');
  (page.instance.selectComponent('.field--confirmNoWithdrawal') as Instance).triggerEvent('change', { checked: true });
  await simulate.sleep(0);
  await tapButton(page, '.next');
  expect((page.instance.data as { confirmVisible: boolean }).confirmVisible).toBe(true);
  return { page, id, requests: counters.requests };
}

const index = (requests: Array<{ method: string; url: string }>, method: string, suffix: string) =>
  requests.findIndex((r) => r.method === method && r.url.endsWith(suffix));

describe('订阅消息 on 提交申请', () => {
  it('the submit tap asks for the status template, records the choice, then submits; the status change is sent', async () => {
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo;
    const requestSubscribeMessage = jest.fn((options: WechatMiniprogram.RequestSubscribeMessageOption) => {
      // The citizen decides a moment later.
      setTimeout(() => options.success?.({ errMsg: 'requestSubscribeMessage:ok', [options.tmplIds[0]]: 'accept' }), 30);
    });
    wx.requestSubscribeMessage = requestSubscribeMessage as unknown as typeof wx.requestSubscribeMessage;

    const { page, id, requests } = await atSubmitDialog();
    // Opening the dialog was not the submit tap yet.
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    // The confirm tap: asked synchronously, inside the tap, before anything async.
    (page.instance.selectComponent('.no-withdraw-dialog') as Instance).triggerEvent('confirm');
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-order-status']);

    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    const subscribed = index(requests, 'POST', '/api/subscriptions');
    const submitted = index(requests, 'POST', `/api/applications/${id}/submit`);
    expect(subscribed).toBeGreaterThanOrEqual(0);
    expect(submitted).toBeGreaterThan(subscribed);
    const order = await fetchApplication(id);
    expect(order.status).toBe('submitted');

    // The job queue spends the accepted grant on the 待审核 message (the sandbox records it).
    let sent: Array<{ template_id: string; data: Record<string, { value: string }> }> = [];
    await until(
      () => {
        void httpFetch(`${server.sandboxUrl}/sandbox/subscribe-messages`).then((reply) => {
          sent = (JSON.parse(reply.text) as { messages: typeof sent }).messages.filter((m) => m.data.character_string1?.value === order.orderNo);
        });
        return sent.length > 0;
      },
      'the subscription message',
      15_000,
    );
    expect(sent[0]).toMatchObject({ template_id: 'sandbox-order-status', data: { phrase3: { value: '待审核' } } });
  });

  it('a refused or failed subscription request does not stop the submission', async () => {
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo;
    const requestSubscribeMessage = jest.fn((options: WechatMiniprogram.RequestSubscribeMessageOption) =>
      options.fail?.({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20001 }),
    );
    wx.requestSubscribeMessage = requestSubscribeMessage as unknown as typeof wx.requestSubscribeMessage;

    const { page, id, requests } = await atSubmitDialog();
    (page.instance.selectComponent('.no-withdraw-dialog') as Instance).triggerEvent('confirm');
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await until(() => redirectTo.mock.calls.length > 0, 'the result page');
    expect(index(requests, 'POST', '/api/subscriptions')).toBe(-1);
    expect((await fetchApplication(id)).status).toBe('submitted');
  });
});
