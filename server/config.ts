import path from 'node:path';

/**
 * Everything the server reads from the environment, in one place. README's
 * "Configuration" table lists the same variables.
 */
export interface Config {
  port: number;
  host: string;
  /** Public base URL of this server, used in links WeChat calls back (pay notifications). */
  publicUrl: string;
  /** PostgreSQL connection string; when absent, embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** 32-byte key (base64) for identity numbers at rest; generated into dataDir in development. */
  piiKey: string | null;
  wechat: {
    appId: string;
    appSecret: string;
    /** Base URL of api.weixin.qq.com, or of the local sandbox. */
    apiBase: string;
  };
  session: {
    idleMinutes: number;
    absoluteDays: number;
  };
  staffSession: {
    idleMinutes: number;
    absoluteHours: number;
  };
  /** Serve the console's built files from here (absent: console not served). */
  consoleDist: string | null;
  logLevel: string;
  isProduction: boolean;
}

function int(value: string | undefined, fallback: number): number {
  const parsed = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000);
  const isProduction = env.NODE_ENV === 'production';
  const root = path.resolve(__dirname, '..');
  const config: Config = {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl: env.PUBLIC_URL || `http://127.0.0.1:${port}`,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    piiKey: env.PII_KEY || null,
    wechat: {
      appId: env.WECHAT_APPID || 'wx0000000000sandbox',
      appSecret: env.WECHAT_SECRET || 'sandbox-secret',
      apiBase: env.WECHAT_API_BASE || 'http://127.0.0.1:3100',
    },
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 7 * 24 * 60),
      absoluteDays: int(env.SESSION_ABSOLUTE_DAYS, 30),
    },
    staffSession: {
      idleMinutes: int(env.STAFF_SESSION_IDLE_MINUTES, 30),
      absoluteHours: int(env.STAFF_SESSION_ABSOLUTE_HOURS, 12),
    },
    consoleDist: env.CONSOLE_DIST === '' ? null : path.resolve(env.CONSOLE_DIST || path.join(root, 'console', 'dist')),
    logLevel: env.LOG_LEVEL || (isProduction ? 'info' : 'warn'),
    isProduction,
  };
  if (isProduction && !config.piiKey) throw new Error('PII_KEY must be set in production');
  return config;
}
