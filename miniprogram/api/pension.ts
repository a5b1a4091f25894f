/**
 * 养老金资格认证 (docs/pension.md): the people this account certifies, one certification,
 * one-tap re-certification. The countdown line of the home page and 我的 is built here, so
 * those two pages share it and the main package carries only this much.
 */
import type { ApplicationDetail } from '../domain/services/application-api-types';
import type { PensionCertificationView, PensionPersonList } from '../domain/services/pension-api-types';
import { fill, t } from '../locale/text';
import { request } from './request';

// Plain promise chains: this module is in the main package (no regenerator code).

export function fetchPensionPersons(): Promise<PensionPersonList> {
  return request<PensionPersonList>('/api/pension/persons');
}

export function fetchPensionCertification(applicationId: string): Promise<PensionCertificationView> {
  return request<PensionCertificationView>(`/api/pension/certifications/${encodeURIComponent(applicationId)}`);
}

export function recertify(applicationId: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/pension/certifications/${encodeURIComponent(applicationId)}/recertify`, { method: 'POST', body: {} });
}

export interface CountdownLine {
  id: string;
  title: string;
  note: string;
  /** Under 30 days (or overdue): shown as a warning, not only by colour. */
  urgent: boolean;
}

/** One line per person: "距下次认证截止还有 N 天". Empty when nothing was certified (or offline). */
export function pensionCountdown(): Promise<CountdownLine[]> {
  const text = t.pensionCountdown;
  return fetchPensionPersons().then(({ persons }) =>
    persons.map((person) => {
      const days = person.daysLeft;
      const note =
        days === null ? text.pending : days >= 0 ? fill(text.daysLeft, { days: String(days) }) : fill(text.overdue, { days: String(-days) });
      return { id: person.latestApplicationId, title: `${text.title} · ${person.name}`, note, urgent: days !== null && days <= 30 };
    }),
  );
}
