/**
 * 领事认证查验 against the real server (a child process, see helpers/info-server.ts): records
 * imported through the console API, then checked on the page the way a citizen would —
 * bad input, not found, revoked, genuine, and 稍后再试 once the per-address limit is spent.
 */
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { infoMessages } from '../../miniprogram/domain/info-messages';
import { fillInput, tapButton, textOf, typeKeys, until } from './helpers/interact';
import { startInfoServer, InfoServer } from './helpers/info-server';
import { renderPage } from './helpers/load';
import { meterSetData } from './helpers/set-data-meter';
import { bindWxToHttp, WxHttpCounters } from './helpers/wx-http';

const PAGE = 'packages/legalization/verify/index';
/** Verifications the server allows per address in the test's window; the last test spends the rest. */
const MAX_PER_IP = 12;

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };

let server: InfoServer;
let records: Array<{ id: string; legalizationNo: string }>;
let counters: WxHttpCounters;

beforeAll(async () => {
  server = await startInfoServer({ LEGALIZATION_VERIFY_MAX_PER_IP: String(MAX_PER_IP), LEGALIZATION_VERIFY_WINDOW_SECONDS: '600' });
  const csv = [
    'legalization_no,sticker_no,authority_id,document_type,issued_on',
    'LA2025NY0001,ST10000001,mfa,education,2025-03-01',
    'LA2025NY0002,ST10000002,fao-beijing,no_criminal_record,2025-02-28',
    'LA2025NY0003,ST10000003,us-new-york,power_of_attorney,2025-03-02',
  ].join('\n');
  const imported = await server.console<{ batch: { id: string } }>('POST', '/api/console/legalization/imports', { csv, fileName: 'test.csv' });
  expect(imported.status).toBe(201);
  const found = await server.console<{ records: Array<{ id: string; legalizationNo: string }> }>(
    'GET',
    `/api/console/legalization/records?batchId=${imported.data.batch.id}`,
  );
  records = found.data.records;
  const second = records.find((r) => r.legalizationNo === 'LA2025NY0002')!;
  const revoked = await server.console('POST', `/api/console/legalization/records/${second.id}/revoke`, { reason: '文书系伪造' });
  expect(revoked.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  setApiBaseUrl(server.baseUrl);
  clearSession();
  // Public endpoints: no login should ever be needed.
  counters = bindWxToHttp(() => Promise.reject(new Error('the legalization check must not log in')));
});

async function openPage(): Promise<Page> {
  const page = renderPage(PAGE);
  await (page.instance as unknown as { onLoad(): Promise<void> }).onLoad();
  await until(() => !(page.instance.data as { authoritiesLoading: boolean }).authoritiesLoading, 'the authorities to load');
  return page;
}

/** Opens the authority picker, searches, and taps the first match. */
async function chooseAuthority(page: Page, query: string): Promise<void> {
  (page.querySelector('.field--authority') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
  await until(() => !!page.querySelector('.authority-search'), 'the authority picker');
  const input = (page.querySelector('.authority-search') as unknown as Node).querySelector('.t-input__keyword')!;
  input.dispatchEvent('input', { detail: { value: query } });
  await until(() => (page.instance.data as { query: string }).query === query, 'the search');
  (page.querySelector('.authority') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
  await until(() => !(page.instance.data as { pickerVisible: boolean }).pickerVisible, 'the picker to close');
}

async function check(page: Page, legalizationNo: string, stickerNo: string, authorityQuery: string): Promise<string> {
  await fillInput(page, '.field--legalization-no', legalizationNo);
  await fillInput(page, '.field--sticker-no', stickerNo);
  await chooseAuthority(page, authorityQuery);
  await tapButton(page, '.submit');
  await until(() => !!page.querySelector('.result') || !!(page.instance.data as { formError: string }).formError, 'the answer');
  return textOf(page);
}

describe('领事认证查验', () => {
  it('shows the validator messages beside the fields and asks nothing of the server', async () => {
    const page = await openPage();
    await fillInput(page, '.field--legalization-no', 'LA-1');
    await fillInput(page, '.field--sticker-no', '12');
    expect(textOf(page)).toContain(infoMessages.legalizationNoFormat);
    expect(textOf(page)).toContain(infoMessages.stickerNoFormat);

    await tapButton(page, '.submit');
    const text = textOf(page);
    expect(text).toContain(infoMessages.authorityRequired);
    expect(text).toContain('请按提示修改后再查验');
    expect(page.querySelector('.result')).toBeFalsy();
    expect(counters.requests.filter((r) => r.url.endsWith('/api/legalization/verify'))).toEqual([]);
    expect(counters.logins).toBe(0);
  });

  it('sends one small setData per key press, and no authority list until the picker opens', async () => {
    const page = await openPage();
    expect((page.instance.data as { groups: unknown[] }).groups).toEqual([]);
    const meter = meterSetData(page.instance);
    await typeKeys(page, '.field--legalization-no', 'LA-2024-0001');
    expect(meter.count).toBe('LA-2024-0001'.length);
    expect(Math.max(...meter.calls)).toBeLessThanOrEqual(200);
  });

  it('lists the issuing authorities by kind and finds one by name', async () => {
    const page = await openPage();
    (page.querySelector('.field--authority') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
    await until(() => textOf(page).includes('外交部领事司'), 'the authority list');
    let text = textOf(page);
    expect(text).toContain('外交部领事司');
    expect(text).toContain('地方外事办公室');
    expect(text).toContain('中华人民共和国驻纽约总领事馆');
    const input = (page.querySelector('.authority-search') as unknown as Node).querySelector('.t-input__keyword')!;
    input.dispatchEvent('input', { detail: { value: '北京' } });
    await until(() => !textOf(page).includes('外交部领事司'), 'the filtered list');
    text = textOf(page);
    expect(text).toContain('北京市外事办公室');
    expect(text).not.toContain('外交部领事司');
  });

  it('says a record was not found — the same for an unknown number and a wrong sticker', async () => {
    let page = await openPage();
    expect(await check(page, 'LA2025NY9999', 'ST10000001', '外交部')).toContain(infoMessages.resultNotFound);

    page = await openPage();
    const text = await check(page, 'LA2025NY0001', 'ST10000009', '外交部');
    expect(text).toContain(infoMessages.resultNotFound);
    // Nothing about the record whose number matched.
    expect(text).not.toContain('学历学位证明');
  });

  it('says 已撤销 for a revoked legalization, with its date', async () => {
    const page = await openPage();
    const text = await check(page, 'la2025ny0002', 'ST 1000 0002', '北京');
    expect(text).toContain(infoMessages.resultRevoked);
    expect(text).toContain('已撤销');
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain('撤销日期');
  });

  it('confirms a genuine legalization with its document type, date and authority', async () => {
    const page = await openPage();
    const text = await check(page, 'LA2025NY0003', 'ST10000003', '纽约');
    expect(text).toContain(infoMessages.resultGenuine);
    expect(text).toContain('委托书');
    expect(text).toContain('2025-03-02');
    expect(text).toContain('中华人民共和国驻纽约总领事馆');
  });

  it('answers 稍后再试 once the address has used up its checks', async () => {
    const page = await openPage();
    let text = '';
    for (let i = 0; i < MAX_PER_IP && !text.includes('稍后再试'); i++) {
      text = await check(page, `LA2025XX${String(i).padStart(4, '0')}`, 'ST10000001', '外交部');
    }
    expect(text).toContain('查询过于频繁，请稍后再试');
    expect(text).not.toContain(infoMessages.resultNotFound);
  });

  it('can be shared and is open to WeChat search', () => {
    const page = renderPage(PAGE);
    const share = (page.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share).toEqual({ title: expect.stringContaining('领事认证查验'), path: '/packages/legalization/verify/index' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sitemap = require('../../miniprogram/sitemap.json') as { rules: Array<{ action: string; page: string }> };
    expect(sitemap.rules).toContainEqual({ action: 'allow', page: 'packages/legalization/verify/index' });
  });
});
