import path from 'node:path';
import { z } from 'zod';
import type { IceServer } from '../contracts/interviews';
import type { FileStorageSettings } from './files/file-storage';
import { DevWechatPayKeys, loadWechatPayConfig, WechatPayConfig } from './wechat/pay/pay-config';

/** Anti-enumeration limits of the public legalization check. */
export interface VerifyLimits {
  windowSeconds: number;
  maxPerIp: number;
  maxPerUser: number;
}

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
    /** Subscription-message (订阅消息) template ids, per AppID. */
    templates: {
      /** Order status changes and draft reminders (WECHAT_TEMPLATE_ORDER_STATUS). */
      orderStatus: string;
      /** 安全提醒: targeted safety alerts to registered citizens (WECHAT_TEMPLATE_SAFETY_ALERT). */
      safetyAlert: string;
      /** 证件到期提醒: passport expiry reminders (WECHAT_TEMPLATE_DOCUMENT_EXPIRY). */
      documentExpiry: string;
    };
  };
  session: {
    idleMinutes: number;
    absoluteDays: number;
  };
  staffSession: {
    idleMinutes: number;
    absoluteHours: number;
  };
  applications: {
    /** Drafts untouched this long expire (APPLICATION_DRAFT_DAYS). */
    draftDays: number;
    /** The citizen is reminded this many days before a draft expires (APPLICATION_DRAFT_REMINDER_DAYS). */
    draftReminderDays: number;
    /** How often the draft sweep (reminders, expiry, file deletion) runs; 0 = never (APPLICATION_DRAFT_SWEEP_MINUTES). */
    draftSweepMinutes: number;
  };
  jobs: {
    /** How often the in-process job runner looks for due jobs; 0 = not at all (JOB_POLL_MS). */
    pollMs: number;
  };
  passports: {
    /** How often the passport expiry reminder sweep runs; 0 = never (PASSPORT_REMINDER_SWEEP_MINUTES). */
    reminderSweepMinutes: number;
  };
  registration: {
    /** How often registrations past their departure end and yearly confirmations are asked for; 0 = never (REGISTRATION_SWEEP_MINUTES). */
    sweepMinutes: number;
  };
  legalization: {
    /** LEGALIZATION_VERIFY_WINDOW_SECONDS, _MAX_PER_IP, _MAX_PER_USER. */
    verify: VerifyLimits;
  };
  /** WeChat Pay merchant settings (WECHAT_PAY_*); sandbox keys in development. */
  wechatPay: WechatPayConfig;
  payments: {
    /** Unpaid online orders close this long after submission (PAYMENT_EXPIRY_MINUTES). */
    expiryMinutes: number;
    /** A prepaid order still unpaid this long is asked about at WeChat (PAYMENT_CHECK_AFTER_MINUTES). */
    checkAfterMinutes: number;
    /** How often the reconciliation job runs; 0 = not at all (PAYMENT_RECONCILE_INTERVAL_SECONDS). */
    reconcileIntervalSeconds: number;
  };
  interviews: {
    /**
     * STUN/TURN servers both sides of a video interview use (INTERVIEW_ICE_SERVERS, a JSON
     * array of RTCIceServer). Empty: host candidates only, enough on loopback or one LAN.
     */
    iceServers: IceServer[];
  };
  /** The pension authority (人社部门) that receives pension certifications (server/pension). */
  pension: PensionConfig;
  /** Uploaded files: FILE_STORAGE (local | postgres | s3) and, for s3, the S3_* settings. */
  files: FileStorageSettings;
  /** Serve the console's built files from here (absent: console not served). */
  consoleDist: string | null;
  logLevel: string;
  /** Proxies (addresses / CIDR ranges) whose X-Forwarded-For is believed (TRUST_PROXY); empty: none. */
  trustProxy: string[];
  isProduction: boolean;
}

export interface PensionConfig {
  /** Base URL of the authority's API (PENSION_AUTHORITY_URL); default: the sandbox beside the WeChat one. */
  authorityUrl: string;
  /** Shared key both sides sign requests with (PENSION_AUTHORITY_SECRET); required in production. */
  secret: string;
  /** A push or poll that takes longer is treated as not answered, and retried (PENSION_AUTHORITY_TIMEOUT_MS). */
  timeoutMs: number;
  /** How long after an accepted push the result is asked for, and again while pending (PENSION_POLL_SECONDS). */
  pollSeconds: number;
  /** How often the deadline-reminder sweep runs; 0 = never (PENSION_REMINDER_SWEEP_MINUTES). */
  reminderSweepMinutes: number;
}


/** A whole number ≥ `min` written in the environment. */
const whole = (min: number) =>
  z
    .string()
    .regex(/^\s*\d+\s*$/, `must be a whole number ≥ ${min}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be a whole number ≥ ${min}`));
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const ipOrCidr = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'must be IP addresses or CIDR ranges, comma-separated' });

/**
 * The environment as the server expects it: every value it reads is checked here, at start,
 * and a bad one stops the start with the variable's name — never a silent default. Empty
 * means unset. README's "Configuration" table lists the same variables.
 */
const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: whole(1).pipe(z.number().max(65_535, 'must be a port number (1–65535)')).optional(),
  HOST: z.string().optional(),
  PUBLIC_URL: httpUrl.optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string').optional(),
  PII_KEY: z
    .string()
    .refine((key) => Buffer.from(key, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  WECHAT_API_BASE: httpUrl.optional(),
  SESSION_IDLE_MINUTES: whole(1).optional(),
  SESSION_ABSOLUTE_DAYS: whole(1).optional(),
  STAFF_SESSION_IDLE_MINUTES: whole(1).optional(),
  STAFF_SESSION_ABSOLUTE_HOURS: whole(1).optional(),
  APPLICATION_DRAFT_DAYS: whole(1).optional(),
  APPLICATION_DRAFT_REMINDER_DAYS: whole(1).optional(),
  APPLICATION_DRAFT_SWEEP_MINUTES: whole(0).optional(),
  JOB_POLL_MS: whole(0).optional(),
  LEGALIZATION_VERIFY_WINDOW_SECONDS: whole(1).optional(),
  LEGALIZATION_VERIFY_MAX_PER_IP: whole(1).optional(),
  LEGALIZATION_VERIFY_MAX_PER_USER: whole(1).optional(),
  PAYMENT_EXPIRY_MINUTES: whole(1).optional(),
  PAYMENT_CHECK_AFTER_MINUTES: whole(1).optional(),
  PAYMENT_RECONCILE_INTERVAL_SECONDS: whole(0).optional(),
  PENSION_AUTHORITY_URL: httpUrl.optional(),
  PENSION_AUTHORITY_TIMEOUT_MS: whole(1).optional(),
  PENSION_POLL_SECONDS: whole(0).optional(),
  PENSION_REMINDER_SWEEP_MINUTES: whole(0).optional(),
  REGISTRATION_SWEEP_MINUTES: whole(0).optional(),
  PASSPORT_REMINDER_SWEEP_MINUTES: whole(0).optional(),
  TRUST_PROXY: z
    .string()
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(ipOrCidr))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).optional(),
});

/** Thrown when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {}

function parseEnvironment(env: NodeJS.ProcessEnv): z.output<typeof environmentSchema> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(String(present[String(issue.path[0])] ?? '')).slice(0, 80)})`);
  throw new ConfigError(`Invalid configuration — fix these environment variables:\n${[...new Set(lines)].join('\n')}`);
}

/** INTERVIEW_ICE_SERVERS: a JSON array of { urls, username?, credential? }; a bad value stops the start. */
function iceServers(value: string | undefined): IceServer[] {
  if (!value || !value.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('INTERVIEW_ICE_SERVERS must be a JSON array of ICE servers');
  }
  const isUrls = (urls: unknown) => typeof urls === 'string' || (Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string'));
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  if (
    !Array.isArray(parsed) ||
    !parsed.every((server) => typeof server === 'object' && server !== null && isUrls(server.urls) && optionalString(server.username) && optionalString(server.credential))
  ) {
    throw new Error('INTERVIEW_ICE_SERVERS must be a JSON array of { "urls": "stun:…" | ["turn:…"], "username"?, "credential"? }');
  }
  return (parsed as IceServer[]).map(({ urls, username, credential }) => ({ urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) }));
}

/** FILE_STORAGE and S3_*: a wrong or incomplete value stops the start. */
function fileStorage(env: NodeJS.ProcessEnv): Config['files'] {
  const storage = env.FILE_STORAGE || 'local';
  if (storage !== 'local' && storage !== 'postgres' && storage !== 's3') throw new Error('FILE_STORAGE must be local, postgres or s3');
  if (storage !== 's3') return { storage, s3: null };
  const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`FILE_STORAGE=s3 needs ${missing.join(', ')}`);
  return {
    storage,
    s3: {
      endpoint: env.S3_ENDPOINT || null,
      region: env.S3_REGION || 'us-east-1',
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      prefix: env.S3_PREFIX || '',
    },
  };
}

/**
 * `options.wechatPayDevKeys`: development WeChat Pay keys to use instead of generating them
 * into DATA_DIR (tests pass generateDevWechatPayKeys() and give the sandbox the same).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { wechatPayDevKeys?: DevWechatPayKeys } = {}): Config {
  const e = parseEnvironment(env);
  const port = e.PORT ?? 3000;
  const isProduction = env.NODE_ENV === 'production';
  const root = path.resolve(__dirname, '..');
  const publicUrl = env.PUBLIC_URL || `http://127.0.0.1:${port}`;
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, 'data'));
  const wechat = {
    appId: env.WECHAT_APPID || 'wx0000000000sandbox',
    appSecret: env.WECHAT_SECRET || 'sandbox-secret',
    apiBase: env.WECHAT_API_BASE || 'http://127.0.0.1:3100',
    templates: {
      orderStatus: env.WECHAT_TEMPLATE_ORDER_STATUS || 'sandbox-order-status',
      safetyAlert: env.WECHAT_TEMPLATE_SAFETY_ALERT || 'sandbox-safety-alert',
      documentExpiry: env.WECHAT_TEMPLATE_DOCUMENT_EXPIRY || 'sandbox-document-expiry',
    },
  };
  const config: Config = {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl,
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    piiKey: env.PII_KEY || null,
    wechat,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES ?? 7 * 24 * 60,
      absoluteDays: e.SESSION_ABSOLUTE_DAYS ?? 30,
    },
    staffSession: {
      idleMinutes: e.STAFF_SESSION_IDLE_MINUTES ?? 30,
      absoluteHours: e.STAFF_SESSION_ABSOLUTE_HOURS ?? 12,
    },
    applications: {
      draftDays: e.APPLICATION_DRAFT_DAYS ?? 30,
      draftReminderDays: e.APPLICATION_DRAFT_REMINDER_DAYS ?? 3,
      draftSweepMinutes: e.APPLICATION_DRAFT_SWEEP_MINUTES ?? 60,
    },
    jobs: {
      pollMs: e.JOB_POLL_MS ?? 1000,
    },
    passports: {
      reminderSweepMinutes: e.PASSPORT_REMINDER_SWEEP_MINUTES ?? 60,
    },
    registration: {
      sweepMinutes: e.REGISTRATION_SWEEP_MINUTES ?? 60,
    },
    legalization: {
      verify: {
        windowSeconds: e.LEGALIZATION_VERIFY_WINDOW_SECONDS ?? 600,
        maxPerIp: e.LEGALIZATION_VERIFY_MAX_PER_IP ?? 60,
        maxPerUser: e.LEGALIZATION_VERIFY_MAX_PER_USER ?? 20,
      },
    },
    wechatPay: loadWechatPayConfig(env, {
      publicUrl,
      appId: wechat.appId,
      dataDir,
      isProduction,
      sandboxApiBase: wechat.apiBase,
      devKeys: options.wechatPayDevKeys,
    }),
    payments: {
      expiryMinutes: e.PAYMENT_EXPIRY_MINUTES ?? 24 * 60,
      checkAfterMinutes: e.PAYMENT_CHECK_AFTER_MINUTES ?? 10,
      reconcileIntervalSeconds: e.PAYMENT_RECONCILE_INTERVAL_SECONDS ?? 300,
    },
    interviews: { iceServers: iceServers(env.INTERVIEW_ICE_SERVERS) },
    pension: {
      authorityUrl: (env.PENSION_AUTHORITY_URL || `${wechat.apiBase}/pension-authority`).replace(/\/$/, ''),
      secret: env.PENSION_AUTHORITY_SECRET || 'sandbox-pension-authority-secret',
      timeoutMs: e.PENSION_AUTHORITY_TIMEOUT_MS ?? 10_000,
      pollSeconds: e.PENSION_POLL_SECONDS ?? 6 * 60 * 60,
      reminderSweepMinutes: e.PENSION_REMINDER_SWEEP_MINUTES ?? 60,
    },
    files: fileStorage(env),
    consoleDist: env.CONSOLE_DIST === '' ? null : path.resolve(env.CONSOLE_DIST || path.join(root, 'console', 'dist')),
    logLevel: e.LOG_LEVEL ?? (isProduction ? 'info' : 'warn'),
    trustProxy: e.TRUST_PROXY ?? [],
    isProduction,
  };
  if (isProduction && !config.piiKey) throw new Error('PII_KEY must be set in production');
  if (isProduction && !env.PENSION_AUTHORITY_SECRET) throw new Error('PENSION_AUTHORITY_SECRET must be set in production');
  return config;
}
