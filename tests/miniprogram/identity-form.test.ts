import { messages } from '../../miniprogram/domain/messages';
import { t } from '../../miniprogram/packages/identity/text';
import { fillInput, tapButton, textOf, typeKeys, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { meterSetData } from './helpers/set-data-meter';

const FORM = 'packages/identity/form/index';

describe('实名认证 form', () => {
  it('shows the checksum message when a resident ID number fails its check character', async () => {
    const page = renderPage(FORM);
    await fillInput(page, '.field--id-number', '110105194912310021');
    expect(textOf(page)).toContain(messages.residentIdChecksum);
  });

  it('clears the message once the number is corrected', async () => {
    const page = renderPage(FORM);
    await fillInput(page, '.field--id-number', '110105194912310021');
    await fillInput(page, '.field--id-number', '11010519491231002X');
    expect(textOf(page)).not.toContain(messages.residentIdChecksum);
  });

  it('sends one setData of at most 200 bytes per key press, even while a message shows', async () => {
    const page = renderPage(FORM);
    await fillInput(page, '.field--id-number', '110105194912310021'); // a message now shows
    const meter = meterSetData(page.instance);
    await typeKeys(page, '.field--name', '王小明');
    await typeKeys(page, '.field--id-number', '11010519491231002X');
    expect(meter.count).toBe(3 + 18);
    expect(Math.max(...meter.calls)).toBeLessThanOrEqual(200);
    expect(textOf(page)).not.toContain(messages.residentIdChecksum); // cleared as soon as it was right
  });

  it('accepts a foreign mobile number in E.164', async () => {
    const page = renderPage(FORM);
    await fillInput(page, '.field--phone', '+1 212 555 0100');
    expect(textOf(page)).not.toContain(messages.phoneInvalid);
    expect(textOf(page)).not.toContain(messages.contactRequired);
  });

  it('rejects a malformed phone number with the validator message', async () => {
    const page = renderPage(FORM);
    await fillInput(page, '.field--phone', '12345');
    expect(textOf(page)).toContain(messages.phoneInvalid);
  });

  it('on submit shows every field message without calling the server', async () => {
    const request = jest.fn();
    wx.request = request;
    const page = renderPage(FORM);
    await tapButton(page, '.submit');
    const text = textOf(page);
    expect(text).toContain(messages.nameRequired);
    expect(text).toContain(messages.idNumberRequired);
    expect(text).toContain(messages.contactRequired);
    expect(request).not.toHaveBeenCalled();
  });

  describe('server answers', () => {
    /** A stand-in server for the identity call; the real one is in api-against-server.test.ts. */
    function serverAnswers(status: number, data: unknown): jest.Mock {
      const request = jest.fn((options: WechatMiniprogram.RequestOption) => {
        const body = options.url.endsWith('/api/auth/login')
          ? { status: 200, data: { token: 'tok', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'u1', identity: null, mission: null } } }
          : { status, data };
        setTimeout(() => options.success?.({ statusCode: body.status, data: body.data } as WechatMiniprogram.RequestSuccessCallbackResult));
      });
      wx.request = request as unknown as typeof wx.request;
      return request;
    }

    async function submitValidForm() {
      const page = renderPage(FORM);
      await fillInput(page, '.field--name', '张三');
      await fillInput(page, '.field--id-number', '11010519491231002X');
      await fillInput(page, '.field--phone', '+44 20 7946 0958');
      await tapButton(page, '.submit');
      await until(() => !(page.instance.data as { submitting: boolean }).submitting, 'the server’s answer');
      return page;
    }

    it('sends the foreign phone in E.164 and shows a 409 IDENTITY_TAKEN as one clear sentence', async () => {
      const request = serverAnswers(409, { error: { code: 'IDENTITY_TAKEN', message: 'taken' } });
      const page = await submitValidForm();
      const identityCall = request.mock.calls.map(([options]) => options).find((o) => o.url.endsWith('/api/me/identity'));
      expect(identityCall?.data).toEqual({ name: '张三', idType: 'resident_id', idNumber: '11010519491231002X', phone: '+442079460958' });
      expect(textOf(page)).toContain(t.identity.taken);
    });

    it('shows a 400 field message beside its field', async () => {
      serverAnswers(400, { error: { code: 'VALIDATION_FAILED', message: 'invalid', fields: { idNumber: messages.residentIdArea } } });
      const page = await submitValidForm();
      expect(textOf(page)).toContain(messages.residentIdArea);
      expect(textOf(page)).toContain(t.identity.fixErrors);
    });
  });
});
