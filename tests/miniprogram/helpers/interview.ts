import { selectMission, verifyIdentity } from '../../../miniprogram/api/profile';
import { clearSession, currentToken } from '../../../miniprogram/api/request';
import { setApiBaseUrl } from '../../../miniprogram/config';
import type { CitizenInterview } from '../../../miniprogram/domain/interview';
import type { CreateSlotsResult } from '../../../contracts/interviews';
import { sessionStore } from '../../../miniprogram/stores/session-store';
import type { ChildServer } from './child-server';
import { residentId } from './citizen';
import { httpFetch } from './http-fetch';
import { submittedOrder } from './orders';
import type { StaffHttpClient } from './staff';
import { bindWxToHttp } from './wx-http';

const NEW_YORK = 'America/New_York';

/** 'YYYY-MM-DD' at the New York mission, `days` from today. */
export function missionDate(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: NEW_YORK, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return parts; // en-CA formats as 2026-12-07
}

/** Slots at the New York mission on the given mission dates (every weekday), as staff create them in the console. */
export async function createSlots(
  staff: StaffHttpClient,
  options: { fromDays: number; toDays: number; startTime: string; endTime: string; minutes: 15 | 20 | 30 | 45 | 60 },
): Promise<CreateSlotsResult> {
  const reply = await staff.post('/api/console/interview-slots', {
    fromDate: missionDate(options.fromDays),
    toDate: missionDate(options.toDays),
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: options.startTime,
    endTime: options.endTime,
    minutes: options.minutes,
  });
  if (reply.status !== 200) throw new Error(`create slots: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as CreateSlotsResult;
}

let person = 0;

/**
 * A fresh WeChat account with a verified identity at 纽约, logged in through the api layer
 * (as helpers/citizen.ts readyCitizen, but with identity numbers that never repeat within a
 * file: each test here needs several citizens, and one identity belongs to one account).
 */
export async function readyCitizen(server: ChildServer, name: string): Promise<void> {
  const n = 700 + ++person;
  setApiBaseUrl(server.baseUrl);
  clearSession();
  bindWxToHttp(() => server.mintLoginCode(`o_interview_${process.pid}_${n}`));
  await verifyIdentity({ name, idType: 'resident_id', idNumber: residentId(n), phone: '+12125550100' });
  sessionStore.setProfile(await selectMission('us-new-york'));
}

/**
 * A fresh citizen (logged in through the api layer, as readyCitizen leaves it) whose
 * submitted order a reviewer sent to 待视频面审 with `note`; returns the order and the
 * citizen's token, for acting as them later while another citizen is logged in.
 */
export async function orderInInterview(server: ChildServer, reviewer: StaffHttpClient, name: string, note?: string) {
  await readyCitizen(server, name);
  const order = await submittedOrder(server.images);
  await reviewer.act(order.id, 'require_interview', note ? { note } : {});
  return { order, token: currentToken()! };
}

/** A citizen's API call with their token, outside the mini-program's api layer (which holds one session). */
export async function asCitizen(baseUrl: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const reply = await httpFetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: reply.status, body: reply.text ? JSON.parse(reply.text) : null };
}

export function interviewOf(baseUrl: string, token: string, applicationId: string): Promise<CitizenInterview> {
  return asCitizen(baseUrl, token, 'GET', `/api/applications/${applicationId}/interview`).then((reply) => {
    if (reply.status !== 200) throw new Error(`interview: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as CitizenInterview;
  });
}

/** wx.getSetting / wx.authorize / wx.openSetting as WeChat answers them, for the call page. */
export function bindAuthorization(state: { camera?: boolean; record?: boolean; grantOnAsk?: boolean; grantInSettings?: boolean }) {
  const setting = (): Record<string, boolean> => ({
    ...(state.camera === undefined ? {} : { 'scope.camera': state.camera }),
    ...(state.record === undefined ? {} : { 'scope.record': state.record }),
  });
  const asked: string[] = [];
  wx.getSetting = ((options: WechatMiniprogram.GetSettingOption) =>
    options.success?.({ authSetting: setting(), errMsg: 'getSetting:ok' } as never)) as typeof wx.getSetting;
  wx.authorize = ((options: WechatMiniprogram.AuthorizeOption) => {
    asked.push(options.scope);
    const key = options.scope === 'scope.camera' ? 'camera' : 'record';
    state[key] = !!state.grantOnAsk;
    if (state.grantOnAsk) options.success?.({ errMsg: 'authorize:ok' });
    else options.fail?.({ errMsg: 'authorize:fail auth deny' });
  }) as typeof wx.authorize;
  wx.openSetting = ((options: WechatMiniprogram.OpenSettingOption) => {
    if (state.grantInSettings) Object.assign(state, { camera: true, record: true });
    options.success?.({ authSetting: setting(), errMsg: 'openSetting:ok' } as never);
  }) as typeof wx.openSetting;
  return asked;
}
