/**
 * The one step-form page, rendering the passport and emergency definitions against the
 * real server (a child process: page tests run in jsdom) through the mini-program's own
 * api layer — every Next is a real PUT of the step (the draft autosave).
 */
import { createApplication, fetchApplication, listApplications, saveStep } from '../../miniprogram/api/applications';
import { clearSession } from '../../miniprogram/api/request';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { applicationMessages } from '../../miniprogram/domain/services/application-messages';
import { t } from '../../miniprogram/packages/apply/text';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { fillInput, tapButton, textOf, typeKeys, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { meterSetData } from './helpers/set-data-meter';
import { bindWxToHttp } from './helpers/wx-http';
import { bindWxFiles } from './helpers/wx-files';
import { emergencySteps } from '../server/applications/fixtures';

const FORM = 'packages/apply/form/index';

const server = useChildServer();

type Page = ReturnType<typeof renderPage>;
type Instance = WechatMiniprogram.Component.TrivialInstance;

async function openForm(query: Record<string, string>): Promise<Page> {
  const page = renderPage(FORM);
  await (page.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad(query);
  await until(() => (page.instance.data as { phase: string }).phase !== 'loading', 'the form to load');
  return page;
}


const fieldsOf = (page: Page) => (page.instance.data as { fields: Array<{ id: string; value: string }> }).fields;
const stepTitle = (page: Page) => (page.instance.data as { step: { title: string } }).step.title;
const stepId = (page: Page) => (page.instance.data as { step: { id: string } }).step.id;

/** A radio group's change, as TDesign emits it when the citizen taps an option. */
async function choose(page: Page, fieldId: string, value: string) {
  const group = () => page.instance.selectComponent(`.field--${fieldId}`) as Instance | null;
  await until(() => !!group(), `the radio group for ${fieldId} to render`);
  group()!.triggerEvent('change', { value });
  await until(() => fieldValue(page, fieldId) === value, `${fieldId} = ${value}`);
}

const fieldValue = (page: Page, fieldId: string) =>
  (page.instance.data as { fields: Array<{ id: string; value: string }> }).fields.find((f) => f.id === fieldId)?.value;

async function next(page: Page, expectStep?: string) {
  await tapButton(page, '.next');
  if (expectStep) await until(() => stepId(page) === expectStep, `step ${expectStep} (now ${stepId(page)}: ${textOf(page).slice(0, 200)})`);
  else await until(() => !(page.instance.data as { saving: boolean }).saving, 'save');
}

describe('申请 step-form page — passport', () => {
  it('renders the eligibility step from the definition, and Next shows the engine messages without saving', async () => {
    const { counters } = await readyCitizen(server);
    const page = await openForm({ service: 'passport' });
    const text = textOf(page);
    expect(stepTitle(page)).toBe('申请须知');
    expect(text).toContain('护照换发');
    expect(text).toContain('已过期、有效期不足1年或签证页不足4页'); // an option's hint
    expect(text).toContain('为谁申请');

    const before = counters.requests.length;
    await tapButton(page, '.next');
    await until(() => textOf(page).includes(t.apply.fixErrors), 'the form error');
    expect(textOf(page)).toContain(applicationMessages.required);
    expect(textOf(page)).toContain(t.apply.fixErrors);
    expect(counters.requests.slice(before).some((r) => r.method === 'PUT' || r.method === 'POST')).toBe(false);
  });

  it('follows the branch renewal → 换发原因, autosaves each step, and goes back', async () => {
    const { counters } = await readyCitizen(server);
    const page = await openForm({ service: 'passport' });
    await choose(page, 'case', 'renewal');
    await choose(page, 'applicantRelation', 'self');
    await next(page, 'renewal-reason');
    expect(textOf(page)).toContain('有效期不足1年');
    expect(counters.requests.some((r) => r.method === 'PUT' && r.url.endsWith('/steps/eligibility'))).toBe(true);

    // The draft is on the server with the step saved.
    const [draft] = (await listApplications()).filter((a) => a.service === 'passport' && a.status === 'draft');
    const detail = await fetchApplication(draft.id);
    expect(detail.answers).toMatchObject({ case: 'renewal', applicantRelation: 'self' });
    expect(detail.currentStep).toBe('renewal-reason');

    await tapButton(page, '.back');
    expect(stepId(page)).toBe('eligibility');
  });

  it('replacement → lost → 遗失/被盗情况, with a validator message beside a field, and resumes there after closing', async () => {
    const { counters } = await readyCitizen(server);
    const page = await openForm({ service: 'passport' });
    await choose(page, 'case', 'replacement');
    await choose(page, 'applicantRelation', 'self');
    await next(page, 'replacement-reason');
    await choose(page, 'replacementReason', 'lost');
    await next(page, 'loss-details');
    expect(textOf(page)).toContain('是否已向当地警方报案');
    // Parts, not steps: the branch added steps to 填写申请信息, not parts.
    expect((page.instance.data as { progress: { label: string } }).progress.label).toBe('第1部分，共6部分 · 填写申请信息');

    // A field's own message as soon as the citizen leaves it.
    await fillInput(page, '.field--lossPlace', '');
    expect(textOf(page)).toContain(applicationMessages.required);

    // Close WeChat, open again: the same draft, the same step — profile and the whole newest
    // draft side by side in one round (not list, then draft), nothing asked twice.
    const before = counters.requests.length;
    const reopened = await openForm({ service: 'passport' });
    const resumeRequests = counters.requests.slice(before).map((r) => `${r.method} ${r.url.replace(server.baseUrl, '')}`);
    expect(resumeRequests.sort()).toEqual(['GET /api/applications/latest-draft?service=passport', 'GET /api/me']);
    expect(stepId(reopened)).toBe('loss-details');
    expect(textOf(reopened)).toContain('已恢复您上次保存的草稿');
  });

  it('a personal step shows the pinyin validator message and prefills the verified name', async () => {
    await readyCitizen(server, '王小明');
    const page = await openForm({ service: 'passport' });
    await choose(page, 'case', 'first_issue');
    await choose(page, 'applicantRelation', 'self');
    await next(page, 'personal');
    const fields = (page.instance.data as { fields: Array<{ id: string; value: string }> }).fields;
    expect(fields.find((f) => f.id === 'surnameZh')?.value).toBe('王');
    expect(fields.find((f) => f.id === 'givenNameZh')?.value).toBe('小明');
    await fillInput(page, '.field--surnamePinyin', '王');
    expect(textOf(page)).toContain(applicationMessages.pinyin);

    // Typing: one setData of at most 200 bytes per key press, not a re-render of the step.
    const meter = meterSetData(page.instance);
    await typeKeys(page, '.field--surnamePinyin', 'WANG');
    expect(meter.count).toBe(4);
    expect(Math.max(...meter.calls)).toBeLessThanOrEqual(200);
    expect(fieldsOf(page).find((f) => f.id === 'surnamePinyin')?.value).toBe('WANG');
    // Leaving the field re-renders it: the message goes.
    await fillInput(page, '.field--surnamePinyin', 'WANG');
    expect(textOf(page)).not.toContain(applicationMessages.pinyin);
  });

  it('keeps in data only the strings the template reads', async () => {
    await readyCitizen(server);
    const page = await openForm({ service: 'passport' });
    const data = page.instance.data as { text: Record<string, string>; reviewText: Record<string, string> };
    expect(Object.keys(data.text).length + Object.keys(data.reviewText).length).toBeLessThan(30);
  });

  it('without real-name verification the page asks for it first', async () => {
    clearSession();
    bindWxToHttp(() => server.mintLoginCode(`o_apply_noid_${Date.now()}`));
    sessionStore.setLocalMission(null);
    const page = await openForm({ service: 'passport' });
    await until(() => textOf(page).includes(t.apply.needIdentity), 'identity notice');
    expect(textOf(page)).toContain(t.apply.goIdentity);
  });
});

describe('申请 step-form page — emergency travel certificate', () => {
  it('refuses a local resident and offers the passport service instead', async () => {
    const { counters } = await readyCitizen(server);
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo;
    const page = await openForm({ service: 'emergency_travel' });
    expect(stepTitle(page)).toBe('申请须知');
    await choose(page, 'stayType', 'local_resident');
    expect(textOf(page)).toContain(applicationMessages.localResidentRefused);
    expect(textOf(page)).toContain('改为申请护照旅行证');

    const before = counters.requests.length;
    await tapButton(page, '.next'); // a refusal: Next re-renders at once and sends nothing
    expect(stepId(page)).toBe('eligibility');
    expect(counters.requests.slice(before).some((r) => r.method !== 'GET')).toBe(false);

    await tapButton(page, '.refusal__go');
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/form/index?service=passport' });
  });

  it('a short-term visitor whose passport was stolen goes on to 遗失/被盗情况', async () => {
    await readyCitizen(server);
    const page = await openForm({ service: 'emergency_travel' });
    await choose(page, 'stayType', 'short_term_visitor');
    expect(textOf(page)).toContain('来访目的'); // shown only for visitors
    const fieldsData = () => (page.instance.data as { fields: Array<{ id: string }> }).fields.map((f) => f.id);
    expect(fieldsData()).toContain('visitPurpose');
    // A select field: tap its cell, pick in the TDesign picker.
    const cell = page.querySelector('.field--visitPurpose') as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } };
    cell.querySelector('.t-cell').dispatchEvent('tap');
    await until(() => (page.instance.data as { picker: { visible: boolean } }).picker.visible, 'the picker to open');
    (page.instance.selectComponent('.picker') as Instance).triggerEvent('confirm', { value: ['tourism'] });
    await until(() => textOf(page).includes('旅游'), 'the chosen purpose');
    await choose(page, 'emergencyReason', 'stolen');
    await choose(page, 'applicantRelation', 'self');
    await next(page, 'loss-details');
    expect(textOf(page)).not.toContain(applicationMessages.localResidentRefused);
  });
});

describe('申请 step-form page — 证件照 step', () => {
  it('one primary action: 保存并继续 waits for a passing photo, the camera steps back once one passed; a drawn sample meanwhile', async () => {
    bindWxFiles();
    await readyCitizen(server);
    const draft = await createApplication('emergency_travel', 'us-new-york');
    for (const [step, answers] of emergencySteps()) {
      if (step === 'photo') break;
      await saveStep(draft.id, step, answers);
    }
    const form = renderPage('packages/apply/form/index');
    await (form.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({ service: 'emergency_travel', id: draft.id });
    await until(() => (form.instance.data as { step: { kind: string } }).step.kind === 'photo', 'the photo step');
    type Node = { querySelector(selector: string): Node | undefined; dom: HTMLElement };
    const button = (selector: string) => (form.querySelector(selector) as unknown as Node).querySelector('.t-button')!.dom.className;
    const photo = () => form.querySelector('.photo-step') as unknown as Node;

    // Before a photo: the camera is the one primary (filled) button; 保存并继续 is disabled and says why.
    expect(button('.next')).toContain('t-button--disabled');
    expect(textOf(form)).toContain(t.apply.photoFirst);
    const camera = photo().querySelector('.photo__open-camera')!.querySelector('.t-button')!.dom.className;
    expect(camera).toContain('t-button--base');
    expect(camera).toContain('t-button--primary');
    // A drawn sample of a good photo beside it, with the rules.
    // Drawn at the spec's proportions (240 rpx high): crown at 8.3 % (20), head 63.5 % (152–153).
    expect(photo().querySelector('.photo__sample-head')!.dom.getAttribute('style')).toMatch(/^top: 20px; height: 15[23]px;/);
    for (const rule of t.apply.photoSampleRules) expect(textOf(form)).toContain(rule);

    // The album hands over a good photo; crop and compress keep it.
    wx.chooseMedia = ((o: WechatMiniprogram.ChooseMediaOption) =>
      setTimeout(() => o.success?.({ tempFiles: [{ tempFilePath: server.images.goodPhoto, size: 1000, fileType: 'image' }], type: 'image' } as never))) as unknown as typeof wx.chooseMedia;
    wx.cropImage = ((o: WechatMiniprogram.CropImageOption) => setTimeout(() => o.success?.({ tempFilePath: o.src, errMsg: 'cropImage:ok' }))) as unknown as typeof wx.cropImage;
    wx.compressImage = ((o: WechatMiniprogram.CompressImageOption) => setTimeout(() => o.success?.({ tempFilePath: o.src, errMsg: 'compressImage:ok' }))) as unknown as typeof wx.compressImage;
    await tapButton(photo() as never, '.photo__album');
    await until(() => !(form.instance.data as { nextBlocked: boolean }).nextBlocked, 'the photo passed');
    expect(button('.next')).not.toContain('t-button--disabled');
    expect(photo().querySelector('.photo__open-camera')!.querySelector('.t-button')!.dom.className).toContain('t-button--outline');
    expect(photo().querySelector('.photo__sample')).toBeFalsy();
    expect(textOf(form)).not.toContain(t.apply.photoFirst);
  });
});
