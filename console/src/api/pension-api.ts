/** The mission's pension certifications (server/pension/console-routes.ts, docs/pension.md). */
import { request } from './http';

export interface PensionInterviewRow {
  applicationId: string;
  orderNo: string | null;
  personName: string;
  personIdMasked: string;
  submittedAt: string | null;
  reasons: string[];
  version: number;
}

export interface PensionPushRow {
  applicationId: string;
  orderNo: string | null;
  personName: string;
  personIdMasked: string;
  state: 'waiting' | 'retrying' | 'failed' | 'sent' | 'accepted' | 'rejected';
  stateLabel: string;
  attempts: number;
  lastError: string | null;
  lastPushAt: string | null;
  expectedResultBy: string;
  authorityRef: string | null;
  reason: string | null;
  canRetry: boolean;
}

export interface PensionOverview {
  interviews: PensionInterviewRow[];
  pushes: PensionPushRow[];
  decided: PensionPushRow[];
}

export interface PensionAudit {
  entries: Array<{ at: string; actorKind: string; actorName: string | null; action: string; detail: Record<string, unknown> }>;
  jobs: Array<{ kind: string; status: string; attempts: number; lastError: string | null; createdAt: string; finishedAt: string | null }>;
}

export const pensionApi = {
  overview: () => request<PensionOverview>('/api/console/pension'),
  retry: (applicationId: string) => request<PensionPushRow>(`/api/console/pension/${encodeURIComponent(applicationId)}/retry`, { method: 'POST', body: {} }),
  audit: (applicationId: string) => request<PensionAudit>(`/api/console/pension/${encodeURIComponent(applicationId)}/audit`),
};
