import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { TestServer } from '../../helpers/test-server';
import { client, type Client, images, residentId, startApplicationsServer } from '../applications/helpers';
import { newDraft, type TestImages, walkEmergency, walkRenewal } from '../applications/walk';
import { notificationBody, signedHeaders } from '../wechat-pay/helpers';

export type PaymentsServer = Awaited<ReturnType<typeof startApplicationsServer>>;

export const startPaymentsServer = (database: 'pglite' | 'postgres', env: Record<string, string> = {}) => startApplicationsServer(database, env);

export async function testImages(): Promise<TestImages> {
  return { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
}

/** Distinct people across a process (identities are one per account). */
let person = 500 + Math.floor(Math.random() * 400);

export interface Order {
  api: Client;
  id: string;
  orderNo: string;
  openid: string;
  detail: any;
}

/** A verified citizen with a submitted order: passport renewal (online by default) or an emergency travel certificate. */
export async function submittedOrder(
  server: TestServer,
  files: TestImages,
  options: { service?: 'passport' | 'emergency_travel'; paymentMethod?: 'online' | 'at_mission'; missionId?: string } = {},
): Promise<Order> {
  const openid = `o_pay_${crypto.randomBytes(6).toString('hex')}`;
  const token = await server.loginCitizen(openid);
  const api = client(server, token);
  const name = options.service === 'emergency_travel' ? '王强' : '李明';
  const identity = await api.put('/api/me/identity', { name, idType: 'resident_id', idNumber: residentId(++person), phone: '+12125550100' });
  if (identity.status !== 200) throw new Error(`identity: ${identity.status} ${JSON.stringify(identity.body)}`);
  const id = await newDraft(api, options.service ?? 'passport', options.missionId ?? 'us-new-york');
  if (options.service === 'emergency_travel') await walkEmergency(api, id, files);
  else await walkRenewal(api, id, files, options.paymentMethod ? { overrides: { paymentMethod: options.paymentMethod } } : undefined);
  const submitted = await api.post(`/api/applications/${id}/submit`, options.service === 'emergency_travel' ? { confirmNoWithdrawal: true } : {});
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return { api, id, orderNo: submitted.body.orderNo, openid, detail: submitted.body };
}

/** A signed-in console user of a mission: request(method, url, body?) with the session cookie. */
export async function staffClient(server: TestServer, role: 'reviewer' | 'supervisor' | 'admin', missionId = 'us-new-york') {
  const username = `${role}_${crypto.randomBytes(4).toString('hex')}`;
  const password = 'correct horse battery staple';
  const staffId = await server.createStaff({ username, password, role, missionId });
  const login = await fetch(`${server.baseUrl}/api/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`staff login: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return {
    staffId,
    async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
      const response = await fetch(server.baseUrl + url, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

export type Staff = Awaited<ReturnType<typeof staffClient>>;

/** A notification as WeChat would send it: encrypted with the APIv3 key, signed with the platform key. */
export function craftNotification(
  server: TestServer,
  eventType: string,
  resource: unknown,
  options: { serial?: string; timestamp?: number; signWith?: string } = {},
): { headers: Record<string, string>; body: string } {
  const body = notificationBody(eventType, resource, server.payKeys.apiV3Key);
  const headers = signedHeaders(body, options.signWith ?? server.payKeys.platformPrivateKeyPem, options.serial ?? server.payKeys.publicKeyId, options.timestamp);
  return { headers: { ...headers, 'content-type': 'application/json' }, body };
}

export async function postNotification(server: TestServer, path: string, notification: { headers: Record<string, string>; body: string }) {
  const response = await fetch(server.baseUrl + path, { method: 'POST', headers: notification.headers, body: notification.body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A SUCCESS transaction for `orderNo`, as the sandbox would describe it. */
export function successTransaction(server: TestServer, orderNo: string, amountFen: number, openid: string, overrides: Record<string, unknown> = {}) {
  return {
    appid: server.config.wechatPay.appId,
    mchid: server.config.wechatPay.mchId,
    out_trade_no: orderNo,
    transaction_id: `4200${crypto.randomInt(1e9, 1e10)}${crypto.randomInt(1e9, 1e10)}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: '2026-03-01T10:00:00+08:00',
    payer: { openid },
    amount: { total: amountFen, payer_total: amountFen, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

/** Asks the sandbox to pay (and notify about) an order. */
export async function sandboxConfirm(server: TestServer, body: Record<string, unknown>) {
  const response = await fetch(`${server.sandboxUrl}/sandbox/pay/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

export async function sandboxPost(server: TestServer, path: string, body: Record<string, unknown>) {
  const response = await fetch(server.sandboxUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

/**
 * Everything a payment can change, for "the database is unchanged" checks: the order row,
 * its payment and refunds, events, history, messages, audit entries and queued jobs.
 */
export async function snapshot(server: TestServer, applicationId: string) {
  const db = server.db;
  const application = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
  const payment = await db.selectFrom('payments').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  const count = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0].n);
  return {
    application,
    payment,
    refunds: payment ? await db.selectFrom('payment_refunds').selectAll().where('payment_id', '=', payment.id).execute() : [],
    events: await count('payment_events'),
    history: await count('application_history'),
    messages: await count('messages'),
    audit: await count('audit_log'),
    // Recurring sweeps (kind@slot) are written by the job runner's own poll whenever a new
    // time slot starts — never by a payment — so they are left out of "unchanged".
    jobs: await count('jobs', sql`dedupe_key is null or dedupe_key not like kind || '@____-__-__T__:__:__.___Z'`),
  };
}

/** Prepays through the API and returns the prepay id from the signed package. */
export async function prepay(order: Order): Promise<{ prepayId: string; body: any }> {
  const response = await order.api.post(`/api/applications/${order.id}/pay`);
  if (response.status !== 200) throw new Error(`pay: ${response.status} ${JSON.stringify(response.body)}`);
  return { prepayId: String(response.body.requestPayment.package).replace(/^prepay_id=/, ''), body: response.body };
}
