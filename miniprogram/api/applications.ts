/**
 * Applications (护照旅行证, 应急旅行证, …): drafts, step saves, uploads, the face check and
 * submission — see docs/application-engine.md for the server side. Every call goes through
 * request(), so the token and the one re-login on 401 work the same as everywhere else.
 */
import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationSummary,
  LatestDraft,
  StartFaceResponse,
  UploadedDocument,
} from '../domain/services/application-api-types';
import type { ApplicationServiceId } from '../domain/services/definition-types';
import type { ApplicationFee } from '../domain/services/payment-api-types';
import { t } from '../locale/text';
import { ApiError, request, uploadFile } from './request';

/** The server refuses bigger uploads; the mini-program checks first so nothing is sent in vain. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const enc = encodeURIComponent;

export async function listApplications(): Promise<ApplicationSummary[]> {
  return (await request<ApplicationList>('/api/applications')).applications;
}

/** The newest draft of this service, whole, if the citizen has one (to resume it): one request. */
export async function findDraft(service: ApplicationServiceId): Promise<ApplicationDetail | null> {
  return (await request<LatestDraft>(`/api/applications/latest-draft?service=${enc(service)}`)).draft;
}

/**
 * What the application costs and covers, from the mission's fee table: priced from the
 * answers while a draft (the review step), fixed at submission (the pay page).
 * 409 FEE_NOT_CONFIGURED when the mission has no fee for it.
 */
export function fetchFee(id: string): Promise<ApplicationFee> {
  return request<ApplicationFee>(`/api/applications/${enc(id)}/fee`);
}

/** 403 IDENTITY_REQUIRED when the account has no verified identity yet. */
export function createApplication(service: ApplicationServiceId, missionId: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>('/api/applications', { method: 'POST', body: { service, missionId } });
}

export function fetchApplication(id: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}`);
}

/**
 * Saves one step (its own fields only). 400 VALIDATION_FAILED → per-field messages;
 * 400 STEP_INCOMPLETE → `documents.<id>` / `face`; 409 STEP_SKIPPED / STEP_NOT_ON_PATH.
 */
export function saveStep(id: string, stepId: string, answers: Record<string, string | boolean>): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/steps/${enc(stepId)}`, { method: 'PUT', body: { answers } });
}

export function withdrawApplication(id: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/withdraw`, { method: 'POST', body: {} });
}

/** 400 SUBMISSION_INCOMPLETE (fields `step.field`, `documents.id`, `face`), 409 DUPLICATE_APPLICATION. */
export function submitApplication(id: string, options: { confirmNoWithdrawal?: boolean } = {}): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/submit`, { method: 'POST', body: options });
}

export function startFace(id: string): Promise<StartFaceResponse> {
  return request<StartFaceResponse>(`/api/applications/${enc(id)}/face/start`, { method: 'POST', body: {} });
}

export function faceResult(id: string, verifyId: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/face/result`, { method: 'POST', body: { verifyId } });
}

export function skipFace(id: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/face/skip`, { method: 'POST', body: {} });
}

/** The file's size on the device (temp files from the camera, album or canvas). */
function localFileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: () => reject(new ApiError(0, 'FILE_READ_FAILED', t.upload.fileReadFailed)),
    });
  });
}

export function mimeOf(filePath: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  return null;
}

/**
 * Uploads a document image, the ID photo or the signature PNG with wx.uploadFile (multipart
 * field `file`). The server checks the real format by its magic bytes and returns the photo
 * check's findings. 413 FILE_TOO_LARGE, 400 IMAGE_REJECTED, 409 DOCUMENT_NOT_NEEDED.
 */
export async function uploadDocument(id: string, docId: string, filePath: string): Promise<UploadedDocument> {
  if ((await localFileSize(filePath)) > MAX_UPLOAD_BYTES) throw new ApiError(413, 'FILE_TOO_LARGE', t.upload.fileTooLarge);
  return uploadFile<UploadedDocument>(`/api/applications/${enc(id)}/documents/${enc(docId)}`, filePath, 'file');
}
