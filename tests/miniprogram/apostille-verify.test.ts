/**
 * 附加证明书查验 on the verification page, against the real server (a child process): the
 * citizen switches to the apostille check, scans the certificate's QR code (wx.scanCode,
 * mocked as the phone's scanner) or types the fields, and gets the same three answers as the
 * legalization check. Codes that are not apostille codes, or are damaged, never reach the server.
 */
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { apostilleQrPayload } from '../../miniprogram/domain/apostille';
import { apostilleMessages } from '../../miniprogram/domain/apostille-messages';
import { text } from '../../miniprogram/packages/legalization/text';
import { fillInput, tapButton, textOf, until } from './helpers/interact';
import { startInfoServer, InfoServer } from './helpers/info-server';
import { renderPage } from './helpers/load';
import { bindWxToHttp, WxHttpCounters } from './helpers/wx-http';

const PAGE = 'packages/legalization/verify/index';

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };
type PageData = { authoritiesLoading: boolean; submitting: boolean; scanning: boolean; formError: string; outcome: unknown; groups: Array<{ kind: string }> };

const GENUINE = { apostilleNo: 'AP2025000001', issuedOn: '2025-03-01', authorityId: 'fao-guangdong' };
const REVOKED = { apostilleNo: 'AP2025000002', issuedOn: '2025-03-02', authorityId: 'mfa' };

let server: InfoServer;
let counters: WxHttpCounters;

beforeAll(async () => {
  server = await startInfoServer({ LEGALIZATION_VERIFY_MAX_PER_IP: '100', LEGALIZATION_VERIFY_WINDOW_SECONDS: '600' });
  const csv = [
    'apostille_no,issued_on,signer_name,signer_capacity,seal_of,authority_id',
    'AP2025000001,2025-03-01,李华,广东省外事办公室副主任,,fao-guangdong',
    'AP2025000002,2025-03-02,王小明,外交部领事司副司长,,mfa',
  ].join('\n');
  const imported = await server.console<{ batch: { id: string } }>('POST', '/api/console/apostilles/imports', { csv, fileName: 'apostilles.csv' });
  expect(imported.status).toBe(201);
  const found = await server.console<{ records: Array<{ id: string }> }>('GET', '/api/console/apostilles/records?apostilleNo=AP2025000002');
  const revoked = await server.console('POST', `/api/console/apostilles/records/${found.data.records[0].id}/revoke`, { reason: '签署人无权签署' });
  expect(revoked.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  setApiBaseUrl(server.baseUrl);
  clearSession();
  counters = bindWxToHttp(() => Promise.reject(new Error('the apostille check must not log in')));
});

/** The phone's scanner hands over this code (or the citizen closes it). */
function scannerReads(code: string | 'cancel') {
  const scanCode = jest.fn((options: WechatMiniprogram.ScanCodeOption) =>
    setTimeout(() =>
      code === 'cancel'
        ? options.fail?.({ errMsg: 'scanCode:fail cancel' })
        : options.success?.({ result: code, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' }),
    ),
  );
  wx.scanCode = scanCode as unknown as typeof wx.scanCode;
  return scanCode;
}

const data = (page: Page) => page.instance.data as unknown as PageData;
const verifyRequests = () => counters.requests.filter((r) => r.url.endsWith('/api/legalization/apostille/verify'));

async function openApostilleCheck(): Promise<Page> {
  const page = renderPage(PAGE);
  await (page.instance as unknown as { onLoad(query?: object): Promise<void> }).onLoad({});
  await until(() => !data(page).authoritiesLoading, 'the authorities to load');
  await tapButton(page, '.mode--apostille');
  await until(() => textOf(page).includes(text.scan), 'the apostille form');
  return page;
}

async function scan(page: Page): Promise<void> {
  await tapButton(page, '.scan-button');
  await until(() => !data(page).scanning && !data(page).submitting && (!!data(page).outcome || !!data(page).formError), 'the scan to be handled');
}

describe('附加证明书查验', () => {
  it('explains which check a document needs and offers both', async () => {
    const page = renderPage(PAGE);
    await (page.instance as unknown as { onLoad(): Promise<void> }).onLoad();
    const shown = textOf(page);
    expect(shown).toContain(text.modes.legalization);
    expect(shown).toContain(text.modes.apostille);
    expect(shown).toContain(text.whichApostille);
    expect(shown).toContain(text.whichLegalization);
    // The legalization form first, as before; the apostille form after the switch.
    expect(shown).toContain(text.stickerNo);
    await tapButton(page, '.mode--apostille');
    await until(() => textOf(page).includes(text.apostilleIntro), 'the apostille form');
    expect(textOf(page)).not.toContain(text.stickerNoPlaceholder);
  });

  it('checks a scanned certificate at once: genuine, with the signer, capacity, date and authority', async () => {
    const page = await openApostilleCheck();
    const scanner = scannerReads(apostilleQrPayload(GENUINE));
    await scan(page);
    expect(scanner).toHaveBeenCalledTimes(1);
    expect(scanner.mock.calls[0][0]).toMatchObject({ scanType: ['qrCode'] });
    const shown = textOf(page);
    expect(shown).toContain(apostilleMessages.resultGenuine);
    for (const value of ['AP2025000001', '2025-03-01', '李华', '广东省外事办公室副主任', '广东省外事办公室']) expect(shown).toContain(value);
    // The form shows what the code held, so the citizen can compare it with the paper.
    expect((page.instance.data as unknown as { forms: { apostille: object } }).forms.apostille).toEqual(GENUINE);
    expect(verifyRequests()).toHaveLength(1);
    expect(counters.logins).toBe(0);
  });

  it('refuses a code that is not an apostille code, and a damaged one, without asking the server', async () => {
    const page = await openApostilleCheck();
    scannerReads('https://weixin.qq.com/r/somebody-else');
    await scan(page);
    expect(textOf(page)).toContain(apostilleMessages.qrNotApostille);

    const payload = apostilleQrPayload(GENUINE);
    scannerReads(payload.replace('AP2025000001', 'AP2025000007'));
    await scan(page);
    expect(textOf(page)).toContain(apostilleMessages.qrDamaged);
    expect(page.querySelector('.result')).toBeFalsy();
    expect(verifyRequests()).toEqual([]);
  });

  it('does nothing when the scanner is closed', async () => {
    const page = await openApostilleCheck();
    scannerReads('cancel');
    await tapButton(page, '.scan-button');
    await until(() => !data(page).scanning, 'the scanner to close');
    expect(data(page).formError).toBe('');
    expect(verifyRequests()).toEqual([]);
  });

  it('checks typed fields too: revoked with its day, and the same not-found for a wrong date and an unknown number', async () => {
    const page = await openApostilleCheck();
    // The picker offers only the authorities that issue apostilles: no missions.
    (page.querySelector('.field--authority') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
    await until(() => data(page).groups.length > 0, 'the authority list');
    expect(data(page).groups.map((g) => g.kind)).toEqual(['ministry', 'foreign_affairs_office']);
    expect(textOf(page)).not.toContain('中华人民共和国驻纽约总领事馆');
    (page.querySelector('.authority') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
    await until(() => !(page.instance.data as unknown as { pickerVisible: boolean }).pickerVisible, 'the picker to close');

    const check = async (apostilleNo: string, issuedOn: string) => {
      await fillInput(page, '.field--apostille-no', apostilleNo);
      await fillInput(page, '.field--issued-on', issuedOn);
      await tapButton(page, '.submit');
      await until(() => !data(page).submitting && !!data(page).outcome, 'the answer');
      return textOf(page);
    };
    const revoked = await check('ap-2025-000002', '2025/3/2');
    expect(revoked).toContain(apostilleMessages.resultRevoked);
    expect(revoked).toContain(text.revokedOn);
    expect(revoked).toContain(text.apostilleRevokedAdvice);

    expect(await check(REVOKED.apostilleNo, '2025-03-03')).toContain(apostilleMessages.resultNotFound);
    const unknown = await check('AP2025999999', REVOKED.issuedOn);
    expect(unknown).toContain(apostilleMessages.resultNotFound);
    expect(unknown).not.toContain('王小明');
  });

  it('shows the shared validator’s messages for a date before the Convention applied to China', async () => {
    const page = await openApostilleCheck();
    await fillInput(page, '.field--issued-on', '2023-10-01');
    expect(textOf(page)).toContain(apostilleMessages.issuedOnBeforeConvention);
    await tapButton(page, '.submit');
    expect(textOf(page)).toContain(apostilleMessages.authorityRequired);
    expect(verifyRequests()).toEqual([]);
  });

  it('shares a link that opens the apostille check', async () => {
    const page = await openApostilleCheck();
    const share = (page.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share).toEqual({ title: text.apostilleShareTitle, path: '/packages/legalization/verify/index?mode=apostille' });
    const opened = renderPage(PAGE);
    await (opened.instance as unknown as { onLoad(query: object): Promise<void> }).onLoad({ mode: 'apostille' });
    expect(textOf(opened)).toContain(text.scan);
  });
});
