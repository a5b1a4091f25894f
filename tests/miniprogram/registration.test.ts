/**
 * 海外公民登记 pages against the real server (child process): the declaration first, the
 * privacy statement before the form, per-field messages from the shared validator (and the
 * server's 400 shown the same way), a registration saved, the certificate's QR code drawn on
 * the canvas — decoded again by an independent reader — and saved to the album after the
 * permission prompt, 更新登记 with the stored values, and the 我平安 / 需要帮助 answer page
 * for an alert staff published for the citizen's region.
 */
import QrCodeReader from 'qrcode-reader';
import { messages as domainMessages } from '../../miniprogram/domain/messages';
import { registrationDeclaration, registrationMessages as rm, registrationPrivacy } from '../../miniprogram/domain/registration-messages';
import { fetchRegistrations } from '../../miniprogram/packages/registration/api';
import { text } from '../../miniprogram/packages/registration/text';
import { readyCitizen } from './helpers/citizen';
import { fillInput, tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { signInStaff } from './helpers/staff';
import { serverWithReviewer } from './helpers/staff-server';
import { bindWxFiles } from './helpers/wx-files';

const env = serverWithReviewer();

type Page = ReturnType<typeof renderPage>;
type Instance = Record<string, any>;
const instanceOf = (page: Page) => page.instance as unknown as Instance;

async function openForm(query: Record<string, string> = {}): Promise<Page> {
  const page = renderPage('packages/registration/form/index');
  await instanceOf(page).onLoad(query);
  await simulate.sleep(0);
  return page;
}

async function pick(page: Page, field: string, value: string): Promise<void> {
  instanceOf(page).setData({ 'picker.field': field });
  await instanceOf(page).onPick({ detail: { value: [value] } });
  await simulate.sleep(0);
}

/** A new citizen's form, past the declaration, filled in completely for `region` (New York's district). */
async function filledForm(region: string): Promise<Page> {
  await readyCitizen(env.server, '陈静');
  const page = await openForm();
  await tapButton(page, '.start');
  await pick(page, 'relation', 'self');
  await pick(page, 'idType', 'passport');
  await pick(page, 'countryCode', 'US');
  await pick(page, 'region', region);
  await pick(page, 'purpose', 'worker');
  for (const [selector, value] of FIELDS) await fillInput(page, selector, value);
  return page;
}

const FIELDS: Array<[string, string]> = [
  ['.field--name', '陈静'],
  ['.field--id-number', 'E55512345'],
  ['.field--birth-date', '1992-04-05'],
  ['.field--phone', '+1 917 555 0133'],
  ['.field--city', 'Albany'],
  ['.field--address', '100 State St, Albany, NY 12207'],
  ['.field--arrival-date', '2024-08-20'],
  ['.field--departure-date', new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)],
  ['.field--china-contact-name', '陈父'],
  ['.field--china-contact-phone', '13900139000'],
];

/** A canvas 2d node standing in for WeChat's: fillRect paints an RGBA buffer that a QR reader can scan. */
class PixelCanvas {
  width = 0;
  height = 0;
  data = new Uint8ClampedArray(0);
  getContext() {
    const canvas = this;
    let colour = 255;
    return {
      set fillStyle(value: string) {
        colour = value === '#000000' ? 0 : 255;
      },
      get fillStyle() {
        return colour ? '#ffffff' : '#000000';
      },
      fillRect(x: number, y: number, w: number, h: number) {
        if (canvas.data.length !== canvas.width * canvas.height * 4) canvas.data = new Uint8ClampedArray(canvas.width * canvas.height * 4).fill(255);
        for (let py = Math.round(y); py < Math.min(canvas.height, Math.round(y + h)); py++)
          for (let px = Math.round(x); px < Math.min(canvas.width, Math.round(x + w)); px++) {
            const i = (py * canvas.width + px) * 4;
            canvas.data[i] = canvas.data[i + 1] = canvas.data[i + 2] = colour;
            canvas.data[i + 3] = 255;
          }
      },
    };
  }
}

function decodeQr(canvas: PixelCanvas): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new QrCodeReader();
    reader.callback = (error: unknown, result: { result: string } | undefined) => (error || !result ? reject(error) : resolve(result.result));
    reader.decode({ width: canvas.width, height: canvas.height, data: canvas.data });
  });
}

describe('海外公民登记 pages', () => {
  beforeAll(() => bindWxFiles());

  it('shows 致登记人 first, then the privacy statement and per-field messages without calling the server', async () => {
    await readyCitizen(env.server, '陈静');
    const page = await openForm();
    expect(textOf(page)).toContain(registrationDeclaration.paragraphs[0]);
    expect(textOf(page)).not.toContain(text.fields.chinaContactName);
    await tapButton(page, '.start');
    expect(textOf(page)).toContain(registrationPrivacy.points[0]);
    expect(textOf(page)).toContain(`* ${text.fields.chinaContactName}`);

    await pick(page, 'idType', 'passport');
    await fillInput(page, '.field--id-number', 'E123');
    expect(textOf(page)).toContain(domainMessages.passportFormat);
    await fillInput(page, '.field--id-number', 'E12345678');
    expect(textOf(page)).not.toContain(domainMessages.passportFormat);
    await fillInput(page, '.field--birth-date', '1992-13-01');
    expect(textOf(page)).toContain(rm.dateInvalid);

    const request = wx.request;
    const calls = jest.fn();
    wx.request = ((options: WechatMiniprogram.RequestOption) => {
      calls(options.url);
      return request(options);
    }) as typeof wx.request;
    await tapButton(page, '.submit');
    const shown = textOf(page);
    expect(shown).toContain(rm.relationRequired);
    expect(shown).toContain(rm.chinaContactRequired);
    expect(shown).toContain(rm.purposeRequired);
    expect(shown).toContain(text.fixErrors);
    expect(calls).not.toHaveBeenCalled();
    wx.request = request;
  });

  it('registers, draws the certificate’s QR code and saves it after the album prompt; 更新登记 keeps the stored values', async () => {
    const page = await filledForm('纽约');
    // Another region: picked again, the form keeps the rest.
    await pick(page, 'region', '新泽西');
    await tapButton(page, '.submit');
    await until(() => !instanceOf(page).data.submitting && instanceOf(page).data.id !== '', 'registration saved');
    const [saved] = await fetchRegistrations();
    expect(saved).toMatchObject({ name: '陈静', region: '新泽西', missionId: 'us-new-york', status: 'active' });

    // Certificate: QR code on the canvas, readable; saved after the permission prompt.
    const certificate = renderPage('packages/registration/certificate/index');
    const canvas = new PixelCanvas();
    instanceOf(certificate).canvas = () => Promise.resolve(canvas);
    await instanceOf(certificate).onLoad({ id: saved.id });
    await simulate.sleep(0);
    expect(textOf(certificate)).toContain(saved.certificateCode);
    expect(await decodeQr(canvas)).toBe(`CNREG:${saved.certificateCode}`);

    const order: string[] = [];
    wx.getSetting = ((o: { success(r: { authSetting: Record<string, boolean> }): void }) => o.success({ authSetting: {} })) as unknown as typeof wx.getSetting;
    wx.authorize = ((o: { scope: string; success(): void }) => {
      order.push(`authorize ${o.scope}`);
      o.success();
    }) as unknown as typeof wx.authorize;
    wx.canvasToTempFilePath = ((o: { success(r: { tempFilePath: string }): void }) => o.success({ tempFilePath: 'wxfile://tmp/certificate.png' })) as unknown as typeof wx.canvasToTempFilePath;
    wx.saveImageToPhotosAlbum = ((o: { filePath: string; success(): void }) => {
      order.push(`save ${o.filePath}`);
      o.success();
    }) as unknown as typeof wx.saveImageToPhotosAlbum;
    await tapButton(certificate, '.save');
    await until(() => !instanceOf(certificate).data.saving, 'saved');
    expect(order).toEqual(['authorize scope.writePhotosAlbum', 'save wxfile://tmp/certificate.png']);

    // A refusal explains itself and offers the settings page, saving nothing.
    wx.getSetting = ((o: { success(r: { authSetting: Record<string, boolean> }): void }) => o.success({ authSetting: { 'scope.writePhotosAlbum': false } })) as unknown as typeof wx.getSetting;
    order.length = 0;
    await tapButton(certificate, '.save');
    await until(() => !instanceOf(certificate).data.saving, 'refused');
    expect(textOf(certificate)).toContain(text.albumDenied);
    expect(order).toEqual([]);

    // 更新登记: the form opens with the stored values (number masked), a change is saved.
    const update = await openForm({ id: saved.id });
    await until(() => instanceOf(update).data.form.name === '陈静', 'form filled');
    expect(instanceOf(update).data.form).toMatchObject({ city: 'Albany', idNumber: saved.idNumberMasked, region: '新泽西' });
    await fillInput(update, '.field--city', 'Trenton');
    await fillInput(update, '.field--address', '1 W State St, Trenton, NJ 08608');
    await tapButton(update, '.submit');
    await until(() => !instanceOf(update).data.submitting, 'updated');
    expect((await fetchRegistrations())[0]).toMatchObject({ city: 'Trenton', idNumberMasked: saved.idNumberMasked });
  });

  it('answers an alert for the citizen’s region: 需要帮助 shows the 12308 call', async () => {
    const page = await filledForm('缅因');
    await tapButton(page, '.submit');
    await until(() => instanceOf(page).data.id !== '', 'registered');

    const supervisor = await signInStaff(env.server.baseUrl, env.server.staff.find((s) => s.role === 'supervisor')!);
    const published = await supervisor.post('/api/console/info/alerts', { level: 'caution', title: '缅因州暴风雪', body: '请减少外出。', region: '缅因' });
    expect(published.status).toBe(201);

    const alert = renderPage('packages/registration/alert/index');
    await instanceOf(alert).onLoad({ alertId: published.body.id });
    await simulate.sleep(0);
    expect(textOf(alert)).toContain('缅因州暴风雪');
    await tapButton(alert, '.person--0 .help');
    await until(() => instanceOf(alert).data.helpAsked === true, 'help recorded');
    expect(textOf(alert)).toContain(rm.helpShownToCitizen);
    const answers = await env.reviewer.get(`/api/console/registrations/alerts/${published.body.id}/answers`);
    expect(answers.body.items).toEqual([expect.objectContaining({ answer: 'help', region: '缅因' })]);
  });
});
