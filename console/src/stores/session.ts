/**
 * The signed-in staff member, shared by the router guard, the header and the account page.
 * A plain reactive object is enough for one value; no store library needed.
 */
import { reactive, readonly } from 'vue';
import { consoleApi } from '../api/console-api';
import { ApiError } from '../api/http';
import type { SignInRequest, StaffProfile } from '../api/types';

interface SessionState {
  staff: StaffProfile | null;
  /** True once we have asked the server who is signed in, so we ask only once per load. */
  checked: boolean;
}

const state = reactive<SessionState>({ staff: null, checked: false });

export const session = readonly(state);

/** Ask the server once per page load; a 401 simply means nobody is signed in. */
export async function ensureSessionChecked(): Promise<StaffProfile | null> {
  if (state.checked) return state.staff;
  try {
    state.staff = (await consoleApi.me()).staff;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    state.staff = null;
  }
  state.checked = true;
  return state.staff;
}

export async function signIn(credentials: SignInRequest): Promise<StaffProfile> {
  const { staff } = await consoleApi.signIn(credentials);
  state.staff = staff;
  state.checked = true;
  return staff;
}

export async function signOut(): Promise<void> {
  try {
    await consoleApi.signOut();
  } catch (error) {
    // 401: the session had already ended, which is what signing out wanted.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  forgetSession();
}

/** The server says the session is gone (401 from any call): drop what we knew. */
export function forgetSession(): void {
  state.staff = null;
  state.checked = true;
}

/** The admin-issued password was changed: the console opens up. */
export function passwordChanged(): void {
  if (state.staff) state.staff.mustChangePassword = false;
}
