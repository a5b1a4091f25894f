/** Logging in and out with the WeChat account. */
import type { LoginResponse } from '../domain/api-types';
import { clearSession, loginWithWeChat, request } from './request';

export function login(): Promise<LoginResponse> {
  return loginWithWeChat();
}

/** Ends the session on the server too; the local token goes even if the server is unreachable. */
export async function logout(): Promise<void> {
  try {
    await request<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    clearSession();
  }
}
