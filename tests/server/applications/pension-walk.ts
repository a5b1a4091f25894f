import type { Client } from './helpers';

/** A pension certification through the API, step by step (tests/e2e and tests/console share it). */

export type PensionWho = { relation: 'self' } | { relation: 'parent'; idNumber: string; name: string };

export async function putStep(api: Client, id: string, step: string, answers: Record<string, unknown>) {
  const response = await api.put(`/api/applications/${id}/steps/${step}`, { answers });
  if (response.status !== 200) throw new Error(`${step}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Declaration → (pensioner) → locality (上海) → account; the draft then waits at the face step. */
export async function pensionDraftAtFace(api: Client, who: PensionWho, ssn: string, missionId = 'us-new-york'): Promise<string> {
  const created = await api.post('/api/applications', { service: 'pension', missionId });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  await putStep(api, id, 'declaration', { declarationRead: true, applicantRelation: who.relation });
  if (who.relation === 'parent') await putStep(api, id, 'pensioner', { pensionerIdType: 'resident_id', pensionerIdNumber: who.idNumber, pensionerName: who.name });
  await putStep(api, id, 'locality', { payingProvince: '31', payingAgency: '310000' });
  await putStep(api, id, 'account', { socialSecurityNumber: ssn, pensionAccountName: who.relation === 'self' ? '张秀英' : who.name });
  return id;
}

/** The WeChat sandbox passes a face check unless told otherwise. */
export async function passFace(api: Client, id: string): Promise<void> {
  const started = await api.post(`/api/applications/${id}/face/start`);
  if (started.status !== 200) throw new Error(`face start: ${started.status}`);
  const result = await api.post(`/api/applications/${id}/face/result`, { verifyId: started.body.verifyId });
  if (result.body.face?.status !== 'passed') throw new Error(`face: ${JSON.stringify(result.body.face)}`);
  await putStep(api, id, 'face', {});
}

export async function skipFace(api: Client, id: string): Promise<void> {
  const skipped = await api.post(`/api/applications/${id}/face/skip`);
  if (skipped.status !== 200) throw new Error(`face skip: ${skipped.status}`);
  await putStep(api, id, 'face', {});
}

export async function submitCertification(api: Client, id: string) {
  const response = await api.post(`/api/applications/${id}/submit`);
  if (response.status !== 200) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
