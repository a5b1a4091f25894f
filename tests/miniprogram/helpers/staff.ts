import * as http from 'node:http';

/**
 * A consulate staff member acting through the console API over HTTP (cookie session), for
 * page tests whose server runs in a child process (see child-server.ts `{ staff: true }`).
 */
export interface StaffHttpClient {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, payload?: unknown): Promise<{ status: number; body: any }>;
  put(path: string, payload: unknown): Promise<{ status: number; body: any }>;
  /** GET the application for its version, then POST the action; throws unless 200. */
  act(applicationId: string, action: string, payload?: { note?: string; items?: string[]; trackingNo?: string; inPerson?: boolean }): Promise<any>;
}

function call(baseUrl: string, method: string, path: string, cookie: string | null, payload?: unknown) {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  return new Promise<{ status: number; body: any; setCookie: string[] }>((resolve, reject) => {
    const request = http.request(`${baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null, setCookie: response.headers['set-cookie'] ?? [] });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

export async function signInStaff(baseUrl: string, account: { username: string; password: string }): Promise<StaffHttpClient> {
  const signIn = await call(baseUrl, 'POST', '/api/console/session', null, account);
  const cookie = signIn.setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('cc_staff='));
  if (signIn.status !== 200 || !cookie) throw new Error(`staff sign-in failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  const client: StaffHttpClient = {
    get: (path) => call(baseUrl, 'GET', path, cookie),
    post: (path, payload = {}) => call(baseUrl, 'POST', path, cookie, payload),
    put: (path, payload) => call(baseUrl, 'PUT', path, cookie, payload),
    async act(applicationId, action, payload = {}) {
      const view = await client.get(`/api/console/applications/${applicationId}`);
      if (view.status !== 200) throw new Error(`console view: ${view.status} ${JSON.stringify(view.body)}`);
      const done = await client.post(`/api/console/applications/${applicationId}/actions/${action}`, { version: view.body.version, ...payload });
      if (done.status !== 200) throw new Error(`${action}: ${done.status} ${JSON.stringify(done.body)}`);
      return done.body;
    },
  };
  return client;
}
