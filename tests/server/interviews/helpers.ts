import type { InterviewSlotView } from '../../../miniprogram/domain/interview';
import type { CreateSlotsRequest, CreateSlotsResult } from '../../../contracts/interviews';
import type { StaffRole } from '../../../server/db/schema';
import { zonedDate } from '../../../server/workflow/slot-times';
import type { TestServer } from '../../helpers/test-server';
import type { Client } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from '../review/helpers';

/** Shared by the interview tests (and the e2e / console tests of the interview flow). */

const helperStaff = new WeakMap<TestServer, Map<string, StaffClient>>();
let helperCount = 0;

/** A reviewer of `missionId` the helpers use for their own console steps (one per server and mission). */
async function helperReviewer(server: TestServer, missionId: string): Promise<StaffClient> {
  let byMission = helperStaff.get(server);
  if (!byMission) helperStaff.set(server, (byMission = new Map()));
  let staff = byMission.get(missionId);
  if (!staff) {
    staff = await signedInStaff(server, `iv.helper.${++helperCount}`, 'reviewer', missionId);
    byMission.set(missionId, staff);
  }
  return staff;
}

/** A verified citizen's order, submitted and moved to 待视频面审 by a reviewer (require_interview). */
export async function interviewOrder(
  server: TestServer,
  files: TestImages,
  openid: string,
  options: { missionId?: string } = {},
): Promise<{ api: Client; id: string; orderNo: string }> {
  const missionId = options.missionId ?? 'us-new-york';
  const order = await submittedOrder(server, files, openid, { missionId });
  const staff = await helperReviewer(server, missionId);
  const view = await staff.get(`/api/console/applications/${order.id}`);
  const moved = await staff.post(`/api/console/applications/${order.id}/actions/require_interview`, { version: view.body.version });
  if (moved.status !== 200) throw new Error(`require_interview: ${moved.status} ${JSON.stringify(moved.body)}`);
  return order;
}

/** A mission date `daysAhead` days from today at the mission ('YYYY-MM-DD'). */
export function missionDate(daysAhead: number, timeZone = 'America/New_York', now = Date.now()): string {
  return zonedDate(new Date(now + daysAhead * 86_400_000), timeZone);
}

/** POST /api/console/interview-slots with defaults (every weekday, 09:00–12:00, 30 minutes); throws unless 200. */
export async function createSlots(staff: StaffClient, request: Partial<CreateSlotsRequest> & Pick<CreateSlotsRequest, 'fromDate'>): Promise<CreateSlotsResult> {
  const body: CreateSlotsRequest = { toDate: request.fromDate, weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '09:00', endTime: '12:00', minutes: 30, ...request };
  const response = await staff.post('/api/console/interview-slots', body);
  if (response.status !== 200) throw new Error(`create slots: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as CreateSlotsResult;
}

/** The free slots the citizen sees for an order, flattened, earliest first. */
export async function freeSlots(api: Client, applicationId: string): Promise<InterviewSlotView[]> {
  const response = await api.get(`/api/applications/${applicationId}/interview`);
  if (response.status !== 200) throw new Error(`interview: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.days as Array<{ slots: InterviewSlotView[] }>).flatMap((d) => d.slots);
}

/** Books `slotId` for the order; throws unless 200. */
export async function book(api: Client, applicationId: string, slotId: string) {
  const response = await api.post(`/api/applications/${applicationId}/interview/booking`, { slotId });
  if (response.status !== 200) throw new Error(`book: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface StaffSession extends StaffClient {
  /** The cc_staff cookie value (for raw requests: uploads, signals over HTTP). */
  cookie: string;
  /** POST a raw body (a screenshot). */
  upload(url: string, data: Buffer, type: string): Promise<{ status: number; body: any }>;
  /** GET raw bytes (a screenshot). */
  download(url: string): Promise<{ status: number; type: string | undefined; cacheControl: string | undefined; data: Buffer }>;
}

/** signedInStaff plus the cookie and raw upload/download (screenshots). */
export async function staffSession(server: TestServer, username: string, role: StaffRole = 'reviewer', missionId = 'us-new-york'): Promise<StaffSession> {
  const client = await signedInStaff(server, username, role, missionId);
  // signedInStaff's password is `${username} password 123`: a second sign-in gives us a cookie of our own.
  const response = await server.app.inject({ method: 'POST', url: '/api/console/session', payload: { username, password: `${username} password 123` } });
  const cookie = response.cookies.find((c) => c.name === 'cc_staff')!.value;
  return {
    ...client,
    cookie,
    async upload(url, data, type) {
      const reply = await server.app.inject({ method: 'POST', url, cookies: { cc_staff: cookie }, headers: { 'content-type': type }, payload: data });
      return { status: reply.statusCode, body: reply.body ? reply.json() : null };
    },
    async download(url) {
      const reply = await server.app.inject({ method: 'GET', url, cookies: { cc_staff: cookie } });
      return { status: reply.statusCode, type: reply.headers['content-type'] as string | undefined, cacheControl: reply.headers['cache-control'] as string | undefined, data: reply.rawPayload };
    },
  };
}

/** An order in 待视频面审 with a booked slot and a call staff started: everything the call tests begin with. */
export async function orderWithOpenCall(server: TestServer, files: TestImages, openid: string, staff: StaffClient, slotDate: string) {
  const order = await interviewOrder(server, files, openid);
  await createSlots(staff, { fromDate: slotDate });
  const [slot] = await freeSlots(order.api, order.id);
  if (!slot) throw new Error('no free slot');
  await book(order.api, order.id, slot.id);
  const started = await staff.post(`/api/console/applications/${order.id}/interview/calls`);
  if (started.status !== 200) throw new Error(`start call: ${started.status} ${JSON.stringify(started.body)}`);
  return { ...order, slot, callId: started.body.callId as string };
}
