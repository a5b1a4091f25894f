/**
 * The apply form and the order detail in 简体中文, 繁體中文 and English, against the real
 * server (a child process): the page's own words, the service's words (its text map in that
 * language) and no raw keys.
 */
import { clearSession } from '../../miniprogram/api/request';
import { applicationMessages } from '../../miniprogram/domain/services/application-messages';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { chooseLocale, type Locale } from '../../miniprogram/locale/language';
import { en as applyEn } from '../../miniprogram/packages/apply/text-en';
import { zhHant as applyZhHant } from '../../miniprogram/packages/apply/text-zh-Hant';
import { en as ordersEn } from '../../miniprogram/packages/orders/text-en';
import { zhHant as ordersZhHant } from '../../miniprogram/packages/orders/text-zh-Hant';
import { t as applyT } from '../../miniprogram/packages/apply/text';
import { t as ordersT } from '../../miniprogram/packages/orders/text';
import { startChildServer, type ChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { submittedOrder } from './helpers/orders';
import { allowSeveralPagesPerFile } from './helpers/several-pages';
import { bindWxFiles } from './helpers/wx-files';

let server: ChildServer;

beforeAll(async () => {
  allowSeveralPagesPerFile();
  server = await startChildServer();
}, 60_000);

afterAll(async () => {
  chooseLocale('system');
  await server?.close();
});

beforeEach(() => {
  bindWxFiles();
  wx.setNavigationBarTitle = jest.fn();
});

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> };

const applyText = (locale: Locale) => (locale === 'en' ? applyEn.apply : locale === 'zh-Hant' ? applyZhHant.apply : (chooseLocale('zh-CN'), applyT.apply));
const orderText = (locale: Locale) => (locale === 'en' ? ordersEn.order : locale === 'zh-Hant' ? ordersZhHant.order : (chooseLocale('zh-CN'), ordersT.order));

function expectNoRawKeys(text: string): void {
  expect(text).not.toMatch(/\b(apply|order|review|result|supplements)\.[a-zA-Z]+/);
  expect(text).not.toMatch(/\{\w+\}/);
  expect(text).not.toContain('undefined');
}

describe.each(['zh-CN', 'zh-Hant', 'en'] as const)('in %s', (locale) => {
  it('申请 form: the passport service and the form in that language', async () => {
    const words = applyText(locale);
    chooseLocale(locale);
    await readyCitizen(server, '李明');
    const passport = findApplicationService('passport', locale)!;
    const page = renderPage('packages/apply/form/index');
    await (page.instance as unknown as Loadable).onLoad({ service: 'passport' });
    await until(() => (page.instance.data as { phase: string }).phase === 'form', 'the form');
    await simulate.sleep(0);
    const text = textOf(page);
    const step = (page.instance.data as { step: { title: string } }).step;
    expect(step.title).toBe(passport.steps[0]!.title);
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: passport.title });
    for (const option of passport.fields.case!.options!) expect(text).toContain(option.label);
    expect(text).toContain(words.next);
    if (locale === 'en') {
      expect(text).toContain('Passport renewal');
      expect(text).toContain('Who is applying');
      expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    }
    if (locale === 'zh-Hant') expect(text).toContain('護照換發');
    expectNoRawKeys(text);

    // Next with nothing chosen: the engine's field message and the form's, in the same language.
    await tapButton(page, '.next');
    await until(() => textOf(page).includes(words.fixErrors), 'the form error');
    expect(textOf(page)).toContain(applicationMessages.required);
    if (locale === 'en') expect(textOf(page)).toContain('This field is required');
    if (locale === 'zh-Hant') expect(textOf(page)).toContain('此項為必填項');
    clearSession();
  });

  it('订单详情: the page\'s words in that language', async () => {
    const words = orderText(locale);
    chooseLocale('zh-CN');
    await readyCitizen(server, '王强');
    const order = await submittedOrder(server.images);
    chooseLocale(locale);
    const detail = renderPage('packages/orders/detail/index');
    await (detail.instance as unknown as Loadable).onLoad({ id: order.id });
    (detail as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    await until(() => textOf(detail).includes(order.orderNo!), 'the order');
    const data = detail.instance.data as { text: { orderNo: string; nextStep: string; timeline: string } };
    expect(data.text).toMatchObject({ orderNo: words.orderNo, nextStep: words.nextStep, timeline: words.timeline });
    expect(textOf(detail)).toContain(words.timeline);
    if (locale !== 'zh-CN') expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: words.title });
    // The status and the next step the server composes, in the language the request asked for.
    const said = { 'zh-CN': ['待审核', '使领馆正在审核您的申请'], 'zh-Hant': ['待審核', '使領館正在審核您的申請'], en: ['Awaiting review', 'The embassy or consulate is reviewing your application'] }[locale];
    for (const words of said) expect(textOf(detail)).toContain(words);
    expectNoRawKeys(textOf(detail));
    clearSession();
  });
});
