/**
 * `npm run bench:setdata`: setData calls and bytes per page on first render, and per key
 * press in each form — pages in miniprogram-simulate against the real server (a child
 * process), exactly as the page tests run them. Prints one line per page and a JSON summary.
 * (A measurement, not a test: it waits for a page to go quiet rather than for a condition.)
 */
import { sessionStore } from '../../../miniprogram/stores/session-store';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { readyCitizen } from '../helpers/citizen';
import { typeKeys, until } from '../helpers/interact';
import { renderPage, simulate } from '../helpers/load';
import { meterSetData, type SetDataMeter } from '../helpers/set-data-meter';
import { allowSeveralPagesPerFile } from '../helpers/several-pages';

let server: ChildServer;
const results: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  allowSeveralPagesPerFile();
  server = await startChildServer();
}, 60_000);

afterAll(async () => {
  console.log(`SETDATA ${JSON.stringify(results)}`);
  await server?.close();
});

type Page = ReturnType<typeof renderPage>;

/** Until no setData for 300 ms: the page's requests have landed and rendered. */
async function quiet(meter: SetDataMeter): Promise<void> {
  let seen = -1;
  while (seen !== meter.count) {
    seen = meter.count;
    await simulate.sleep(300);
  }
}

async function firstRender(path: string, query?: Record<string, string>): Promise<{ page: Page; first: { count: number; bytes: number } }> {
  let meter!: SetDataMeter;
  const page = renderPage(path, undefined, (p) => (meter = meterSetData(p.instance)));
  const instance = page.instance as unknown as { onLoad?(q: Record<string, string>): unknown };
  if (typeof instance.onLoad === 'function') await instance.onLoad(query ?? {});
  await quiet(meter);
  return { page, first: { count: meter.count, bytes: meter.bytes } };
}

interface KeyPresses {
  field: string;
  presses: number;
  meter: SetDataMeter;
}

function record(page: string, first: { count: number; bytes: number }, keys?: KeyPresses) {
  const row: Record<string, unknown> = { page, firstRenderCalls: first.count, firstRenderBytes: first.bytes };
  if (keys) {
    row.keyField = keys.field;
    row.perKeyCalls = keys.meter.count / keys.presses;
    row.perKeyMeanBytes = Math.round(keys.meter.bytes / keys.presses);
    row.perKeyMaxBytes = Math.max(...keys.meter.calls);
  }
  results.push(row);
  console.log(Object.entries(row).map(([k, v]) => `${k}=${v}`).join(' '));
}

/** Per key press: a fresh meter, then one input event per character. */
async function perKey(page: Page, field: string, selector: string, text: string): Promise<KeyPresses> {
  const meter = meterSetData(page.instance);
  await typeKeys(page, selector, text);
  return { field, presses: text.length, meter };
}

it('measures', async () => {
  await readyCitizen(server);

  const home = await firstRender('pages/home/index');
  record('pages/home/index', home.first);

  const me = await firstRender('pages/me/index');
  record('pages/me/index', me.first);

  const identity = await firstRender('packages/identity/form/index');
  record('packages/identity/form/index', identity.first, await perKey(identity.page, 'idNumber', '.field--id-number', '11010519491231002X'));

  const legalization = await firstRender('packages/legalization/verify/index');
  record('packages/legalization/verify/index', legalization.first, await perKey(legalization.page, 'legalizationNo', '.field--legalization-no', 'LA-2024-0001'));

  const apply = await firstRender('packages/apply/form/index', { service: 'passport' });
  // To a step with text fields: 首次申请 for oneself → 个人信息.
  const choose = (field: string, value: string) => (apply.page.instance.selectComponent(`.field--${field}`) as unknown as { triggerEvent(n: string, d: unknown): void }).triggerEvent('change', { value });
  choose('case', 'first_issue');
  choose('applicantRelation', 'self');
  (apply.page.instance as unknown as { next(): Promise<void> }).next();
  await until(() => (apply.page.instance.data as { step: { id: string } }).step.id === 'personal', 'the personal step');
  record('packages/apply/form/index', apply.first, await perKey(apply.page, 'surnamePinyin', '.field--surnamePinyin', 'WANG'));

  sessionStore.setLocalMission(null);
});
