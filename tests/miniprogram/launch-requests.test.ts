/**
 * Requests a returning citizen's launch makes, against the real server: the app's own
 * onLaunch (silent login with the saved token) and the home page. Goal: at most two
 * requests before the home page shows the citizen's data, and no request repeated within
 * the page view (the banner's alerts used to be asked three times).
 */
import { runInAction } from 'mobx-miniprogram';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { textOf, until } from './helpers/interact';
import { renderPage } from './helpers/load';
import { bindWxToHttp } from './helpers/wx-http';

const server = useChildServer();

/** The app's onLaunch, as WeChat calls it: App() registers it when app.ts is loaded. */
function launchApp(): void {
  let options: { onLaunch(): void } | undefined;
  (globalThis as unknown as { App: (o: typeof options) => void }).App = (o) => (options = o);
  require('../../miniprogram/app'); // once per test file (jest caches modules)
  options!.onLaunch();
}

const path = (url: string) => url.replace(server.baseUrl, '');

it('a returning citizen: ≤ 2 requests before home shows their mission, none repeated', async () => {
  const { profile } = await readyCitizen(server);
  // Next launch: the token is in storage, nothing else is known yet.
  runInAction(() => {
    sessionStore.profile = null;
    sessionStore.status = 'anonymous';
  });
  const counters = bindWxToHttp(() => server.mintLoginCode(`o_launch_${Date.now()}`));

  const page = renderPage('pages/home/index');
  // The requests made by the moment the page receives the citizen's mission.
  const seen: { beforeData: string[] | null } = { beforeData: null };
  const setData = page.instance.setData.bind(page.instance);
  page.instance.setData = (data: Record<string, unknown>, callback?: () => void) => {
    if (data.mission && !seen.beforeData) seen.beforeData = counters.requests.map((r) => `${r.method} ${path(r.url)}`);
    setData(data, callback);
  };
  launchApp();
  await until(() => textOf(page).includes(profile.mission!.nameZh), 'the mission on the home page');
  const beforeData = seen.beforeData;
  if (!beforeData) throw new Error('the mission never reached the page');
  expect(beforeData.length).toBeLessThanOrEqual(2);
  expect(beforeData[0]).toBe('GET /api/me');
  expect(counters.logins).toBe(0);

  // The banner's alerts, the unread badge: each asked once, even with the page shown again.
  await until(() => counters.requests.some((r) => r.url.includes('/api/info/alerts')), 'the alerts request');
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  await until(() => counters.requests.some((r) => r.url.includes('/api/messages/unread')), 'the unread count');
  const all = counters.requests.map((r) => `${r.method} ${path(r.url)}`);
  expect(all.filter((r) => r.includes('/api/info/alerts'))).toHaveLength(1);
  expect(new Set(all).size).toBe(all.length);
});
