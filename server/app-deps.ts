import type { Kysely } from 'kysely';
import type { InvalidationBus } from './cache/invalidation-bus';
import type { Config } from './config';
import type { LogStream } from './http/log-options';
import type { DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import type { FileStore } from './files/file-store';
import type { PiiCipher } from './security/pii-cipher';
import type { WechatPayClient } from './wechat/pay/pay-client';
import type { WechatLoginClient } from './wechat/wechat-login';

/** What the route modules need, handed to each as plugin options. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  pii: PiiCipher;
  wechatLogin: WechatLoginClient;
  /** WeChat Pay v3 (api.mch.weixin.qq.com, or the sandbox in development). */
  wechatPay: WechatPayClient;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: LogStream;
  /** Keeps the in-process caches exact across instances (server/cache). */
  caches: InvalidationBus;
  /** Where uploaded files live (FILE_STORAGE: local, postgres or s3); callers seal before put. */
  files: FileStore;
}
