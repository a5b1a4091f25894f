import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { compliantIdPhoto, darkIdPhoto } from '../photo/real-photos';

/** A test server whose files go to a fresh temp directory, plus a small HTTP client. */
export async function startApplicationsServer(database: 'pglite' | 'postgres', env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-applications-'));
  // The draft sweep's recurring job is off unless a test turns it on: its rows (jobs,
  // reminders) would show up in "nothing changed" snapshots that count whole tables.
  const server = await startTestServer({ database, env: { DATA_DIR: dataDir, APPLICATION_DRAFT_SWEEP_MINUTES: '0', ...env } });
  return {
    server,
    dataDir,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

export function client(server: TestServer, token: string | null) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra });
  const send = async (method: string, url: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(server.baseUrl + url, {
      method,
      headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
    async upload(url: string, data: Buffer, type = 'image/jpeg'): Promise<Reply> {
      const response = await fetch(server.baseUrl + url, { method: 'POST', headers: headers({ 'content-type': type }), body: data });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async download(url: string) {
      const response = await fetch(server.baseUrl + url, { headers: headers() });
      return { status: response.status, type: response.headers.get('content-type'), data: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

export type Client = ReturnType<typeof client>;

/** Logs in and completes real-name verification; returns an API client for that citizen. */
export async function verifiedCitizen(
  server: TestServer,
  openid: string,
  identity: { name: string; idType: 'resident_id' | 'passport'; idNumber: string } = { name: '李明', idType: 'resident_id', idNumber: '11010519491231002X' },
): Promise<Client> {
  const token = await server.loginCitizen(openid);
  const api = client(server, token);
  const response = await api.put('/api/me/identity', { ...identity, phone: '+12125550100' });
  if (response.status !== 200) throw new Error(`identity: ${response.status} ${JSON.stringify(response.body)}`);
  return api;
}

/** Valid resident ID numbers (check digit computed) for distinct test people. */
export function residentId(sequence: number): string {
  const first17 = `11010519850302${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export const images = {
  idPhoto: compliantIdPhoto,
  darkIdPhoto,
  document: () =>
    sharp({ create: { width: 1200, height: 850, channels: 3, background: { r: 230, g: 225, b: 210 } } })
      .composite([{ input: Buffer.from('<svg width="1200" height="850"><rect x="80" y="80" width="300" height="400" fill="#777"/><text x="450" y="200" font-size="60">PASSPORT</text></svg>') }])
      .jpeg()
      .toBuffer(),
  signature: (width = 600, height = 200) =>
    sharp(Buffer.from(`<svg width="${width}" height="${height}"><path d="M20 150 C 100 20, 200 180, 300 60 S 500 150, 580 40" stroke="black" stroke-width="6" fill="none"/></svg>`))
      .png()
      .toBuffer(),
  blankSignature: () => sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } }).png().toBuffer(),
};
