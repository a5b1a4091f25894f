import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { apiV3KeyBytes } from './aead';
import { createWechatPayClient, WechatPayClient } from './pay-client';
import { loadPrivateKey } from './signing';
import { createWechatPayVerifier, WechatPayVerifier } from './verification';

/**
 * WeChat Pay settings from the environment (to be merged into server/config.ts):
 *
 *   WECHAT_PAY_MCHID              商户号. Setting it switches to live mode, where all of the
 *                                 following except the optional ones are required.
 *   WECHAT_PAY_SERIAL_NO          serial number of our merchant API certificate
 *   WECHAT_PAY_PRIVATE_KEY        our merchant private key (apiclient_key.pem): the PEM text
 *                                 (literal "\n" allowed) or a path to the file
 *   WECHAT_PAY_APIV3_KEY          the 32-character APIv3 key
 *   WECHAT_PAY_PUBLIC_KEY_ID      the WeChat Pay public key's id, PUB_KEY_ID_…   } at least one
 *   WECHAT_PAY_PUBLIC_KEY         its PEM text or path                          } of these two
 *   WECHAT_PAY_PLATFORM_CERTS     platform certificates: PEM text(s) or paths,   } ways to
 *                                 comma-separated                               } verify WeChat
 *   WECHAT_PAY_API_BASE           optional; default https://api.mch.weixin.qq.com in live mode,
 *                                 WECHAT_API_BASE (the local sandbox) in development
 *   WECHAT_PAY_NOTIFY_URL         optional; default PUBLIC_URL + /api/pay/wechat/notify
 *   WECHAT_PAY_REFUND_NOTIFY_URL  optional; default PUBLIC_URL + /api/pay/wechat/refund-notify
 *   WECHAT_PAY_MAX_SKEW_SECONDS   optional; default 300
 *
 * Without WECHAT_PAY_MCHID (development, tests) a merchant key pair, a sandbox platform key
 * pair, a public key id and an APIv3 key are generated once into DATA_DIR/wechat-pay-dev.json
 * — like the PII key — and shared by the server and the sandbox. In production
 * WECHAT_PAY_MCHID is required.
 */
export const LIVE_API_BASE = 'https://api.mch.weixin.qq.com';
export const NOTIFY_PATH = '/api/pay/wechat/notify';
export const REFUND_NOTIFY_PATH = '/api/pay/wechat/refund-notify';

export interface WechatPayConfig {
  mode: 'live' | 'sandbox';
  apiBase: string;
  mchId: string;
  appId: string;
  serialNo: string;
  privateKeyPem: string;
  apiV3Key: string;
  /** The WeChat Pay public key (PUB_KEY_ID_…), when configured. */
  publicKey: { id: string; pem: string } | null;
  /** Platform certificates (PEM), when configured. */
  platformCertificates: string[];
  notifyUrl: string;
  refundNotifyUrl: string;
  maxSkewSeconds: number;
}

/** The development keys: ours (merchant) and the sandbox's (platform), plus ids and the APIv3 key. */
export interface DevWechatPayKeys {
  mchId: string;
  serialNo: string;
  merchantPrivateKeyPem: string;
  merchantPublicKeyPem: string;
  publicKeyId: string;
  platformPrivateKeyPem: string;
  platformPublicKeyPem: string;
  apiV3Key: string;
}

export const DEV_KEYS_FILE = 'wechat-pay-dev.json';

export function generateDevWechatPayKeys(): DevWechatPayKeys {
  const pair = () =>
    crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  const merchant = pair();
  const platform = pair();
  const digits = (count: number) => Array.from(crypto.randomBytes(count), (byte) => String(byte % 10)).join('');
  return {
    mchId: `19${digits(8)}`,
    serialNo: crypto.randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKey,
    merchantPublicKeyPem: merchant.publicKey,
    publicKeyId: `PUB_KEY_ID_01${digits(20)}`,
    platformPrivateKeyPem: platform.privateKey,
    platformPublicKeyPem: platform.publicKey,
    // 32 characters of [0-9A-Za-z], like the keys merchants set in the console.
    apiV3Key: crypto.randomBytes(24).toString('base64').replace(/[+/]/g, 'x').slice(0, 32),
  };
}

/**
 * The development keys in `dataDir`, generated on first use. Safe when the server and the
 * sandbox start together: whoever loses the exclusive create reads the winner's file.
 */
export function resolveDevWechatPayKeys(dataDir: string): DevWechatPayKeys {
  const file = path.join(dataDir, DEV_KEYS_FILE);
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as DevWechatPayKeys;
  if (fs.existsSync(file)) return read();
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = generateDevWechatPayKeys();
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  try {
    fs.linkSync(temp, file); // atomic, and fails if another process got there first
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return read();
}

/** A PEM given inline (possibly with literal "\n") or as a path to a file. */
export function pemFromEnv(value: string): string {
  const inline = value.replace(/\\n/g, '\n').trim();
  if (inline.startsWith('-----BEGIN ')) return inline + '\n';
  return fs.readFileSync(value.trim(), 'utf8');
}

function splitCertificates(value: string): string[] {
  const inline = value.replace(/\\n/g, '\n');
  if (inline.includes('-----BEGIN ')) return inline.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return value
    .split(',')
    .map((file) => file.trim())
    .filter(Boolean)
    .flatMap((file) => splitCertificates(fs.readFileSync(file, 'utf8')));
}

export function loadWechatPayConfig(
  env: NodeJS.ProcessEnv,
  base: {
    publicUrl: string;
    appId: string;
    dataDir: string;
    isProduction: boolean;
    /** Where the local sandbox listens (config.wechat.apiBase). */
    sandboxApiBase: string;
    /** Development keys to use instead of DATA_DIR's (tests: generateDevWechatPayKeys()). */
    devKeys?: DevWechatPayKeys;
  },
): WechatPayConfig {
  const publicUrl = base.publicUrl.replace(/\/+$/, '');
  const notifyUrl = env.WECHAT_PAY_NOTIFY_URL || publicUrl + NOTIFY_PATH;
  const refundNotifyUrl = env.WECHAT_PAY_REFUND_NOTIFY_URL || publicUrl + REFUND_NOTIFY_PATH;
  const skew = Number(env.WECHAT_PAY_MAX_SKEW_SECONDS);
  const maxSkewSeconds = Number.isInteger(skew) && skew > 0 ? skew : 300;

  if (!env.WECHAT_PAY_MCHID) {
    if (base.isProduction) throw new Error('WECHAT_PAY_MCHID (and the rest of the WeChat Pay settings) must be set in production');
    const dev = base.devKeys ?? resolveDevWechatPayKeys(base.dataDir);
    return {
      mode: 'sandbox',
      apiBase: env.WECHAT_PAY_API_BASE || base.sandboxApiBase,
      mchId: dev.mchId,
      appId: base.appId,
      serialNo: dev.serialNo,
      privateKeyPem: dev.merchantPrivateKeyPem,
      apiV3Key: dev.apiV3Key,
      publicKey: { id: dev.publicKeyId, pem: dev.platformPublicKeyPem },
      platformCertificates: [],
      notifyUrl,
      refundNotifyUrl,
      maxSkewSeconds,
    };
  }

  const missing = ['WECHAT_PAY_SERIAL_NO', 'WECHAT_PAY_PRIVATE_KEY', 'WECHAT_PAY_APIV3_KEY'].filter((name) => !env[name]);
  if (!env.WECHAT_PAY_PUBLIC_KEY_ID !== !env.WECHAT_PAY_PUBLIC_KEY) missing.push('WECHAT_PAY_PUBLIC_KEY_ID and WECHAT_PAY_PUBLIC_KEY together');
  if (!env.WECHAT_PAY_PUBLIC_KEY && !env.WECHAT_PAY_PLATFORM_CERTS) missing.push('WECHAT_PAY_PUBLIC_KEY or WECHAT_PAY_PLATFORM_CERTS');
  if (missing.length > 0) throw new Error(`WeChat Pay configuration incomplete: ${missing.join(', ')}`);

  const config: WechatPayConfig = {
    mode: 'live',
    apiBase: env.WECHAT_PAY_API_BASE || LIVE_API_BASE,
    mchId: env.WECHAT_PAY_MCHID,
    appId: base.appId,
    serialNo: env.WECHAT_PAY_SERIAL_NO!.trim().toUpperCase(),
    privateKeyPem: pemFromEnv(env.WECHAT_PAY_PRIVATE_KEY!),
    apiV3Key: env.WECHAT_PAY_APIV3_KEY!,
    publicKey: env.WECHAT_PAY_PUBLIC_KEY ? { id: env.WECHAT_PAY_PUBLIC_KEY_ID!.trim(), pem: pemFromEnv(env.WECHAT_PAY_PUBLIC_KEY) } : null,
    platformCertificates: env.WECHAT_PAY_PLATFORM_CERTS ? splitCertificates(env.WECHAT_PAY_PLATFORM_CERTS) : [],
    notifyUrl,
    refundNotifyUrl,
    maxSkewSeconds,
  };
  // Fail at start, not at the first payment.
  loadPrivateKey(config.privateKeyPem);
  apiV3KeyBytes(config.apiV3Key);
  createVerifierFromConfig(config);
  if (base.isProduction && !notifyUrl.startsWith('https://')) throw new Error('the WeChat Pay notify URL must be https in production');
  return config;
}

export function createVerifierFromConfig(config: WechatPayConfig, now?: () => number): WechatPayVerifier {
  return createWechatPayVerifier({
    certificates: config.platformCertificates,
    publicKeys: config.publicKey ? [config.publicKey] : [],
    maxSkewSeconds: config.maxSkewSeconds,
    now,
  });
}

/** The client for this configuration (live or sandbox alike). */
export function createWechatPayClientFromConfig(config: WechatPayConfig, options: { timeoutMs?: number } = {}): WechatPayClient {
  return createWechatPayClient({
    apiBase: config.apiBase,
    mchId: config.mchId,
    appId: config.appId,
    serialNo: config.serialNo,
    privateKeyPem: config.privateKeyPem,
    apiV3Key: config.apiV3Key,
    verifier: createVerifierFromConfig(config),
    notifyUrl: config.notifyUrl,
    refundNotifyUrl: config.refundNotifyUrl,
    timeoutMs: options.timeoutMs,
  });
}

/** The sandbox's side of the development keys, for registerPaySandbox. */
export function devSandboxOptions(dev: DevWechatPayKeys, appId: string) {
  return {
    mchId: dev.mchId,
    appId,
    merchantPublicKeyPem: dev.merchantPublicKeyPem,
    merchantSerialNo: dev.serialNo,
    platformPrivateKeyPem: dev.platformPrivateKeyPem,
    publicKeyId: dev.publicKeyId,
    apiV3Key: dev.apiV3Key,
  };
}
