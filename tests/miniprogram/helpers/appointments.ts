/**
 * 到馆预约 set-up shared by the page tests: the New York mission opening fingerprint
 * collection with counter slots, and a passport renewal (which needs fingerprints there)
 * submitted through the mini-program's api layer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApplication, saveStep, skipFace, submitApplication, uploadDocument } from '../../../miniprogram/api/applications';
import { renewalSteps } from '../../server/applications/fixtures';
import type { ChildServer } from './child-server';
import { readyCitizen } from './citizen';
import { FakeCanvas } from './fake-canvas';
import { missionDate } from './interview';
import type { StaffHttpClient } from './staff';

export interface RenewalFiles {
  photo: string;
  document: string;
  signature: string;
}

/** The uploads a renewal needs: the server's test photo and page, and a signature drawn into `dir`. */
export function renewalFiles(server: ChildServer, dir: string): RenewalFiles {
  const canvas = new FakeCanvas();
  canvas.width = 640;
  canvas.height = 240;
  const ctx = canvas.getContext();
  ctx.beginPath();
  ctx.moveTo(20, 90);
  for (const [x, y] of [[60, 20], [100, 100], [150, 30], [200, 90], [260, 40], [300, 80]]) ctx.lineTo(x, y);
  const signature = path.join(dir, 'signature.png');
  fs.writeFileSync(signature, canvas.toPng());
  return { photo: server.images.goodPhoto, document: server.images.document, signature };
}

/**
 * Fingerprints at the New York mission (15-minute slots, 2 places, 24 h cut-off): 10:00 and
 * 10:15, 3 and 4 days ahead. Resolves to the server's count of slots created and skipped.
 */
export async function openFingerprintSlots(supervisor: StaffHttpClient): Promise<{ created: number; skipped: number }> {
  const type = await supervisor.put('/api/console/appointment-types/fingerprints', { minutes: 15, capacity: 2, cutoffHours: 24, active: true });
  if (type.status !== 200) throw new Error(`appointment type: ${type.status}`);
  const slots = await supervisor.post('/api/console/appointment-slots', {
    kind: 'fingerprints',
    fromDate: missionDate(3),
    toDate: missionDate(4),
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: '10:00',
    endTime: '10:30',
  });
  if (slots.status !== 200 && slots.status !== 201) throw new Error(`appointment slots: ${slots.status}`);
  return slots.body as { created: number; skipped: number };
}

const uploadsBefore: Record<string, Array<[string, keyof RenewalFiles]>> = {
  declaration: [['declaration_signature', 'signature']],
  photo: [['id_photo', 'photo']],
  documents: [['passport_data_page', 'document']],
};

/** A renewal submitted (paying at the mission) by a new citizen `name`; its application id. */
export async function submittedRenewal(server: ChildServer, name: string, files: RenewalFiles): Promise<string> {
  await readyCitizen(server, name);
  let detail = await createApplication('passport', 'us-new-york');
  for (const [stepId, answers] of renewalSteps) {
    if (stepId === 'review') break;
    for (const [docId, file] of uploadsBefore[stepId] ?? []) await uploadDocument(detail.id, docId, files[file]);
    if (stepId === 'face') detail = await skipFace(detail.id);
    detail = await saveStep(detail.id, stepId, 'paymentMethod' in answers ? { ...answers, paymentMethod: 'at_mission' } : answers);
  }
  const order = await submitApplication(detail.id);
  if (order.status !== 'submitted') throw new Error(`expected 待审核, got ${order.status}`);
  return detail.id;
}
