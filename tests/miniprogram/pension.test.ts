/**
 * 养老金资格认证 in the mini-program, against the real server (child process) and its
 * pension-authority sandbox: the form through the one step-form page, the countdown card
 * on 首页 and 我的, the pension page (history, one-tap re-certification) and the result
 * page's explanations (a refusal with the paper form at the mission).
 */
import { createApplication, faceResult, saveStep, startFace, submitApplication } from '../../miniprogram/api/applications';
import { fetchPensionPersons } from '../../miniprogram/api/pension';
import { applicationMessages } from '../../miniprogram/domain/services/application-messages';
import { ROUTES } from '../../miniprogram/routes';
import { useChildServer } from './helpers/child-server';
import { httpFetch } from './helpers/http-fetch';
import { readyCitizen, residentId } from './helpers/citizen';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

const server = useChildServer({ severalPages: true });

type Page = ReturnType<typeof renderPage>;
type Loadable = { onLoad(query: Record<string, string>): Promise<void> };
async function load(page: Page, query: Record<string, string> = {}): Promise<void> {
  await (page.instance as unknown as Loadable).onLoad(query);
  await simulate.sleep(0);
}
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
const dataOf = <T>(page: Page) => page.instance.data as T;

let navigateTo: jest.Mock;
beforeEach(() => {
  navigateTo = jest.fn();
  wx.navigateTo = navigateTo;
  wx.redirectTo = jest.fn();
  wx.makePhoneCall = jest.fn();
});

let person = 700;

/** A certification for a parent, filled and submitted through the mini-program's api layer. */
async function certifyParent(name: string): Promise<{ id: string; idNumber: string }> {
  const idNumber = residentId(++person);
  const draft = await createApplication('pension', 'us-new-york');
  await saveStep(draft.id, 'declaration', { declarationRead: true, applicantRelation: 'parent' });
  await saveStep(draft.id, 'pensioner', { pensionerIdType: 'resident_id', pensionerIdNumber: idNumber, pensionerName: name });
  await saveStep(draft.id, 'locality', { payingProvince: '44', payingAgency: '440100' });
  await saveStep(draft.id, 'account', { socialSecurityNumber: idNumber, pensionAccountName: name });
  const started = await startFace(draft.id);
  await faceResult(draft.id, started.verifyId);
  await saveStep(draft.id, 'face', {});
  await submitApplication(draft.id);
  return { id: draft.id, idNumber };
}

/** The server's job runner pushes and polls in the background: wait for the authority's answer. */
async function decided(id: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { persons } = await fetchPensionPersons();
    const entry = persons.flatMap((p) => p.history).find((h) => h.applicationId === id);
    if (entry && (entry.status === 'completed' || entry.status === 'rejected')) return;
    if (Date.now() - started > 20_000) throw new Error(`certification ${id} not decided`);
    await simulate.sleep(100);
  }
}

describe('养老金资格认证', () => {
  it('the form renders from the pension definition through the step-form page; Next without the declaration ticked says so', async () => {
    await readyCitizen(server, '周建国');
    const page = renderPage('packages/apply/form/index');
    await load(page, { service: 'pension' });
    const text = textOf(page);
    expect(dataOf<{ step: { id: string; title: string } }>(page).step).toMatchObject({ id: 'declaration', title: '认证声明' });
    expect(text).toContain('每12个月须至少认证一次');
    expect(text).toContain('我已阅读并同意以上声明');
    expect(text).toContain('父母');
    await tapButton(page, '.next');
    await simulate.sleep(10);
    expect(textOf(page)).toContain(applicationMessages.mustTick);
  });

  it('首页 and 我的 show the countdown card once a person is certified; it opens the pension page', async () => {
    await readyCitizen(server, '周建国');
    const { id } = await certifyParent('周德明');
    await decided(id);

    const home = renderPage('pages/home/index');
    show(home);
    await until(() => textOf(home).includes('距下次认证截止还有'), 'the countdown on 首页');
    expect(textOf(home)).toMatch(/养老金资格认证 · 周德明[\s\S]*距下次认证截止还有 36[4-6] 天/);
    // TDesign's t-cell is a virtual host: the tap lands on its inner view.
    type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string): void };
    (home.querySelector('.pension-countdown') as unknown as Node).querySelector('.t-cell')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.pensionHome });

    const me = renderPage('pages/me/index');
    show(me);
    await until(() => textOf(me).includes('距下次认证截止还有'), 'the countdown in 我的');
    expect(textOf(me)).toContain('周德明');
  });

  it('the pension page lists the person with the countdown and history; 重新认证 opens a prefilled draft at the face check', async () => {
    await readyCitizen(server, '吴国强');
    const { id, idNumber } = await certifyParent('吴桂芳');
    await decided(id);
    const page = renderPage('packages/pension/index/index');
    await load(page);
    await until(() => !dataOf<{ loading: boolean }>(page).loading, 'the list');
    const text = textOf(page);
    expect(text).toContain('吴桂芳');
    expect(text).toMatch(/距下次认证截止还有 36[4-6] 天/);
    expect(text).toContain('已完成');
    expect(text).toContain('认证记录');

    await tapButton(page, '.recertify');
    await until(() => navigateTo.mock.calls.length > 0, 'navigation to the form');
    const url = navigateTo.mock.calls[0][0].url as string;
    expect(url).toMatch(new RegExp(`^${ROUTES.applyForm}\\?service=pension&id=`));
    const draftId = url.split('id=')[1];
    const form = renderPage('packages/apply/form/index');
    await load(form, { service: 'pension', id: draftId });
    expect(dataOf<{ step: { id: string } }>(form).step.id).toBe('face');
    const { persons } = await fetchPensionPersons();
    expect(persons.find((p) => p.idMasked.endsWith(idNumber.slice(-4)))).toBeDefined();
  });

  it('a refusal explains why and shows the paper form at the mission with its address and hours', async () => {
    await readyCitizen(server, '郑小红');
    const idNumber = residentId(++person + 100);
    await httpFetch(`${server.sandboxUrl}/sandbox/pension/mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'reject', idNumber, reason: '领取人已在国内办理认证' }),
    });
    const draft = await createApplication('pension', 'us-new-york');
    await saveStep(draft.id, 'declaration', { declarationRead: true, applicantRelation: 'parent' });
    await saveStep(draft.id, 'pensioner', { pensionerIdType: 'resident_id', pensionerIdNumber: idNumber, pensionerName: '郑德华' });
    await saveStep(draft.id, 'locality', { payingProvince: '44', payingAgency: '440100' });
    await saveStep(draft.id, 'account', { socialSecurityNumber: idNumber, pensionAccountName: '郑德华' });
    const started = await startFace(draft.id);
    await faceResult(draft.id, started.verifyId);
    await saveStep(draft.id, 'face', {});
    await submitApplication(draft.id);
    await decided(draft.id);

    const page = renderPage('packages/pension/result/index');
    await load(page, { id: draft.id });
    await until(() => !dataOf<{ loading: boolean }>(page).loading, 'the result');
    const text = textOf(page);
    expect(text).toContain('认证未通过');
    expect(text).toContain('领取人已在国内办理认证');
    expect(text).toContain('到使领馆办理纸质认证');
    expect(text).toContain('《在境外居住人员领取养老金资格审核表》');
    expect(text).toContain('美国纽约州纽约市第十二大道520号');
    expect(text).toContain('周一至周五');
    expect(text).toContain('广州市');
  });
});
