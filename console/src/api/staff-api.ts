/** Staff accounts: my own password; the mission's accounts (admins). */
import type { IssuedPassword, StaffAccount } from '../../../contracts/staff';
import { request } from './http';
import type { StaffRole } from './types';

export type { IssuedPassword, StaffAccount };

export const staffApi = {
  changeMyPassword: (currentPassword: string, newPassword: string) => request<void>('/api/console/me/password', { method: 'PUT', body: { currentPassword, newPassword } }),
  list: () => request<{ staff: StaffAccount[] }>('/api/console/staff'),
  create: (account: { username: string; displayName: string; role: StaffRole }) => request<IssuedPassword>('/api/console/staff', { method: 'POST', body: account }),
  update: (id: string, change: { role?: StaffRole; displayName?: string; disabled?: boolean }) =>
    request<{ staff: StaffAccount }>(`/api/console/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
  resetPassword: (id: string) => request<IssuedPassword>(`/api/console/staff/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: {} }),
};
