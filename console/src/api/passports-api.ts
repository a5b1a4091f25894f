/** The passport issued for an order (docs/expiry-reminders.md): asked for at 待领取 / 已寄出. */
import type { HeldPassportInput } from '../../../miniprogram/domain/held-passport';
import type { IssuedPassportView } from '../../../contracts/passports';
import { request } from './http';

export type { IssuedPassportView } from '../../../contracts/passports';
export { validateHeldPassport, type HeldPassportErrors } from '../../../miniprogram/domain/held-passport';

const issuedPassport = (id: string) => `/api/console/applications/${encodeURIComponent(id)}/issued-passport`;

export const passportsApi = {
  issued: (id: string) => request<IssuedPassportView>(issuedPassport(id)),
  recordIssued: (id: string, body: HeldPassportInput) => request<IssuedPassportView>(issuedPassport(id), { method: 'PUT', body }),
};
