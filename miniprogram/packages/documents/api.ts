/**
 * 我的证件 (server/passports) — in the subpackage, so only citizens who open it download
 * it. Same request() as everywhere else.
 */
import { request } from '../../api/request';
import type { SubscriptionTemplates } from '../../domain/order-api-types';
import type { HeldPassportInput, HeldPassportList, RenewalDraft } from './domain/held-passport';

const enc = encodeURIComponent;

export const fetchPassports = () => request<HeldPassportList>('/api/me/passports').then((r) => r.passports);
export const addPassport = (input: HeldPassportInput) => request<HeldPassportList>('/api/me/passports', { method: 'POST', body: input }).then((r) => r.passports);
export const removePassport = (id: string) => request<HeldPassportList>(`/api/me/passports/${enc(id)}/remove`, { method: 'POST', body: {} }).then((r) => r.passports);
export const openRenewal = (id: string) => request<RenewalDraft>(`/api/me/passports/${enc(id)}/renewal`, { method: 'POST', body: {} });
export const fetchExpiryTemplate = () => request<SubscriptionTemplates>('/api/subscriptions/templates').then((t) => t.documentExpiry);
