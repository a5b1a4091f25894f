import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { LogStream } from './http/log-options';
import { CACHE_CHANNEL, createLocalInvalidationBus, createPostgresInvalidationBus, InvalidationBus } from './cache/invalidation-bus';
import type { Config } from './config';
import { DatabaseHandle, openDatabase } from './db/database';
import { syncServiceTable } from './applications/service-table';
import { createFileStore } from './files/file-storage';
import { seedDemoMissions } from './missions/mission-repository';
import { seedDemoFees } from './workflow/fees';
import { startReconciliation } from './payments/reconciliation';
import { createPiiCipher, generatePiiKey } from './security/pii-cipher';
import { createWechatPayClientFromConfig } from './wechat/pay/pay-config';
import { createWechatLoginClient } from './wechat/wechat-login';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  caches: InvalidationBus;
  close(): Promise<void>;
}

/**
 * The PII key: PII_KEY in production; in development a key generated once into the data
 * directory, so a restart can still read what it encrypted.
 */
export function resolvePiiKey(config: Config): string {
  if (config.piiKey) return config.piiKey;
  const keyFile = path.join(config.dataDir, 'pii.key');
  if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = generatePiiKey();
  fs.writeFileSync(keyFile, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** PostgreSQL: a listener connection of its own; PGlite: its one session's notifications. */
async function openCaches(config: Config, database: DatabaseHandle, log: { warn(obj: unknown, msg?: string): void }): Promise<InvalidationBus> {
  if (config.databaseUrl) return createPostgresInvalidationBus(config.databaseUrl, { log });
  const local = createLocalInvalidationBus();
  await database.listen?.(CACHE_CHANNEL, local.receive);
  return local;
}

/** Opens (and migrates) the database, seeds demo missions into an empty one, builds the app. */
export async function createServer(
  config: Config,
  options: { inMemoryDatabase?: boolean; pgliteDump?: Buffer | null; logStream?: LogStream } = {},
): Promise<RunningServer> {
  const piiKey = resolvePiiKey(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: options.inMemoryDatabase ? null : path.join(config.dataDir, 'pglite'),
    pgliteDump: options.inMemoryDatabase ? options.pgliteDump : null,
  });
  let app: FastifyInstance | null = null;
  // In-process caches, emptied by the database triggers' change notifications (server/cache).
  const caches = await openCaches(config, database, { warn: (obj, msg) => app?.log.warn(obj, msg) });
  try {
    await syncServiceTable(database.db);
    await seedDemoMissions(database.db);
    await seedDemoFees(database.db);
    const wechatPay = createWechatPayClientFromConfig(config.wechatPay);
    app = await buildApp({
      config,
      db: database.db,
      dbKind: database.kind,
      pii: createPiiCipher(piiKey),
      wechatLogin: createWechatLoginClient(config.wechat),
      wechatPay,
      logStream: options.logStream,
      caches,
      files: createFileStore(config, database.db),
    });
    // Lost notifications, expired unpaid orders, refunds with an unknown outcome.
    const reconciliation = startReconciliation({ db: database.db, config, wechatPay }, config.payments.reconcileIntervalSeconds, app.log);
    const running = app;
    return {
      app: running,
      database,
      caches,
      close: async () => {
        // Order matters: no new work, then in-flight requests and jobs finish, then connections go.
        await reconciliation.stop();
        await running.close();
        await caches.close();
        await database.close();
      },
    };
  } catch (error) {
    await caches.close();
    await database.close();
    throw error;
  }
}
