/**
 * 身份核验 against the real server and the WeChat sandbox: the device check, the server's
 * verifyId, wx.requestFacialVerify, then the server asks "WeChat" for the real result.
 */
import { createApplication, saveStep } from '../../miniprogram/api/applications';
import { t } from '../../miniprogram/packages/apply/text';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { listen, tapButton, textOf, until } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';

const server = useChildServer();


type FaceWx = { checkIsSupportFacialRecognition: jest.Mock; requestFacialVerify: jest.Mock };

describe('身份核验', () => {
  it('passes through WeChat face verification with the server’s verifyId', async () => {
    await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    await saveStep(draft.id, 'eligibility', { case: 'renewal', applicantRelation: 'self' });
    const faceWx = wx as unknown as FaceWx;
    faceWx.checkIsSupportFacialRecognition = jest.fn((o: { success(): void }) => setTimeout(() => o.success()));
    faceWx.requestFacialVerify = jest.fn((o: { verifyId: string; success(): void }) => setTimeout(() => o.success()));

    const face = renderPage('packages/apply/components/face-step/index', { applicationId: draft.id, status: '', attemptsLeft: 10 });
    await simulate.sleep(0);
    const changed = jest.fn();
    listen(face)('change', changed);
    await tapButton(face, '.face__start');
    await until(() => changed.mock.calls.length > 0, 'face result');
    expect(faceWx.requestFacialVerify).toHaveBeenCalledWith(expect.objectContaining({ verifyId: expect.any(String) }));
    expect(changed.mock.calls[0][0].detail.detail.face.status).toBe('passed');
  });

  it('a device without face recognition is told to skip, and nothing is started', async () => {
    const { counters } = await readyCitizen(server);
    const draft = await createApplication('passport', 'us-new-york');
    const faceWx = wx as unknown as FaceWx;
    faceWx.checkIsSupportFacialRecognition = jest.fn((o: { fail(e: unknown): void }) => setTimeout(() => o.fail({ errMsg: 'not support' })));
    const face = renderPage('packages/apply/components/face-step/index', { applicationId: draft.id, status: '', attemptsLeft: 10 });
    await simulate.sleep(0);
    await tapButton(face, '.face__start');
    await until(() => textOf(face).includes(t.apply.faceUnsupported), 'unsupported notice');
    expect(counters.requests.some((r) => r.url.includes('/face/start'))).toBe(false);
    expect(textOf(face)).toContain(t.apply.faceSkip);
  });
});
