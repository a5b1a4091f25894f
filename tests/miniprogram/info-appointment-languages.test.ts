/**
 * 领事资讯 and 到馆预约 in 繁體中文 and English, against the real server (a child process):
 * the page's own words come from the subpackage's catalogue in that language, dates are
 * written the language's way, no raw key or unfilled {placeholder} shows, and an English
 * page has no Chinese left outside what the server stores (alert texts, the mission's
 * name and address).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { chooseLocale, type Locale } from '../../miniprogram/locale/language';
import { en as appointmentEn } from '../../miniprogram/packages/appointment/text-en';
import { zhHant as appointmentZhHant } from '../../miniprogram/packages/appointment/text-zh-Hant';
import { en as infoEn } from '../../miniprogram/packages/info/text-en';
import { zhHant as infoZhHant } from '../../miniprogram/packages/info/text-zh-Hant';
import { en as mainEn } from '../../miniprogram/locale/en';
import { zhHant as mainZhHant } from '../../miniprogram/locale/zh-Hant';
import { controlsOf } from './helpers/accessibility';
import { openFingerprintSlots, type RenewalFiles, renewalFiles, submittedRenewal } from './helpers/appointments';
import { useChildServer } from './helpers/child-server';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { signInStaff } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';
import { bindWxToHttp } from './helpers/wx-http';

const server = useChildServer({ staff: true, severalPages: true });
let dir: string;
let files: RenewalFiles;
const alert = { id: '', title: '近期纽约地区枪击案件多发，请谨慎前往', body: '近期纽约市多个街区发生枪击案件。\n如遇紧急情况，请拨打911报警。' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-languages-'));
  files = renewalFiles(server, dir);
  const supervisor = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'supervisor')!);
  expect(await openFingerprintSlots(supervisor)).toEqual({ created: 4, skipped: 0 });
  const issued = await supervisor.post('/api/console/info/alerts', { level: 'caution', title: alert.title, body: alert.body });
  expect(issued.status).toBe(201);
  alert.id = issued.body.id;
}, 120_000);

afterAll(() => {
  chooseLocale('system');
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  bindWxFiles();
  wx.setNavigationBarTitle = jest.fn();
  wx.showToast = jest.fn();
});

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad?(query: Record<string, string>): Promise<void> | void };

const CHINESE = /[\u4e00-\u9fff]/;

const words = {
  'zh-Hant': { info: infoZhHant, appointment: appointmentZhHant, main: mainZhHant },
  en: { info: infoEn, appointment: appointmentEn, main: mainEn },
} as const;

/** The page's text and the name a screen reader announces for each control (aria-label, else its text). */
function readable(page: Page): string {
  return [textOf(page), ...controlsOf(page).map((control) => control.name)].join('\n');
}

function expectSentencesOnly(shown: string): void {
  expect(shown).not.toMatch(/\b(hub|news|alerts|alert|guide|phrasebook|kinds|mailStatuses|dates)\.[a-zA-Z]+/);
  expect(shown).not.toMatch(/\{\w+\}/);
  expect(shown).not.toContain('undefined');
}

/** English: no Chinese once the server's own content (`content`) is taken out. */
function expectNoChineseBesides(shown: string, content: string[]): void {
  const rest = content.reduce((text, stored) => text.split(stored).join(''), shown);
  expect(rest.split('\n').filter((line) => CHINESE.test(line))).toEqual([]);
}

async function open(route: string, query: Record<string, string> = {}): Promise<Page> {
  const page = renderPage(route);
  await (page.instance as unknown as Loadable).onLoad?.(query);
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  await simulate.sleep(0);
  return page;
}

it('a page open in 简体 speaks English on its next show after the switch in 我的', async () => {
  chooseLocale('zh-CN');
  const page = await open('packages/info/index/index');
  expect(textOf(page)).toContain('新闻公告');
  chooseLocale('en');
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  await simulate.sleep(0);
  expect(textOf(page)).toContain(infoEn.hub.news);
  expect(textOf(page)).not.toMatch(CHINESE);
  expect(wx.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: infoEn.hub.title });
});

describe.each(['zh-Hant', 'en'] as const)('in %s', (locale: Exclude<Locale, 'zh-CN'>) => {
  const { info, appointment, main } = words[locale];

  beforeEach(() => {
    setApiBaseUrl(server.baseUrl);
    clearSession();
    bindWxToHttp(() => Promise.reject(new Error('consular information needs no login')));
    chooseLocale(locale);
  });

  it('领事资讯: the four entries and the title in that language', async () => {
    const page = await open('packages/info/index/index');
    const shown = readable(page);
    for (const entry of ['news', 'alerts', 'guide', 'phrasebook'] as const) {
      expect(shown).toContain(info.hub[entry]);
      expect(shown).toContain(info.hub[`${entry}Desc`]);
    }
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: info.hub.title });
    if (locale === 'en') {
      expect(shown).toContain('Travel safety alerts');
      expect(shown).not.toMatch(CHINESE);
    } else {
      expect(shown).toContain('線上翻譯');
      expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '領事資訊' });
    }
    expectSentencesOnly(shown);
  });

  it('安全提醒: the level, the dates and their labels in that language; the alert itself as issued', async () => {
    const page = await open('packages/info/alert/index', { id: alert.id, country: 'US' });
    await until(() => textOf(page).includes('如遇紧急情况'), 'the alert');
    const shown = readable(page);
    expect(shown).toContain(alert.title);
    expect(shown).toContain(main.alertBanner.levels.caution);
    expect(shown).toContain(info.alert.from);
    expect(shown).toContain(info.alert.untilOpen);
    const from = (page.instance.data as { alert: { from: string } }).alert.from;
    if (locale === 'en') {
      expect(shown).toContain('Travel with caution');
      expect(shown).toContain('In force from');
      expect(from).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
      expectNoChineseBesides(shown, [alert.title, ...alert.body.split('\n')]);
    } else {
      expect(shown).toContain('謹慎前往');
      expect(from).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: alert.title });
    expectSentencesOnly(shown);
  });

  it('到馆预约: zone, kind, days and slots, then the booking and a mail request, in that language', async () => {
    chooseLocale('zh-CN');
    const id = await submittedRenewal(server, locale === 'en' ? '郑伟' : '林芳', files);
    chooseLocale(locale);
    const page = await open('packages/appointment/book/index', { id });
    await until(() => (page.instance.data as { ready: boolean }).ready, 'the appointments');
    const data = () => page.instance.data as {
      missionName: string;
      address: string;
      orderNo: string;
      appointments: Array<{ kindLabel: string; bookedText: string; codeText: string; mailStatus: string; days: Array<{ dateLabel: string; slots: Array<{ id: string; label: string }> }> }>;
    };
    const [row] = data().appointments;
    expect(row!.kindLabel).toBe(appointment.kinds.fingerprints);
    const [day] = row!.days;
    const [slot] = day!.slots;
    let shown = readable(page);
    expect(shown).toContain(appointment.place);
    expect(shown).toContain(appointment.copyMap);
    expect(shown).toContain(appointment.mailIntro);
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: appointment.title });
    if (locale === 'en') {
      expect(shown).toMatch(/All times below are local time at the embassy or consulate \(UTC-[45]\)\./);
      expect(shown).toContain('Fingerprinting');
      expect(day!.dateLabel).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/);
      expect(slot!.label).toMatch(/^10:00 \(places left: [12]\)$/);
    } else {
      expect(shown).toMatch(/以下時間均為使領館當地時間（UTC-[45]）/);
      expect(shown).toContain('採集指紋');
      expect(day!.dateLabel).toMatch(/^\d{1,2}月\d{1,2}日 週[日一二三四五六]$/);
      expect(slot!.label).toMatch(/^10:00（剩餘 [12] 個名額）$/);
    }
    expectSentencesOnly(shown);

    // Book the first slot: the booked time is worded in the language, the code beside it.
    const cell = (page.querySelector(`.slot--${slot!.id}`) as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } }).querySelector('.t-cell');
    cell.dispatchEvent('tap');
    await until(() => data().appointments[0]!.bookedText !== '', 'the booking');
    const booked = data().appointments[0]!;
    expect(booked.bookedText).toBe(
      locale === 'en' ? `Booked: ${day!.dateLabel}, 10:00` : `已預約：${day!.dateLabel} 10:00`,
    );
    expect(booked.codeText).toMatch(locale === 'en' ? /^Appointment code \S+$/ : /^預約碼 \S+$/);

    // Ask to do it by mail: the request's status in the language.
    page.instance.setData({ reasons: { fingerprints: '年迈行动不便' } });
    await tapButton(page, '.mail__submit');
    await until(() => data().appointments[0]!.mailStatus !== '', 'the mail request');
    expect(data().appointments[0]!.mailStatus).toBe(locale === 'en' ? 'Request to do it by mail: under review' : '郵寄辦理申請：審核中');

    shown = readable(page);
    expect(shown).toContain(appointment.codeHint);
    expectSentencesOnly(shown);
    if (locale === 'en') expectNoChineseBesides(shown, [data().missionName, data().address]);
    clearSession();
  });
});
