/** 海外公民登记 in the console: registrants, counts, emergency export, and per alert its reach and answers. */
import type { AlertAnswer, RegistrationPurpose, RegistrationStatus } from '../../../miniprogram/domain/registration';
import { ApiError, request } from './http';
import type { ApiErrorBody } from './types';

export interface StaffRegistrant {
  id: string;
  name: string;
  relation: string;
  idNumberMasked: string;
  phoneMasked: string;
  region: string;
  city: string;
  purpose: RegistrationPurpose;
  purposeLabel: string;
  status: RegistrationStatus;
  statusLabel: string;
  arrivalDate: string;
  departureDate: string | null;
  certificateCode: string;
  createdAt: string;
}

export interface StaffRegistrantDetail extends StaffRegistrant {
  phone: string;
  email: string | null;
  address: string;
  chinaContact: string;
  abroadContact: string | null;
  notes: string | null;
}

export interface RegistrationStats {
  byStatus: Record<string, number>;
  byPurpose: Record<string, number>;
  byRegion: Array<{ region: string; count: number }>;
  needHelp: number;
}

export interface RegistrantFilter {
  region?: string;
  city?: string;
  purpose?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface AlertReach {
  alertId: string;
  title: string;
  area: { countryCode: string; region: string | null; city: string | null };
  people: number;
  messages: number;
  subscription: { sent: number; noQuota: number; failed: number; pending: number };
  answers: { safe: number; help: number; none: number };
}

export interface AlertAnswerRow {
  registrationId: string;
  name: string;
  phone: string;
  region: string;
  city: string;
  answer: AlertAnswer;
  note: string | null;
  answeredAt: string;
  reminder: string | null;
}

const query = (filter: RegistrantFilter) =>
  Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

export const registrationApi = {
  list: (filter: RegistrantFilter) => request<{ items: StaffRegistrant[]; total: number }>(`/api/console/registrations?${query(filter)}`),
  stats: () => request<RegistrationStats>('/api/console/registrations/stats'),
  detail: (id: string) => request<StaffRegistrantDetail>(`/api/console/registrations/${encodeURIComponent(id)}`),
  alertReach: (alertId: string) => request<AlertReach>(`/api/console/registrations/alerts/${encodeURIComponent(alertId)}`),
  alertAnswers: (alertId: string) =>
    request<{ hotline: string; items: AlertAnswerRow[] }>(`/api/console/registrations/alerts/${encodeURIComponent(alertId)}/answers`),
  /** The emergency export's CSV text (the server answers text/csv, not JSON). */
  async emergencyExport(body: { reason: string; region?: string; city?: string }): Promise<{ csv: string; fileName: string }> {
    const response = await fetch('/api/console/registrations/export', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const payload = (await response.json().catch(() => null)) as ApiErrorBody | null;
      throw new ApiError(response.status, payload?.error?.code ?? 'BAD_RESPONSE', payload?.error?.message ?? '', payload?.error?.fields);
    }
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'registrants.csv';
    return { csv: await response.text(), fileName };
  },
};
