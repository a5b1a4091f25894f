/**
 * Applications other accounts submitted with my verified ID number, and my objection to one.
 * The server returns only what the identity holder may see: never the other account.
 */
import { request } from './request';

export interface BlockingApplication {
  id: string;
  orderNo: string | null;
  serviceTitle: string;
  missionNameZh: string;
  statusLabel: string;
  submittedAt: string | null;
  objected: boolean;
}

/** 403 IDENTITY_REQUIRED until the citizen's own identity is verified. */
export async function fetchBlockingApplications(): Promise<BlockingApplication[]> {
  return (await request<{ applications: BlockingApplication[] }>('/api/me/identity/blocking-applications')).applications;
}

/** Objecting twice is the same as once; the mission's supervisors are shown the objection. */
export async function objectToApplication(applicationId: string, reason: string): Promise<void> {
  await request<{ ok: true }>(`/api/me/identity/blocking-applications/${encodeURIComponent(applicationId)}/objection`, {
    method: 'POST',
    body: reason.trim() ? { reason: reason.trim() } : {},
  });
}
