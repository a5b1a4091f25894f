import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type PensionSandbox, registerPensionAuthoritySandbox } from '../../sandbox/pension-authority-sandbox';
import { type PaySandbox, registerPaySandbox } from '../../sandbox/wechat-pay-sandbox';
import { createWechatSandbox } from '../../sandbox/wechat-sandbox';
import { createServer } from '../../server/bootstrap';
import type { InvalidationBus } from '../../server/cache/invalidation-bus';
import { type Config, loadConfig } from '../../server/config';
import { type DevWechatPayKeys, devSandboxOptions, NOTIFY_PATH, REFUND_NOTIFY_PATH, resolveDevWechatPayKeys } from '../../server/wechat/pay/pay-config';
import type { Database, StaffRole } from '../../server/db/schema';
import { generatePiiKey } from '../../server/security/pii-cipher';
import { createStaff } from '../../server/staff/staff-repository';
import { createFreshPostgresDatabase, postgresUrl } from './fresh-database';
import { migratedPgliteDump } from './pglite-template';

export interface TestServer {
  baseUrl: string;
  sandboxUrl: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  dbKind: 'pglite' | 'postgres';
  /** The instance's cache invalidation bus (server/cache). */
  caches: InvalidationBus;
  piiKey: string;
  config: Config;
  /** The WeChat Pay keys shared by the server and the sandbox (the platform key signs notifications). */
  payKeys: DevWechatPayKeys;
  /** The sandbox's WeChat Pay side (its view of orders, the notifications it sent). */
  paySandbox: PaySandbox;
  /** The pension-authority sandbox (its certifications; setMode: accept, reject, down, timeout, late…). */
  pensionSandbox: PensionSandbox;
  /** A fresh wx.login code the sandbox will exchange for this openid. */
  mintLoginCode(openid: string): Promise<string>;
  /** Logs a citizen in through the real API; returns the bearer token. */
  loginCitizen(openid: string): Promise<string>;
  createStaff(staff: { username: string; password: string; role: StaffRole; missionId?: string; displayName?: string; mfaLegalization?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  database?: 'pglite' | 'postgres';
  /** Serve the built console (tests/console); off by default. */
  serveConsole?: boolean;
  env?: Record<string, string>;
  /** PostgreSQL server for database 'postgres' (default: TEST_DATABASE_URL). */
  postgresBaseUrl?: string;
  /** Receives the server's log (pino lines) instead of stdout. */
  logStream?: { write(line: string): void };
  /** Join this existing PostgreSQL database instead of creating one (a second instance; not dropped on close). */
  sharedDatabaseUrl?: string;
  /** The PII master key (instances sharing a database must share it); default: a fresh one. */
  piiKey?: string;
}

const PENSION_TEST_SECRET = 'test-pension-authority-secret';

/**
 * RSA key generation takes a moment: one set of development pay keys for every test run,
 * kept beside the PGlite template (dist/, git-ignored) the way a development server keeps
 * its own in DATA_DIR.
 */
const testKeysDir = path.resolve(__dirname, '../../dist/test-keys');
let sharedPayKeys: DevWechatPayKeys | null = null;

/**
 * The real server on an ephemeral loopback port with a fresh database, and the WeChat
 * sandbox beside it on its own port (WeChat Pay included) — what the end-to-end tests
 * talk to over HTTP. WeChat Pay notifications go to this server's real address; the
 * reconciliation timer is off (tests call reconcilePayments) unless env turns it on.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const appId = 'wx_test_app';
  const appSecret = 'test-secret';
  const payKeys = (sharedPayKeys ??= resolveDevWechatPayKeys(testKeysDir));
  const sandbox = createWechatSandbox({ appId, appSecret, acceptUnknownCodes: false });
  const paySandbox = registerPaySandbox(sandbox, devSandboxOptions(payKeys, appId));
  // Holds a "timeout" push longer than the server waits (PENSION_AUTHORITY_TIMEOUT_MS below).
  const pensionSandbox = registerPensionAuthoritySandbox(sandbox, { secret: PENSION_TEST_SECRET, holdMs: 1_500 });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;

  const kind = options.sharedDatabaseUrl ? 'postgres' : (options.database ?? 'pglite');
  const pgBase = options.postgresBaseUrl ?? postgresUrl;
  if (kind === 'postgres' && !pgBase && !options.sharedDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const pgDatabase = options.sharedDatabaseUrl
    ? { url: options.sharedDatabaseUrl, drop: async () => undefined }
    : kind === 'postgres'
      ? await createFreshPostgresDatabase(pgBase!)
      : null;

  const piiKey = options.piiKey ?? generatePiiKey();
  const config = loadConfig({
    NODE_ENV: 'test',
    PII_KEY: piiKey,
    WECHAT_APPID: appId,
    WECHAT_SECRET: appSecret,
    WECHAT_API_BASE: sandboxUrl,
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-test-data-dir',
    CONSOLE_DIST: '',
    PAYMENT_RECONCILE_INTERVAL_SECONDS: '0',
    PENSION_AUTHORITY_SECRET: PENSION_TEST_SECRET,
    PENSION_AUTHORITY_TIMEOUT_MS: '500',
    PENSION_POLL_SECONDS: '0',
    PENSION_REMINDER_SWEEP_MINUTES: '0',
    ...(pgDatabase ? { DATABASE_URL: pgDatabase.url } : {}),
    ...options.env,
  }, { wechatPayDevKeys: payKeys });
  if (options.serveConsole) config.consoleDist = loadConfig({}, { wechatPayDevKeys: payKeys }).consoleDist;
  const server = await createServer(config, { inMemoryDatabase: true, pgliteDump: pgDatabase ? null : await migratedPgliteDump(), logStream: options.logStream });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  // Known only now: the payments module reads these per request.
  config.wechatPay.notifyUrl = baseUrl + NOTIFY_PATH;
  config.wechatPay.refundNotifyUrl = baseUrl + REFUND_NOTIFY_PATH;
  const db = server.database.db;

  const mintLoginCode = async (openid: string) => {
    const response = await fetch(`${sandboxUrl}/sandbox/login-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    });
    return ((await response.json()) as { code: string }).code;
  };

  return {
    baseUrl,
    sandboxUrl,
    app: server.app,
    db,
    dbKind: server.database.kind,
    caches: server.caches,
    piiKey,
    config,
    payKeys,
    paySandbox,
    pensionSandbox,
    mintLoginCode,
    async loginCitizen(openid) {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: await mintLoginCode(openid) }),
      });
      if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    createStaff: (staff) => createStaff(db, { missionId: 'us-new-york', ...staff }),
    async close() {
      await server.close();
      await sandbox.close();
      await pgDatabase?.drop();
    },
  };
}
