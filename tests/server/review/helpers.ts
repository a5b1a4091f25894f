import type { StaffRole } from '../../../server/db/schema';
import type { TestServer } from '../../helpers/test-server';
import { residentId, verifiedCitizen, type Client } from '../applications/helpers';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';

let person = 700;

/** A verified citizen with an order submitted (paying at the mission → 待审核). */
export async function submittedOrder(
  server: TestServer,
  files: TestImages,
  openid: string,
  options: { missionId?: string; overrides?: Record<string, string | boolean> } = {},
): Promise<{ api: Client; id: string; orderNo: string }> {
  const api = await verifiedCitizen(server, openid, { name: '李明', idType: 'resident_id', idNumber: residentId(++person) });
  const id = await newDraft(api, 'passport', options.missionId ?? 'us-new-york');
  await walkRenewal(api, id, files, { overrides: { paymentMethod: 'at_mission', ...options.overrides } });
  const submitted = await api.post(`/api/applications/${id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return { api, id, orderNo: submitted.body.orderNo };
}

export interface StaffClient {
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  put(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
}

/** Creates a staff account, signs in, and returns a client carrying the session cookie. */
export async function signedInStaff(server: TestServer, username: string, role: StaffRole, missionId = 'us-new-york'): Promise<StaffClient> {
  const password = `${username} password 123`;
  await server.createStaff({ username, password, role, missionId, displayName: username });
  const response = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password } });
  const cookie = response.cookies.find((c) => c.name === 'cc_staff');
  if (!cookie) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const reply = await server.app.inject({ method, url, cookies: { cc_staff: cookie.value }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: reply.statusCode, body: reply.body ? reply.json() : null };
  };
  return { get: (url) => call('GET', url), post: (url, payload = {}) => call('POST', url, payload), put: (url, payload = {}) => call('PUT', url, payload) };
}
