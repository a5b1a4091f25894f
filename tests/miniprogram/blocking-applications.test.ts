/**
 * 以我名义提交的申请 against the real server (child process): a stranger applies "for a
 * relative" with my ID number; once verified with that number I see the application (not
 * the stranger's account), object with a reason in the dialog, see it marked as objected;
 * the mission's supervisor voids it and it leaves my list.
 */
import { submitApplication } from '../../miniprogram/api/applications';
import { clearSession } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { t } from '../../miniprogram/packages/identity/text';
import { ROUTES } from '../../miniprogram/routes';
import { useChildServer } from './helpers/child-server';
import { readyCitizen, residentId } from './helpers/citizen';
import { textOf, typeKeys, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { emergencyUpToReview } from './helpers/orders';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';
import { bindWxToHttp } from './helpers/wx-http';

const PAGE = 'packages/identity/blocking/index';

const server = useChildServer({ staff: true, severalPages: true });
let supervisor: StaffHttpClient;

beforeAll(async () => {
  supervisor = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'supervisor')!);
});

type Page = ReturnType<typeof renderPage>;
type Instance = WechatMiniprogram.Component.TrivialInstance;
interface BlockingData {
  phase: string;
  applications: Array<{ id: string; objected: boolean }>;
  dialogVisible: boolean;
  sending: boolean;
  sendError: string;
}
const data = (page: Page) => page.instance.data as unknown as BlockingData;
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');

beforeEach(() => {
  bindWxFiles();
  wx.navigateTo = jest.fn();
});

/** The stranger's emergency application "for a relative" with `idNumber` (born 1985-03-02, as residentId() makes it), submitted. */
async function squatWith(idNumber: string): Promise<{ id: string; orderNo: string }> {
  await readyCitizen(server, '王某');
  const id = await emergencyUpToReview(server.images, { paymentMethod: 'at_mission', forRelative: { idNumber, birthDate: '1985-03-02' } });
  const order = await submitApplication(id, { confirmNoWithdrawal: true });
  return { id: order.id, orderNo: order.orderNo! };
}

describe('以我名义提交的申请', () => {
  it('shows an application made with my ID number, takes an objection with a reason, and drops it once the mission voids it', async () => {
    const myNumber = residentId(999);
    const squatted = await squatWith(myNumber);
    await readyCitizen(server, '李明', myNumber);

    // 我的 → 以我名义提交的申请 (shown once the identity is verified).
    const me = renderPage('pages/me/index');
    expect(textOf(me)).toContain(t.me.blockingApplications);
    (me.querySelector('.blocking-applications') as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } }).querySelector('.t-cell').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: ROUTES.blockingApplications });

    const page = renderPage(PAGE);
    show(page);
    await until(() => data(page).phase === 'ready', 'the list');
    expect(data(page).applications).toEqual([expect.objectContaining({ id: squatted.id, objected: false })]);
    expect(textOf(page)).toContain(squatted.orderNo);
    expect(textOf(page)).toContain('待审核');
    expect(textOf(page)).not.toContain('王某'); // nothing about the other account

    // 提出异议 → the dialog → a reason → 提交异议.
    const objectButton = page.querySelector(`.object--${squatted.id}`) as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } };
    objectButton.querySelector('.t-button').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(data(page).dialogVisible).toBe(true);
    await typeKeys(page, '.reason', '我从未委托他人办理', '.t-textarea__wrapper-inner');
    (page.instance.selectComponent('.objection-dialog') as Instance).triggerEvent('confirm');
    await until(() => data(page).applications[0]?.objected === true, 'the objection to land');
    expect(data(page).dialogVisible).toBe(false);
    expect(textOf(page)).toContain(t.blocking.objected);

    // The supervisor sees my reason (and nothing of mine beyond it) and voids the application.
    const open = await supervisor.get('/api/console/applicant-objections');
    const objection = open.body.objections.find((o: { applicationId: string }) => o.applicationId === squatted.id);
    expect(objection).toEqual(expect.objectContaining({ reason: '我从未委托他人办理', orderNo: squatted.orderNo }));
    expect((await supervisor.post(`/api/console/applicant-objections/${objection.id}/resolve`, { outcome: 'void', note: '冒用身份' })).status).toBe(200);

    show(page);
    await until(() => data(page).applications.length === 0, 'the voided application to leave the list');
    expect(textOf(page)).toContain(t.blocking.empty);
  });

  it('asks a citizen without a verified identity to verify first, and opens 实名认证', async () => {
    // A fresh WeChat account that has logged in but not verified an identity.
    setApiBaseUrl(server.baseUrl);
    clearSession();
    bindWxToHttp(() => server.mintLoginCode(`o_unverified_${process.pid}`));

    const page = renderPage(PAGE);
    show(page);
    await until(() => data(page).phase === 'identity_required', 'the identity prompt');
    expect(textOf(page)).toContain(t.blocking.identityRequired);
    const verify = page.querySelector('.verify') as unknown as { querySelector(s: string): { dispatchEvent(n: string): void } };
    verify.querySelector('.t-button').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: ROUTES.identityForm });
  });
});
