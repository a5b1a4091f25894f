/**
 * @jest-environment node
 *
 * The mini-program's own api/ layer and session store against the real server and the
 * WeChat sandbox (tests/helpers/test-server.ts), with wx.request/wx.login bound to HTTP.
 */
import { ALERTS_FRESH_MS, sharedAlerts } from '../../miniprogram/api/info';
import { verifyLegalization } from '../../miniprogram/api/legalization';
import { fetchMissions } from '../../miniprogram/api/missions';
import { fetchProfile, verifyIdentity } from '../../miniprogram/api/profile';
import { ApiError, clearSession, currentToken } from '../../miniprogram/api/request';
import { setApiBaseUrl } from '../../miniprogram/config';
import { messages } from '../../miniprogram/domain/messages';
import { SessionStore } from '../../miniprogram/stores/session-store';
import { startTestServer, TestServer } from '../helpers/test-server';
import { bindWxToHttp } from './helpers/wx-http';

let server: TestServer;
let openidSeq = 0;

beforeAll(async () => {
  server = await startTestServer();
  setApiBaseUrl(server.baseUrl);
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  clearSession();
  wx.removeStorageSync('chosenMission');
});

/** A citizen with a fresh WeChat account. */
function newCitizen(rewrite?: Parameters<typeof bindWxToHttp>[1]) {
  const openid = `o_mp_test_${++openidSeq}`;
  const counters = bindWxToHttp(() => server.mintLoginCode(openid), rewrite);
  return { openid, counters, store: new SessionStore() };
}

describe('login', () => {
  it('logs in silently on launch and keeps the token for the next launch', async () => {
    const { counters, store } = newCitizen();
    await store.silentLogin();
    expect(store.loggedIn).toBe(true);
    expect(store.profile?.id).toEqual(expect.any(String));
    expect(counters.logins).toBe(1);

    // Next launch: the saved token is reused, no new wx.login.
    const relaunched = new SessionStore();
    await relaunched.silentLogin();
    expect(relaunched.profile?.id).toBe(store.profile?.id);
    expect(counters.logins).toBe(1);
  });

  it('on 401 logs in again once and retries the request', async () => {
    const { counters, store } = newCitizen();
    await store.login();
    const staleToken = currentToken();
    // The server ends the session (expiry, logout elsewhere); the phone still holds the token.
    const revoked = await fetch(`${server.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${staleToken}` } });
    expect(revoked.status).toBe(204);

    const profile = await fetchProfile();
    expect(profile.id).toBe(store.profile?.id);
    expect(counters.logins).toBe(2);
    expect(currentToken()).not.toBe(staleToken);
    const meCalls = counters.requests.filter((r) => r.url.endsWith('/api/me'));
    expect(meCalls).toHaveLength(2); // the 401, then the retry
  });

  it('gives up after one re-login when the server keeps answering 401', async () => {
    const { counters, store } = newCitizen((options) =>
      options.url.endsWith('/api/me') ? { ...options, header: { ...options.header, Authorization: 'Bearer not-a-session' } } : options,
    );
    await store.login();
    const error = await fetchProfile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect(counters.logins).toBe(2);
  });
});

describe('missions', () => {
  it('lists missions without logging in', async () => {
    const { counters } = newCitizen();
    const missions = await fetchMissions();
    expect(missions.length).toBeGreaterThan(0);
    expect(counters.logins).toBe(0);
  });

  it('the home banner’s alerts: one request for callers at once and for a minute, then asked again', async () => {
    const { counters } = newCitizen();
    let clock = 1_000_000;
    const now = () => clock;
    const alerts = (r: { url: string }) => r.url.includes('/api/info/alerts?country=JP');
    const [a, b] = await Promise.all([sharedAlerts('JP', now), sharedAlerts('JP', now)]);
    expect(b).toBe(a);
    clock += ALERTS_FRESH_MS - 1;
    await sharedAlerts('JP', now);
    expect(counters.requests.filter(alerts)).toHaveLength(1);
    clock += 2;
    await sharedAlerts('JP', now);
    expect(counters.requests.filter(alerts)).toHaveLength(2);
  });

  it('revalidates the saved list with If-None-Match (304, no body) and answers from it offline', async () => {
    newCitizen();
    const answers: Array<{ ifNoneMatch?: string; status: number }> = [];
    const request = wx.request;
    wx.request = ((options: WechatMiniprogram.RequestOption) =>
      request({
        ...options,
        success: (res) => {
          answers.push({ ifNoneMatch: (options.header as Record<string, string>)['If-None-Match'], status: res.statusCode });
          options.success?.(res);
        },
      })) as typeof wx.request;
    wx.removeStorageSync('http:/api/missions');
    const first = await fetchMissions();
    const second = await fetchMissions();
    expect(second).toEqual(first);
    expect(answers[0]).toEqual({ ifNoneMatch: undefined, status: 200 });
    expect(answers[1].ifNoneMatch).toMatch(/^"/);
    expect(answers[1].status).toBe(304);

    wx.request = ((options: WechatMiniprogram.RequestOption) => {
      setTimeout(() => options.fail?.({ errMsg: 'request:fail', errno: 0 } as WechatMiniprogram.RequestFailCallbackErr));
    }) as unknown as typeof wx.request;
    expect(await fetchMissions()).toEqual(first);
  });

  it('saves the chosen mission to the account', async () => {
    const { store } = newCitizen();
    await store.login();
    const [mission] = await fetchMissions();
    await store.chooseMission(mission);
    expect(store.profile?.mission?.id).toBe(mission.id);
    expect((await fetchProfile()).mission?.id).toBe(mission.id);
  });

  it('a mission chosen before login becomes the account’s after login', async () => {
    const { store } = newCitizen();
    const [, second] = await fetchMissions();
    await store.chooseMission(second);
    expect(store.loggedIn).toBe(false);
    await store.login();
    expect(store.profile?.mission?.id).toBe(second.id);
  });
});

describe('实名认证', () => {
  it('verifies with a foreign phone number; only the masked number comes back', async () => {
    const { store } = newCitizen();
    await store.login();
    const identity = await store.submitIdentity({
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '+12125550100',
    });
    expect(identity?.phone).toBe('+12125550100');
    expect(identity?.idNumberMasked).not.toContain('19491231');
    expect(store.identity?.name).toBe('张三');
  });

  it('a bad number the server rejects comes back as field messages', async () => {
    const { store } = newCitizen();
    await store.login();
    const error = (await verifyIdentity({ name: '李四', idType: 'resident_id', idNumber: '110105194912310021', email: 'li@example.com' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.idNumber).toBe(messages.residentIdChecksum);
  });

  it('a number another account verified is IDENTITY_TAKEN', async () => {
    const input = { name: '王五', idType: 'passport' as const, idNumber: 'E12345678', email: 'wang@example.com' };
    const first = newCitizen();
    await first.store.login();
    await first.store.submitIdentity(input);

    clearSession();
    const second = newCitizen();
    await second.store.login();
    const error = (await second.store.submitIdentity(input).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('IDENTITY_TAKEN');
  });
});

describe('领事认证查验 (public, counted per citizen when logged in)', () => {
  it('sends no token and never logs in for an anonymous check', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const { counters } = newCitizen((options) => {
      seen.push(options.header as Record<string, string> | undefined);
      return options;
    });
    const result = await verifyLegalization({ legalizationNo: 'LA20250001', stickerNo: 'ST000001', authorityId: 'mfa' });
    expect(result.result).toBe('not_found');
    expect(counters.logins).toBe(0);
    expect(seen.at(-1)?.Authorization).toBeUndefined();
  });

  it('sends the saved token when the citizen is logged in, so the per-citizen limit applies', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const { store, counters } = newCitizen((options) => {
      seen.push(options.header as Record<string, string> | undefined);
      return options;
    });
    await store.login();
    const token = currentToken();
    expect(token).toBeTruthy();
    await verifyLegalization({ legalizationNo: 'LA20250001', stickerNo: 'ST000001', authorityId: 'mfa' });
    expect(seen.at(-1)?.Authorization).toBe(`Bearer ${token}`);
    expect(counters.logins).toBe(1);
  });
});
