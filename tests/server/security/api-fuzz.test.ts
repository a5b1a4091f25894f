import type { LightMyRequestResponse } from 'fastify';
import { isErrorCode } from '../../../miniprogram/domain/error-codes';
import { databaseKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { images, type Client } from '../applications/helpers';
import { mulberry32 } from '../photo/synthetic-portrait';
import { submittedOrder } from '../review/helpers';

/**
 * Schema-driven fuzzing of the whole API: every route in the OpenAPI document, as every
 * kind of caller, gets bad values in every path parameter, query parameter and body field
 * (NUL, lone surrogates, invalid UTF-8, huge strings, wrong types, deep nesting, path
 * traversal, odd numbers and dates, broken cursors). Whatever it is, the answer must be a
 * 4xx (or a success), never a 5xx, never a stack trace, and every error a JSON body with a
 * Chinese message and a code from the one table (miniprogram/domain/error-codes.ts). Routes added later are fuzzed without touching this file.
 *
 * Deterministic: a seeded generator chooses which bad values each field gets.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  minLength?: number;
  default?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema?: JsonSchema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

const SEED = 20261203;
/**
 * How many bad values each field gets (plus NUL, always): keeps the suite near a minute on
 * 2 cores. PostgreSQL (CI runs both) gets one: the same engine and the same guard are in
 * front of it — what it adds is the pg driver's own encoding of odd values.
 */
const VALUES_PER_FIELD = { pglite: 5, postgres: 1 } as const;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const someUuid = '0b5e7a52-6c55-4f4e-9d55-6f1d2d3c4b5a';
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Bad values for a path or query parameter, as they appear in the URL (already encoded). */
const badUrlValues: Array<[string, string]> = [
  ['NUL', '%00'],
  ['NUL inside', 'us%00x'],
  ['lone surrogate (CESU bytes)', '%ED%A0%80'],
  ['invalid UTF-8', '%FF%FE%C3'],
  ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['huge string', 'x'.repeat(6000)],
  ['negative', '-1'],
  ['huge number', '1e308'],
  ['past safe integers', '99999999999999999999'],
  ['NaN', 'NaN'],
  ['date JS accepts, PostgreSQL refuses', '2026-02-30'],
  ['date past PostgreSQL', '%2B275760-09-13T00%3A00%3A00.000Z'],
  ['bare number as date', '1'],
  ['empty', ''],
  ['cursor, impossible date', b64(['2026-02-30', someUuid])],
  ['cursor, year 275760', b64(['+275760-09-13T00:00:00.000Z', someUuid])],
  ['cursor, queue shape bad date', b64([1, '1', someUuid])],
  ['cursor, epoch beyond Date', b64([0, 8.64e15 + 1, someUuid])],
  ['cursor, not a uuid', b64([0, 1, '-'.repeat(36)])],
  ['cursor, broken base64', '%%%not-base64'],
  ['cursor, base64 of garbage', Buffer.from('\u0000\uffff{[').toString('base64url')],
];

/** Bad values for a JSON body field. */
const badBodyValues: Array<[string, unknown]> = [
  ['NUL', '\u0000'],
  ['NUL inside', 'a\u0000b'],
  ['lone surrogate', 'x\uD800y'],
  ['huge string', 'x'.repeat(100_000)],
  ['number', 123],
  ['negative', -1],
  ['huge number', 1e308],
  ['past safe integers', 9007199254740993],
  ['boolean', true],
  ['null', null],
  ['array', []],
  ['object', {}],
  ['deep nesting', JSON.parse(deepArray(3000))],
  ['path traversal', '../../../etc/passwd'],
  ['date JS accepts, PostgreSQL refuses', '2026-02-30'],
  ['date past PostgreSQL', '+275760-09-13T00:00:00.000Z'],
  ['proto key', JSON.parse('{"__proto__":{"polluted":1}}')],
];

/** Bodies that are bad as a whole: [label, content type, raw bytes]. */
const badWholeBodies: Array<[string, string, Buffer]> = [
  ['deeply nested JSON', 'application/json', Buffer.from(`{"a":${deepArray(100_000)}}`)],
  ['invalid UTF-8 in JSON', 'application/json', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])],
  ['NUL escaped in a key', 'application/json', Buffer.from('{"a\\u0000":"x"}')],
  ['broken JSON', 'application/json', Buffer.from('{"a":')],
  ['JSON null', 'application/json', Buffer.from('null')],
  ['JSON number', 'application/json', Buffer.from('1e400')],
  ['text/plain', 'text/plain', Buffer.from('{"csv":"x"}')],
  ['form-urlencoded', 'application/x-www-form-urlencoded', Buffer.from('a=%00')],
];

/** A plausible value for a schema, so that one bad field at a time gets past the rest. */
function plausible(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return plausible(variants.find((v) => v.type !== 'null') ?? variants[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return someUuid;
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = plausible(schema.properties?.[key], depth + 1);
      return value;
    }
    default:
      return 'x';
  }
}

const CHINESE = /[\u4e00-\u9fff]/;
const STACK_TRACE = /\bat [^\n]*:\d+:\d+|node_modules|\/work\/|Error: /;

interface Probe {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: Buffer;
  label: string;
}

describe.each(databaseKinds)('API fuzzing from the OpenAPI document (%s)', (database) => {
  let server: TestServer;
  let operations: Array<{ method: string; path: string; operation: Operation }>;
  const callers: Record<string, Record<string, string>> = { none: {} };
  let citizen: Client;
  let orderId: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    const files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    const order = await submittedOrder(server, files, 'o_fuzz_citizen');
    citizen = order.api;
    orderId = order.id;
    await signIn('citizen');
    for (const role of ['reviewer', 'supervisor', 'admin'] as const) {
      await server.createStaff({ username: `fuzz.${role}`, password: `${role} fuzz password 1`, role });
      await signIn(role);
    }
    const document = (await server.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  }, 120_000);
  afterAll(() => server.close());

  /** (Re)creates a caller's session: some probes sign out (DELETE /api/console/session, logout). */
  async function signIn(role: string) {
    if (role === 'none') return;
    if (role === 'citizen') {
      callers.citizen = { authorization: `Bearer ${await server.loginCitizen('o_fuzz_citizen')}` };
      return;
    }
    const payload = { username: `fuzz.${role}`, password: `${role} fuzz password 1` };
    // From an address of its own: the fuzzing of the sign-in route itself fails from loopback.
    const response = await server.app.inject({ method: 'POST', url: '/api/console/session', payload, remoteAddress: '192.0.2.10' });
    const cookie = response.cookies.find((c) => c.name === 'cc_staff');
    if (!cookie) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    callers[role] = { cookie: `cc_staff=${cookie.value}` };
  }

  async function stillSignedIn(role: string) {
    if (role === 'none') return;
    const url = role === 'citizen' ? '/api/me' : '/api/console/me';
    const response = await server.app.inject({ method: 'GET', url, headers: callers[role] });
    if (response.statusCode === 401) await signIn(role);
  }

  /** Every probe for one route: each parameter and body field in turn gets bad values. */
  function probesFor(method: string, path: string, operation: Operation, random: () => number): Probe[] {
    const pick = <T,>(values: T[]): T[] => {
      if (VALUES_PER_FIELD[database] >= values.length - 1) return values;
      const chosen = [values[0]];
      for (let i = 0; i < VALUES_PER_FIELD[database]; i++) chosen.push(values[1 + Math.floor(random() * (values.length - 1))]);
      return chosen;
    };
    const parameters = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
    const plausibleParam = (p: Parameter) => {
      if (p.in === 'path' && p.name === 'id' && /applications/.test(path)) return orderId;
      return encodeURIComponent(String(plausible(p.schema)));
    };
    const urlWith = (override?: { name: string; value: string }) => {
      let url = path;
      const query: string[] = [];
      for (const p of parameters) {
        const value = override?.name === p.name ? override.value : plausibleParam(p);
        if (p.in === 'path') url = url.replace(`{${p.name}}`, value);
        else if (override?.name === p.name || p.required) query.push(`${p.name}=${value}`);
      }
      return query.length ? `${url}?${query.join('&')}` : url;
    };
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const plausibleBody = bodySchema ? (plausible(bodySchema) as Record<string, unknown>) : undefined;
    const probes: Probe[] = [];
    for (const p of parameters) {
      for (const [label, value] of pick(badUrlValues)) {
        probes.push({ method, url: urlWith({ name: p.name, value }), body: plausibleBody, label: `${p.in} ${p.name}: ${label}` });
      }
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const fields = Object.keys(bodySchema?.properties ?? {});
      for (const field of fields) {
        for (const [label, value] of pick(badBodyValues)) {
          probes.push({ method, url: urlWith(), body: { ...(plausibleBody ?? {}), [field]: value }, label: `body ${field}: ${label}` });
        }
      }
      for (const [label, type, raw] of badWholeBodies) {
        probes.push({ method, url: urlWith(), headers: { 'content-type': type }, rawBody: raw, label: `whole body: ${label}` });
      }
    }
    return probes;
  }

  const describeFailure = (probe: Probe, role: string, response: LightMyRequestResponse, why: string) =>
    `${role} ${probe.method} ${probe.url.slice(0, 120)} [${probe.label}] → ${response.statusCode} ${why}: ${response.body.slice(0, 200)}`;

  function judge(probe: Probe, role: string, response: LightMyRequestResponse): string | null {
    if (response.statusCode >= 500) return describeFailure(probe, role, response, '5xx');
    if (STACK_TRACE.test(response.body) && !/^(image|application\/octet|text\/html|text\/javascript)/.test(String(response.headers['content-type']))) {
      return describeFailure(probe, role, response, 'looks like a stack trace');
    }
    if (response.statusCode < 400) return null;
    if (!String(response.headers['content-type']).startsWith('application/json')) return describeFailure(probe, role, response, 'error is not JSON');
    let body: { error?: { code?: unknown; message?: unknown }; message?: unknown };
    try {
      body = response.json();
    } catch {
      return describeFailure(probe, role, response, 'error body does not parse');
    }
    // WeChat Pay's notification protocol prescribes { code: 'FAIL', message } for its own endpoint.
    const message = body.error?.message ?? body.message;
    if (typeof message !== 'string' || !CHINESE.test(message)) return describeFailure(probe, role, response, 'no Chinese message');
    if (body.error && !isErrorCode(body.error.code)) return describeFailure(probe, role, response, 'code not in ERROR_CODES');
    return null;
  }

  it.each(['none', 'citizen', 'reviewer', 'supervisor', 'admin'])(
    'as %s: no 5xx, no stack trace, every error JSON with a Chinese message and a known code',
    async (role) => {
      const random = mulberry32(SEED + role.length);
      const failures: string[] = [];
      let count = 0;
      for (const { method, path, operation } of operations) {
        await stillSignedIn(role);
        for (const probe of probesFor(method, path, operation, random)) {
          count++;
          const payload = probe.rawBody ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body));
          const response = await server.app.inject({
            method: probe.method as 'GET',
            url: probe.url,
            headers: {
              ...callers[role],
              ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
              ...probe.headers,
            },
            ...(payload !== undefined ? { payload } : {}),
          });
          const failure = judge(probe, role, response);
          if (failure) failures.push(failure);
        }
      }
      expect(count).toBeGreaterThan(operations.length);
      expect(failures).toEqual([]);
      // The citizen's own order survived everything thrown at it.
      if (role === 'admin') expect((await citizen.get(`/api/applications/${orderId}`)).status).toBe(200);
    },
    180_000,
  );
});
