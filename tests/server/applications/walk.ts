import { emergencySteps, renewalSteps } from './fixtures';
import type { Client } from './helpers';

/** Uploaded once per suite (image generation takes a moment). */
export interface TestImages {
  idPhoto: Buffer;
  document: Buffer;
  signature: Buffer;
}

/** What must be uploaded or done before a step can be saved. */
async function beforeStep(api: Client, id: string, stepId: string, files: TestImages, docs: Record<string, string[]>) {
  for (const docId of docs[stepId] ?? []) {
    const data = docId === 'id_photo' ? files.idPhoto : docId === 'declaration_signature' ? files.signature : files.document;
    const type = docId === 'declaration_signature' ? 'image/png' : 'image/jpeg';
    const response = await api.upload(`/api/applications/${id}/documents/${docId}`, data, type);
    if (response.status !== 200) throw new Error(`upload ${docId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  if (stepId === 'face') {
    const response = await api.post(`/api/applications/${id}/face/skip`);
    if (response.status !== 200) throw new Error(`face skip: ${response.status}`);
  }
}

async function walk(
  api: Client,
  id: string,
  steps: Array<[string, Record<string, string | boolean>]>,
  files: TestImages,
  docs: Record<string, string[]>,
  options: { until?: string; overrides?: Record<string, string | boolean> } = {},
) {
  for (const [stepId, answers] of steps) {
    if (stepId === options.until) return;
    await beforeStep(api, id, stepId, files, docs);
    const own = Object.fromEntries(Object.keys(answers).map((k) => [k, options.overrides?.[k] ?? answers[k]]));
    const response = await api.put(`/api/applications/${id}/steps/${stepId}`, { answers: own });
    if (response.status !== 200) throw new Error(`step ${stepId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** Fills a self renewal (fixtures.renewalSteps) step by step through the API. */
export const walkRenewal = (api: Client, id: string, files: TestImages, options?: { until?: string; overrides?: Record<string, string | boolean> }) =>
  walk(api, id, renewalSteps, files, { declaration: ['declaration_signature'], photo: ['id_photo'], documents: ['passport_data_page'] }, options);

export const walkEmergency = (api: Client, id: string, files: TestImages, options?: { until?: string }) =>
  walk(api, id, emergencySteps(), files, { photo: ['id_photo'], documents: ['loss_statement'] }, options);

export async function newDraft(api: Client, service = 'passport', missionId = 'us-new-york'): Promise<string> {
  const response = await api.post('/api/applications', { service, missionId });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
