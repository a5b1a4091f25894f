import { createApplication, saveStep, skipFace, submitApplication, uploadDocument } from '../../../miniprogram/api/applications';
import type { ApplicationDetail } from '../../../miniprogram/domain/services/application-api-types';
import { emergencySteps } from '../../server/applications/fixtures';

/**
 * An emergency travel certificate application filled through the mini-program's api layer
 * up to (not including) the review step, by the citizen readyCitizen() logged in.
 * `paymentMethod: 'at_mission'` makes its submission land in 待审核 directly.
 */
export async function emergencyUpToReview(
  images: { goodPhoto: string; document: string },
  options: { paymentMethod?: 'online' | 'at_mission'; forRelative?: { idNumber: string; birthDate: string } } = {},
): Promise<string> {
  const draft = await createApplication('emergency_travel', 'us-new-york');
  const relative = options.forRelative;
  for (const [step, answers] of emergencySteps()) {
    if (step === 'review') break;
    if (step === 'photo') await uploadDocument(draft.id, 'id_photo', images.goodPhoto);
    if (step === 'documents') await uploadDocument(draft.id, 'loss_statement', images.document);
    if (step === 'face') await skipFace(draft.id);
    let own = step === 'delivery' && options.paymentMethod ? { ...answers, paymentMethod: options.paymentMethod } : answers;
    // "For a relative": their ID number (after 行程信息) and the birth date it encodes.
    if (relative && step === 'eligibility') own = { ...own, applicantRelation: 'relative' };
    if (relative && step === 'personal') own = { ...own, birthDate: relative.birthDate };
    await saveStep(draft.id, step, own);
    if (relative && step === 'trip') await saveStep(draft.id, 'applicant', { applicantIdType: 'resident_id', applicantIdNumber: relative.idNumber });
  }
  return draft.id;
}

/** A submitted order in 待审核 (paying at the mission). */
export async function submittedOrder(images: { goodPhoto: string; document: string }): Promise<ApplicationDetail> {
  const id = await emergencyUpToReview(images, { paymentMethod: 'at_mission' });
  const order = await submitApplication(id, { confirmNoWithdrawal: true });
  if (order.status !== 'submitted') throw new Error(`expected 待审核, got ${order.status}`);
  return order;
}

export { until } from './interact';
