/**
 * The review page of the step-form page, against the real server: an emergency application
 * filled through the api layer resumes on 核对并提交, lists everything with edit links back
 * into the steps, and submits only after the no-withdrawal / no-refund confirmation.
 */
import { createApplication, fetchApplication, fetchFee, saveStep, skipFace, uploadDocument } from '../../miniprogram/api/applications';
import { fill, t } from '../../miniprogram/packages/apply/text';
import { emergencySteps } from '../server/applications/fixtures';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer();

type Page = ReturnType<typeof renderPage>;
type Instance = WechatMiniprogram.Component.TrivialInstance;


const stepId = (page: Page) => (page.instance.data as { step: { id: string } }).step.id;

/** An emergency application filled up to (not including) the review step. */
async function emergencyUpToReview(): Promise<string> {
  const draft = await createApplication('emergency_travel', 'us-new-york');
  for (const [step, answers] of emergencySteps()) {
    if (step === 'review') break;
    if (step === 'photo') await uploadDocument(draft.id, 'id_photo', server.images.goodPhoto);
    if (step === 'documents') await uploadDocument(draft.id, 'loss_statement', server.images.document);
    if (step === 'face') await skipFace(draft.id);
    await saveStep(draft.id, step, answers);
  }
  return draft.id;
}

describe('核对并提交', () => {
  it('resumes on the review, shows every step with edit links, and submits after the no-withdrawal confirm', async () => {
    bindWxFiles();
    await readyCitizen(server, '王强');
    const id = await emergencyUpToReview();
    const redirectTo = jest.fn();
    wx.redirectTo = redirectTo;

    const page = renderPage('packages/apply/form/index');
    await (page.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({ service: 'emergency_travel' });
    await simulate.sleep(0);
    expect(stepId(page)).toBe('review');
    const text = textOf(page);
    for (const title of ['申请须知', '遗失/被盗情况', '行程信息', '个人信息', '证件照', '上传材料', '身份核验']) expect(text).toContain(title);
    expect(text).toContain('Times Square'); // an answer
    expect(text).toContain('短期来访'); // an option shown by its label
    expect(text).toContain(t.apply.faceStatus.skipped);
    expect(text).toContain('未进行人脸核验'); // why a video interview is needed
    expect(page.querySelectorAll('.review__edit').length).toBeGreaterThanOrEqual(8);

    // The amount, before submitting: priced by the server from the mission's fee table — the
    // amount the pay page will show, not "金额以使领馆通知为准".
    await until(() => !!(page.instance.data as { review: { fee: unknown } }).review.fee, 'the fee');
    const reviewed = textOf(page);
    expect(reviewed).toContain('应急旅行证费');
    expect(reviewed).toContain(fill(t.apply.review.feeTotal, { amount: '¥130.00' }));
    expect(reviewed).toContain('提交时确定金额');
    expect(reviewed).not.toContain('以使领馆通知为准');

    // Submitting without ticking the confirmation is refused on the page.
    await tapButton(page, '.next');
    await until(() => textOf(page).includes('请阅读并勾选确认'), 'the confirmation message');
    expect((page.instance.data as { confirmVisible: boolean }).confirmVisible).toBe(false);

    (page.instance.selectComponent('.field--confirmNoWithdrawal') as Instance).triggerEvent('change', { checked: true });
    await simulate.sleep(0);
    await tapButton(page, '.next');
    await until(() => (page.instance.data as { confirmVisible: boolean }).confirmVisible, 'the no-withdrawal dialog');
    expect((await fetchApplication(id)).status).toBe('draft'); // nothing sent before the confirm

    (page.instance.selectComponent('.no-withdraw-dialog') as Instance).triggerEvent('confirm');
    await until(() => redirectTo.mock.calls.length > 0, 'result page');
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/apply/result/index?id=${id}` });
    const submitted = await fetchApplication(id);
    expect(submitted.orderNo).toMatch(/E/);
    // The order costs what the review said.
    expect(await fetchFee(id)).toMatchObject({ fixed: true, amountFen: 13000 });
  });

  it('an edit link opens that step and saving it returns to the review', async () => {
    bindWxFiles();
    await readyCitizen(server, '王强');
    await emergencyUpToReview();
    const page = renderPage('packages/apply/form/index');
    await (page.instance as unknown as { onLoad(q: Record<string, string>): Promise<void> }).onLoad({ service: 'emergency_travel' });
    await simulate.sleep(0);
    expect(stepId(page)).toBe('review');

    const edit = page.querySelector('.review__edit--trip') as unknown as { dispatchEvent(name: string): void };
    edit.dispatchEvent('tap');
    await until(() => stepId(page) === 'trip', 'the trip step');
    await tapButton(page, '.next');
    await until(() => stepId(page) === 'review', 'back on the review');
  });
});
