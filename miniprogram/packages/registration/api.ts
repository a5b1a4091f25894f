/**
 * The citizen's side of 海外公民登记 (server/registration) — in the subpackage, so only
 * citizens who register download it. Same request() as everywhere else.
 */
import { request } from '../../api/request';
import type { SubscriptionTemplates } from '../../domain/order-api-types';
import type {
  AlertAnswer,
  RegistrationAlertView,
  RegistrationCertificate,
  RegistrationDetail,
  RegistrationInput,
  RegistrationSummary,
} from './domain/registration';

const enc = encodeURIComponent;

export const fetchRegistrations = () => request<{ registrations: RegistrationSummary[] }>('/api/registrations').then((r) => r.registrations);
export const fetchRegistration = (id: string) => request<RegistrationDetail>(`/api/registrations/${enc(id)}`);
export const createRegistration = (form: RegistrationInput) => request<RegistrationDetail>('/api/registrations', { method: 'POST', body: form });
export const updateRegistration = (id: string, form: RegistrationInput) => request<RegistrationDetail>(`/api/registrations/${enc(id)}`, { method: 'PUT', body: form });
export const confirmRegistration = (id: string) => request<RegistrationSummary>(`/api/registrations/${enc(id)}/confirm`, { method: 'POST', body: {} });
export const deregister = (id: string) => request<RegistrationSummary>(`/api/registrations/${enc(id)}/deregister`, { method: 'POST', body: {} });
export const fetchCertificate = (id: string) => request<RegistrationCertificate>(`/api/registrations/${enc(id)}/certificate`);
export const exportMyRecords = () => request<{ exportedAt: string; registrations: RegistrationDetail[] }>('/api/registrations/export');
export const fetchAlert = (alertId: string) => request<RegistrationAlertView>(`/api/registrations/alerts/${enc(alertId)}`);
export const answerAlert = (alertId: string, registrationId: string, answer: AlertAnswer) =>
  request<RegistrationAlertView>(`/api/registrations/alerts/${enc(alertId)}/answer`, { method: 'POST', body: { registrationId, answer } });
export const fetchSafetyTemplate = () => request<SubscriptionTemplates>('/api/subscriptions/templates').then((t) => t.safetyAlert);
