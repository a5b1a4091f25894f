/**
 * 消息 in English against the real server (child process): the messages the server wrote
 * when staff acted — a status change asking for documents, a staff note — are shown in the
 * reader's language (the request layer's Accept-Language); what staff wrote stays as written.
 */
import { chooseLocale } from '../../miniprogram/locale/language';
import { useChildServer } from './helpers/child-server';
import { readyCitizen } from './helpers/citizen';
import { textOf } from './helpers/interact';
import { renderPage, simulate } from './helpers/load';
import { submittedOrder, until } from './helpers/orders';
import { signInStaff, type StaffHttpClient } from './helpers/staff';
import { bindWxFiles } from './helpers/wx-files';

const server = useChildServer({ staff: true });
let reviewer: StaffHttpClient;

beforeAll(async () => {
  reviewer = await signInStaff(server.baseUrl, server.staff.find((s) => s.role === 'reviewer')!);
});

afterAll(() => chooseLocale('system'));

type Page = ReturnType<typeof renderPage>;
const data = (page: Page) => page.instance.data as { phase: string; messages: Array<{ title: string; body: string }> };
const show = (page: Page) => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');

const STAFF_NOTE = '请补充入境记录';
const LATER_NOTE = '请携带原件到馆';

it('消息 in English: the status change and the staff note in English, the staff’s words as written', async () => {
  bindWxFiles();
  chooseLocale('en');
  await readyCitizen(server, '王强');
  const order = await submittedOrder(server.images);
  await reviewer.act(order.id, 'request_supplements', { note: STAFF_NOTE, items: ['other'] });
  expect((await reviewer.post(`/api/console/applications/${order.id}/notes`, { note: LATER_NOTE })).status).toBe(200);

  const page = renderPage('pages/messages/index');
  show(page);
  await until(() => data(page).phase === 'ready', 'the messages');
  await simulate.sleep(0);
  const [note, supplements] = data(page).messages;
  expect(note).toMatchObject({ title: 'Message from the embassy or consulate', body: `About your application (order ${order.orderNo}): ${LATER_NOTE}` });
  expect(supplements!.title).toBe('Further documents requested: Documents requested');
  expect(supplements!.body).toContain(`From the embassy or consulate: ${STAFF_NOTE}`);
  expect(supplements!.body).toContain('Please supply: Other documents');
  const text = textOf(page);
  expect(text).toContain('Further documents requested: Documents requested');
  expect(text).toContain(`About your application (order ${order.orderNo})`);
  // In every message only what staff wrote is Chinese (the page's own dates are its catalogue's).
  for (const m of data(page).messages) expect((m.title + m.body).split(STAFF_NOTE).join('').split(LATER_NOTE).join('')).not.toMatch(/[\u4e00-\u9fff]/);
});
