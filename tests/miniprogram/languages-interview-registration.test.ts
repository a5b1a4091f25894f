/**
 * 预约视频面审 (and the order detail's interview step) and 海外公民登记 (index and form) in
 * 繁體中文 and English, against the real server (a child process) with the New York
 * mission's reviewer: the pages' own words in
 * that language, the shared validator's and the server's words in it too, the navigation
 * bar title, and never a raw key or an unfilled {placeholder}. In English no Chinese is
 * left outside what is data (the citizen's name, the mission, the consular district).
 */
import { ApiError, clearSession, currentToken } from '../../miniprogram/api/request';
import { registrationDeclaration, registrationMessages, registrationPrivacy } from '../../miniprogram/domain/registration-messages';
import { chooseLocale, type Locale } from '../../miniprogram/locale/language';
import { en as interviewEn } from '../../miniprogram/packages/interview/text-en';
import { zhHant as interviewZhHant } from '../../miniprogram/packages/interview/text-zh-Hant';
import { createRegistration } from '../../miniprogram/packages/registration/api';
import { en as registrationEn } from '../../miniprogram/packages/registration/text-en';
import { zhHant as registrationZhHant } from '../../miniprogram/packages/registration/text-zh-Hant';
import { en as ordersEn } from '../../miniprogram/packages/orders/text-en';
import { zhHant as ordersZhHant } from '../../miniprogram/packages/orders/text-zh-Hant';
import { fill } from '../../miniprogram/locale/language';
import { useChildServer } from './helpers/child-server';
import { createSlots, interviewOf, orderInInterview, readyCitizen } from './helpers/interview';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer({ staff: true, severalPages: true });
let reviewer: StaffHttpClient;

beforeAll(async () => {
  reviewer = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'reviewer')!);
  // Mission days 2–3, 09:00–10:00 New York time, 30 minutes: two slots a day.
  await createSlots(reviewer, { fromDays: 2, toDays: 3, startTime: '09:00', endTime: '10:00', minutes: 30 });
});

afterAll(() => {
  chooseLocale('system');
});

beforeEach(() => {
  bindWxFiles();
  wx.setNavigationBarTitle = jest.fn();
  wx.showToast = jest.fn();
});

afterEach(() => {
  clearSession();
});

type Page = ReturnType<typeof renderPage>;
type Instance = Record<string, any>;
const instanceOf = (page: Page) => page.instance as unknown as Instance;
/** WeChat shows a page after loading it: the page's onShow and its behaviours' show (the title in the language). */
function show(page: Page): void {
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  instanceOf(page).onShow?.();
}

const CHINESE = /[\u4e00-\u9fff]/;
const WEEKDAY_EN = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;

function expectSentences(text: string): void {
  expect(text).not.toMatch(/\b(text|fields|call|bookingStatus)\.[a-zA-Z]+/);
  expect(text).not.toMatch(/\{\w+\}/);
  expect(text).not.toContain('undefined');
}

/** The page's text less the data it shows (names and places are written as given). */
const withoutData = (text: string, data: string[]) => data.reduce((rest, value) => rest.split(value).join(''), text);

describe.each(['zh-Hant', 'en'] as const)('in %s', (locale: Exclude<Locale, 'zh-CN'>) => {
  const interviewWords = locale === 'en' ? interviewEn : interviewZhHant;
  const registrationWords = locale === 'en' ? registrationEn : registrationZhHant;
  const ordersWords = locale === 'en' ? ordersEn : ordersZhHant;

  it('预约视频面审: the time zone, days, slots, the dialog and the booking card in that language', async () => {
    chooseLocale('zh-CN');
    const { order, token } = await orderInInterview(server, reviewer, '赵敏');
    chooseLocale(locale);
    const page = renderPage('packages/interview/book/index');
    await instanceOf(page).onLoad({ id: order.id });
    show(page);
    await until(() => instanceOf(page).data.ready === true, 'the interview');
    await simulate.sleep(0);

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: interviewWords.title });
    const interview = await interviewOf(server.baseUrl, token, order.id);
    const days = instanceOf(page).data.days as Array<{ dateLabel: string; slots: Array<{ id: string; title: string; when: string; phoneTime: string }> }>;
    expect(days).toHaveLength(2);
    let text = textOf(page);
    expect(text).toContain(interviewWords.slots);
    expect(text).toContain(interviewWords.leadNote);
    expect(text).toContain(days[0].dateLabel);
    if (locale === 'en') {
      expect(text).toContain(`All times below are New York time (${interview.timeZoneOffset})`);
      expect(days[0].dateLabel).toMatch(WEEKDAY_EN);
      expect(days[0].slots[0].title).toMatch(/^\d\d:\d\d \(30 min\)$/);
      expect(text).toContain(days[0].slots[0].title);
      expect(text).toContain(`Free slots: ${days[0].slots.length}`);
      expect(text).not.toMatch(CHINESE);
    } else {
      // The city is the mission's data (简体); the sentence around it is 繁體.
      expect(text).toContain(`以下時間均為${interview.mission.cityZh}時間（${interview.timeZoneOffset}）`);
      expect(days[0].dateLabel).toMatch(/^\d{1,2}月\d{1,2}日 週[日一二三四五六]$/);
      expect(days[0].slots[0].title).toMatch(/^\d\d:\d\d（30分鐘）$/);
      expect(text).toContain(days[0].slots[0].title);
      expect(text).toContain(`${days[0].slots.length}個時段可預約`);
    }
    expectSentences(text);

    // Book the first slot: the dialog, the toast and the booking card speak the same language.
    const slot = days[0].slots[0];
    (page.querySelector(`.slot--${slot.id}`) as unknown as { querySelector(s: string): { dispatchEvent(name: string): void } }).querySelector('.t-cell').dispatchEvent('tap');
    await simulate.sleep(0);
    const dialog = instanceOf(page).data.dialog as { title: string; content: string };
    expect(dialog.title).toBe(interviewWords.bookTitle);
    expect(dialog.content).toContain(slot.when);
    if (locale === 'en') expect(dialog.content).toBe(`Book the video interview at ${slot.when}${slot.phoneTime}?`);
    instanceOf(page).selectComponent('.confirm-dialog').triggerEvent('confirm');
    await until(() => !!instanceOf(page).data.booking && !instanceOf(page).data.busy, 'the booking');
    const booking = instanceOf(page).data.booking as { when: string; statusLabel: string };
    expect(booking.statusLabel).toBe(interviewWords.bookingStatus.booked);
    expect(booking.when).toBe(locale === 'en' ? `${slot.when} (30 min)` : `${slot.when}（30分鐘）`);
    text = textOf(page);
    expect(text).toContain(interviewWords.booking);
    expect(text).toContain(interviewWords.callWait);
    expect(text).toContain(interviewWords.change);
    expectSentences(text);
    if (locale === 'en') expect(text).not.toMatch(CHINESE);

    // The order detail's next step names the booked time the same way.
    const detail = renderPage('packages/orders/detail/index');
    await instanceOf(detail).onLoad({ id: order.id });
    show(detail);
    await until(() => textOf(detail).includes(ordersWords.order.interview.view), 'the booking on the order detail');
    const zone = locale === 'en' ? `New York time (${interview.timeZoneOffset})` : `${interview.mission.cityZh}時間（${interview.timeZoneOffset}）`;
    expect(textOf(detail)).toContain(fill(ordersWords.order.interview.bookedAt, { when: slot.when, zone }));
  });

  it('海外公民登记: my registrations in that language; the server\'s field messages too', async () => {
    chooseLocale('zh-CN');
    await readyCitizen(server, '陈静');
    chooseLocale(locale);
    const input = {
      relation: 'self' as const,
      name: '陈静',
      idType: 'passport' as const,
      idNumber: 'E55512345',
      birthDate: '1992-04-05',
      phone: '+1 917 555 0133',
      countryCode: 'US',
      region: '纽约',
      city: 'Albany',
      address: '100 State St, Albany, NY 12207',
      purpose: 'worker' as const,
      arrivalDate: '2024-08-20',
      departureDate: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
      chinaContactName: '陈父',
      chinaContactPhone: '13900139000',
    };
    const saved = await createRegistration(input);
    // What only the server can check (the consular district) comes back in the caller's language too.
    const refused = (await createRegistration({ ...input, relation: 'spouse', name: '陈母', region: 'Atlantis' }).catch((error: unknown) => error)) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.fields?.region).toBe(locale === 'en' ? 'Please choose the state or province from the list' : '請從清單中選擇所在州/省');
    const page = renderPage('packages/registration/index/index');
    show(page);
    await until(() => (instanceOf(page).data.registrations as unknown[]).length === 1, 'the registration');
    await simulate.sleep(0);

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: registrationWords.title });
    const text = textOf(page);
    for (const words of [registrationWords.intro, registrationWords.certificate, registrationWords.update, registrationWords.deregister, registrationWords.add])
      expect(text).toContain(words);
    if (locale === 'en') {
      expect(text).toContain('陈静 (Myself)');
      expect(text).toContain('Valid'); // the status, by its code
      expect(withoutData(text, [saved.missionNameZh, saved.name, '纽约'])).not.toMatch(CHINESE);
    } else {
      expect(text).toContain('陈静（本人）');
      expect(text).toContain('有效');
      expect(text).toContain('註銷登記');

      // Switched to English in 我的: the page speaks it on its next show.
      chooseLocale('en');
      show(page);
      await until(() => textOf(page).includes('陈静 (Myself)') && textOf(page).includes('Valid'), 'the page in English');
      expect(textOf(page)).toContain(registrationEn.intro);
      expect(wx.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: registrationEn.title });
    }
    expectSentences(text);
  });

  it('海外公民登记 form: 致登记人, the privacy statement, field labels and the validator\'s messages in that language', async () => {
    chooseLocale('zh-CN');
    await readyCitizen(server, '李雷');
    chooseLocale(locale);
    const page = renderPage('packages/registration/form/index');
    await instanceOf(page).onLoad({});
    show(page);
    await simulate.sleep(0);

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: registrationWords.title });
    expect(textOf(page)).toContain(registrationDeclaration.paragraphs[0]);
    expect(textOf(page)).toContain(registrationWords.read);
    if (locale === 'en') expect(textOf(page)).toContain('To the person registering');
    else expect(textOf(page)).toContain('致登記人');
    await tapButton(page, '.start');
    expect(textOf(page)).toContain(registrationPrivacy.points[0]);
    for (const label of Object.values(registrationWords.fields)) expect(textOf(page)).toContain(label);

    // Submit empty: the shared validator's messages, composed on the phone, in the same language.
    await tapButton(page, '.submit');
    const text = textOf(page);
    expect(text).toContain(registrationWords.fixErrors);
    expect(text).toContain(registrationMessages.relationRequired);
    expect(text).toContain(registrationMessages.chinaContactRequired);
    if (locale === 'en') {
      expect(text).toContain('Please choose how this person is related to you');
      expect(text).toContain('Please enter the name'); // domain/messages.ts, shared with the server
      expect(text).not.toMatch(CHINESE);
    } else {
      expect(text).toContain('請選擇與您的關係');
      expect(text).toContain('個人資料保護說明');
    }
    expectSentences(text);

    // The relation picker: its options are words too.
    await instanceOf(page).openPicker({ currentTarget: { dataset: { field: 'relation' } } });
    const options = (instanceOf(page).data.picker as { options: Array<{ label: string }> }).options.map((o) => o.label);
    expect(options).toEqual(locale === 'en' ? ['Myself', 'Spouse', 'Child', 'Parent'] : ['本人', '配偶', '子女', '父母']);
    expect(currentToken()).toBeTruthy();
  });
});
