/** The mission's pension certifications (server/pension/console-routes.ts, docs/pension.md). */
import type { PensionAudit, PensionInterviewRow, PensionOverview, PensionPushRow } from '../../../contracts/pension';
import { request } from './http';

export type { PensionAudit, PensionInterviewRow, PensionOverview, PensionPushRow };

export const pensionApi = {
  overview: () => request<PensionOverview>('/api/console/pension'),
  retry: (applicationId: string) => request<PensionPushRow>(`/api/console/pension/${encodeURIComponent(applicationId)}/retry`, { method: 'POST', body: {} }),
  audit: (applicationId: string) => request<PensionAudit>(`/api/console/pension/${encodeURIComponent(applicationId)}/audit`),
};
