import type { Client } from '../applications/helpers';
import { renewalSteps } from '../applications/fixtures';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';

/**
 * Pre-blocking as an attacker does it: `squatter` (verified with their own number) applies
 * for a passport renewal "for a relative" with `victimNumber` and submits it, paying at the
 * mission — the real holder of that number is then refused their own application.
 */
export async function squatRenewal(squatter: Client, files: TestImages, victimNumber: string): Promise<{ id: string; orderNo: string }> {
  const id = await newDraft(squatter);
  await walkRenewal(squatter, id, files, { overrides: { applicantRelation: 'relative', paymentMethod: 'at_mission' }, until: 'renewal-reason' });
  await squatter.put(`/api/applications/${id}/steps/renewal-reason`, { answers: { renewalReason: 'expiring' } });
  const applicant = await squatter.put(`/api/applications/${id}/steps/applicant`, { answers: { applicantIdType: 'resident_id', applicantIdNumber: victimNumber } });
  if (applicant.status !== 200) throw new Error(`applicant step refused: ${JSON.stringify(applicant.body)}`);
  const rest = renewalSteps.slice(renewalSteps.findIndex(([s]) => s === 'personal'));
  for (const [stepId, answers] of rest) {
    if (stepId === 'declaration') await squatter.upload(`/api/applications/${id}/documents/declaration_signature`, files.signature, 'image/png');
    if (stepId === 'photo') await squatter.upload(`/api/applications/${id}/documents/id_photo`, files.idPhoto);
    if (stepId === 'documents') await squatter.upload(`/api/applications/${id}/documents/passport_data_page`, files.document);
    if (stepId === 'face') await squatter.post(`/api/applications/${id}/face/skip`);
    const own = 'paymentMethod' in answers ? { ...answers, paymentMethod: 'at_mission' } : answers;
    const saved = await squatter.put(`/api/applications/${id}/steps/${stepId}`, { answers: own });
    if (saved.status !== 200) throw new Error(`step ${stepId} refused: ${JSON.stringify(saved.body)}`);
  }
  const submitted = await squatter.post(`/api/applications/${id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit refused: ${JSON.stringify(submitted.body)}`);
  return { id, orderNo: submitted.body.orderNo as string };
}
