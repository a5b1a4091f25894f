/**
 * 我的证件 and the expiry reminder against the real server (child process): adding a
 * passport with the shared validator's messages beside the fields, the card with its expiry and what to do, the reminder in 消息中心
 * (the sweep run as on a given day) opening the renewal, which the apply form shows filled
 * in from the citizen's last application at the step where something must be new — with
 * no signature, photo or document carried over — and removing a passport.
 */
import { createApplication, saveStep, skipFace, submitApplication, uploadDocument } from '../../miniprogram/api/applications';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import { messages as domainMessages } from '../../miniprogram/domain/messages';
import { t } from '../../miniprogram/locale/text';
import { text } from '../../miniprogram/packages/documents/text';
import { ROUTES } from '../../miniprogram/routes';
import { renewalSteps } from '../server/applications/fixtures';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { FakeCanvas } from './helpers/fake-canvas';
import { fillInput, tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { bindWxFiles, tempFile } from './helpers/wx-files';

const server = useChildServer({ severalPages: true });

type Page = ReturnType<typeof renderPage>;
type Instance = Record<string, any>;
const instanceOf = (page: Page) => page.instance as unknown as Instance;
interface DocumentsData {
  ready: boolean;
  adding: boolean;
  passports: Array<{ id: string; title: string; details: string; advice: string; adviceText: string; renewLabel: string }>;
  errors: Record<string, string>;
}
const data = (page: Page) => page.instance.data as unknown as DocumentsData;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** The citizen's last passport application, submitted through the api layer (what the renewal copies from). */
async function submittedRenewal(): Promise<void> {
  const canvas = new FakeCanvas();
  canvas.width = 640;
  canvas.height = 240;
  const ctx = canvas.getContext();
  ctx.beginPath();
  ctx.moveTo(20, 180);
  for (const [x, y] of [[120, 40], [200, 200], [300, 60], [400, 180], [520, 80], [600, 160]]) ctx.lineTo(x, y);
  const signature = tempFile('signature.png', canvas.toPng());
  const uploads: Record<string, Array<[string, string]>> = {
    declaration: [['declaration_signature', signature]],
    photo: [['id_photo', server.images.goodPhoto]],
    documents: [['passport_data_page', server.images.document]],
  };
  const draft = await createApplication('passport', 'us-new-york');
  for (const [stepId, answers] of renewalSteps) {
    if (stepId === 'review') break;
    for (const [docId, file] of uploads[stepId] ?? []) await uploadDocument(draft.id, docId, file);
    if (stepId === 'face') await skipFace(draft.id);
    await saveStep(draft.id, stepId, stepId === 'delivery' ? { ...answers, paymentMethod: 'at_mission' } : answers);
  }
  const order = await submitApplication(draft.id);
  expect(order.orderNo).toBeTruthy();
}

async function openDocuments(query: Record<string, string> = {}): Promise<Page> {
  const page = renderPage('packages/documents/index/index');
  await instanceOf(page).onLoad(query);
  await simulate.sleep(0);
  return page;
}

describe('我的证件 and the expiry reminder', () => {
  beforeEach(() => bindWxFiles());

  it('adds a passport (field messages from the shared validator), shows its expiry and what to do; the reminder opens the renewal filled in from the last application', async () => {
    await readyCitizen(server, '李明');
    await submittedRenewal();

    // 我的 → 我的证件.
    wx.navigateTo = jest.fn();
    const me = renderPage('pages/me/index');
    expect(textOf(me)).toContain(t.me.documents);
    (me.querySelector('.documents') as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } }).querySelector('.t-cell').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: ROUTES.documents });

    const page = await openDocuments();
    await until(() => data(page).ready, 'the list');
    expect(textOf(page)).toContain(text.empty);

    // Add: a wrong expiry is named beside its field as the citizen leaves it.
    await tapButton(page, '.add');
    expect(data(page).adding).toBe(true);
    const expiry = isoDay(addDays(240)); // about 8 months left
    const issue = `${Number(expiry.slice(0, 4)) - 10}${expiry.slice(4)}`;
    await fillInput(page, '.field--number', 'E1234');
    expect(textOf(page)).toContain(domainMessages.passportFormat);
    await fillInput(page, '.field--number', 'E12345678');
    await fillInput(page, '.field--issue-date', issue);
    await fillInput(page, '.field--expiry-date', issue);
    expect(textOf(page)).toContain(domainMessages.passportExpiryBeforeIssue);
    await tapButton(page, '.save');
    expect(data(page).passports).toEqual([]); // nothing sent while a field is wrong
    await fillInput(page, '.field--expiry-date', expiry);
    expect(textOf(page)).not.toContain(domainMessages.passportExpiryBeforeIssue);
    await tapButton(page, '.save');
    await until(() => data(page).passports.length === 1, 'the added passport');
    const [card] = data(page).passports;
    expect(card).toMatchObject({ advice: 'renew_soon', adviceText: text.advice.renew_soon, renewLabel: text.renew });
    expect(textOf(page)).toContain(`有效期至 ${expiry}`);
    expect(textOf(page)).toContain(maskIdNumber('E12345678'));
    expect(textOf(page)).not.toContain('E12345678');

    // The sweep, as on today: the 12-month reminder lands in 消息中心.
    expect((await server.sweepPassports(new Date())).reminded).toBeGreaterThanOrEqual(1);
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo;
    const inbox = renderPage('pages/messages/index');
    (inbox as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    await until(() => (inbox.instance.data as { phase: string }).phase === 'ready', 'the messages');
    await simulate.sleep(0);
    const reminder = (inbox.instance.data as { messages: Array<{ id: string; title: string; body: string }> }).messages.find((m) => m.title === '护照即将到期');
    expect(reminder?.body).toContain('您的护照将于');
    (inbox.querySelector(`.msg--${reminder!.id}`) as unknown as { dispatchEvent(name: string): void }).dispatchEvent('tap');
    await until(() => navigateTo.mock.calls.length > 0, 'the reminder to open');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/documents/index/index?renew=${card.id}` });

    // The reminder's page: straight to the renewal draft on the apply form.
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo;
    await openDocuments({ renew: card.id });
    await until(() => redirectTo.mock.calls.length > 0, 'the renewal to open');
    const url = redirectTo.mock.calls[0][0].url as string;
    expect(url).toMatch(/^\/packages\/apply\/form\/index\?service=passport&id=[0-9a-f-]{36}$/);

    const form = renderPage('packages/apply/form/index');
    await instanceOf(form).onLoad({ service: 'passport', id: url.split('id=')[1] });
    await until(() => (form.instance.data as { phase: string }).phase === 'form', 'the prefilled form');
    // The current passport is known (added above): the first new thing is the signed declaration.
    expect((form.instance.data as { step: { id: string } }).step.id).toBe('declaration');
    expect((form.instance.data as { resumedNotice: string }).resumedNotice).toBeTruthy();
    const state = instanceOf(form).state();
    expect(state.answers).toMatchObject({
      case: 'renewal',
      renewalReason: 'expiring',
      currentPassportNumber: 'E12345678',
      currentPassportExpiry: expiry,
      surnameZh: '李',
      birthDate: '1985-03-02',
      addressAbroad: '100 Main St, New York, NY 10001',
      domesticContactPhone: '+8613812345678', // as the server normalised it
    });
    expect(state.answers).not.toHaveProperty('declarationAgreed');
    expect(state.answers).not.toHaveProperty('collection');
    expect(state.detail.status).toBe('draft');
    expect(state.detail.documents).toEqual([]); // no signature, photo or data page carried over
    // Back a step: the contact details are there to review.
    instanceOf(form).back();
    await simulate.sleep(0);
    expect((form.instance.data as { step: { id: string } }).step.id).toBe('occupation');

    // 我的证件 again: the card offers to continue that draft; then remove it.
    const again = await openDocuments();
    await until(() => data(again).passports.length === 1, 'the list again');
    expect(data(again).passports[0].renewLabel).toBe(text.continueRenewal);
    // The card's button resumes the same draft (no second one).
    navigateTo.mockClear();
    await tapButton(again, '.renew');
    await until(() => navigateTo.mock.calls.length > 0, 'the card to open the renewal');
    expect(navigateTo).toHaveBeenCalledWith({ url });
    wx.showModal = ((options: WechatMiniprogram.ShowModalOption) => options.success?.({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)) as typeof wx.showModal;
    await tapButton(again, '.remove');
    await until(() => data(again).passports.length === 0, 'the passport removed');
  });
});
