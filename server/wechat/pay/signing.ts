import crypto, { KeyObject } from 'node:crypto';
import type { RequestPaymentParams } from '../../../miniprogram/domain/services/payment-api-types';

/**
 * WeChat Pay API v3 signing (签名生成), on node:crypto only. Every request carries
 *   Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"
 * where signature = base64(SHA256withRSA (PKCS#1 v1.5) over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`)
 * with the merchant's API certificate private key; URL is the path plus `?query` as sent,
 * BODY is the exact JSON string sent (empty for GET). The mini-program's wx.requestPayment
 * needs paySign, the same signature over `appId\ntimeStamp\nnonceStr\npackage\n`.
 * (pay.weixin.qq.com/wiki/doc/apiv3/wechatpay/wechatpay4_0.shtml, …/apis/chapter3_5_4.shtml)
 */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** Lines joined the WeChat way: every line, the last one included, ends with "\n". */
export function signatureMessage(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export function requestSignatureMessage(input: {
  method: string;
  /** Path and query as sent, e.g. `/v3/pay/transactions/out-trade-no/A1?mchid=1900000109`. */
  canonicalUrl: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  return signatureMessage([input.method.toUpperCase(), input.canonicalUrl, input.timestamp, input.nonce, input.body]);
}

/** The merchant private key (PKCS#8 `BEGIN PRIVATE KEY`, or PKCS#1) as a KeyObject; RSA of at least 2048 bits. */
export function loadPrivateKey(pem: string | KeyObject): KeyObject {
  const key = typeof pem === 'string' ? crypto.createPrivateKey(pem) : pem;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') throw new Error('WeChat Pay needs an RSA private key');
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('WeChat Pay needs an RSA key of at least 2048 bits');
  return key;
}

/** base64(SHA256withRSA, PKCS#1 v1.5). Deterministic: the same key and message give the same signature. */
export function signSha256Rsa(privateKey: KeyObject | string, message: string | Buffer): string {
  const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
  const key = typeof privateKey === 'string' ? crypto.createPrivateKey(privateKey) : privateKey;
  return crypto.sign('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PADDING }).toString('base64');
}

/** True only when `signature` is a valid base64 SHA256withRSA signature of `message` under `publicKey`. */
export function verifySha256Rsa(publicKey: KeyObject | string, message: string | Buffer, signature: string): boolean {
  const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
  const raw = decodeStrictBase64(signature);
  if (!raw) return false;
  const key = typeof publicKey === 'string' ? crypto.createPublicKey(publicKey) : publicKey;
  return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PADDING }, raw);
}

/** Standard base64 with padding, nothing else (Buffer.from(…, 'base64') would silently skip junk). */
export function decodeStrictBase64(value: string): Buffer | null {
  if (!value || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  return Buffer.from(value, 'base64');
}

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random [0-9A-Za-z] string (WeChat: at most 32 characters), without modulo bias. */
export function generateNonce(length = 32): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length)) {
      if (byte < 248 && out.length < length) out += NONCE_ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Seconds since the epoch, as WeChat's timestamps are. */
export function unixSeconds(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function formatAuthorization(parts: AuthorizationParts): string {
  const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = parts;
  return `${AUTH_SCHEMA} mchid="${mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial}"`;
}

/** Signs one request and returns the whole Authorization header value. */
export function buildAuthorization(input: {
  mchId: string;
  serialNo: string;
  privateKey: KeyObject | string;
  method: string;
  canonicalUrl: string;
  body: string;
  timestamp?: string;
  nonce?: string;
}): string {
  const timestamp = input.timestamp ?? unixSeconds();
  const nonce = input.nonce ?? generateNonce();
  const message = requestSignatureMessage({ method: input.method, canonicalUrl: input.canonicalUrl, timestamp, nonce, body: input.body });
  return formatAuthorization({
    mchid: input.mchId,
    nonce_str: nonce,
    signature: signSha256Rsa(input.privateKey, message),
    timestamp,
    serial_no: input.serialNo,
  });
}

/**
 * Reads an Authorization header back into its parts (the sandbox uses this to check our
 * requests the way WeChat does). Null unless the schema is right and all five parts are present.
 */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return null;
  const rest = header.slice(AUTH_SCHEMA.length + 1);
  // key="value" pairs separated by commas (optional spaces); nothing else is allowed.
  if (!/^\s*[a-z_]+="[^"]*"(\s*,\s*[a-z_]+="[^"]*")*\s*$/.test(rest)) return null;
  const parts: Record<string, string> = {};
  for (const [, key, value] of rest.matchAll(/([a-z_]+)="([^"]*)"/g)) {
    if (parts[key] !== undefined) return null;
    parts[key] = value;
  }
  const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = parts;
  if (!mchid || !nonce || !signature || !timestamp || !serial) return null;
  return { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial };
}

/** What wx.requestPayment takes (JSAPI / mini-program, APIv3): the mini-program's own type, one shape for both. */
export type { RequestPaymentParams };

export function paySignMessage(input: { appId: string; timeStamp: string; nonceStr: string; package: string }): string {
  return signatureMessage([input.appId, input.timeStamp, input.nonceStr, input.package]);
}

/** The parameters for wx.requestPayment, paySign made with the merchant private key. */
export function buildRequestPaymentParams(input: {
  appId: string;
  prepayId: string;
  privateKey: KeyObject | string;
  timeStamp?: string;
  nonceStr?: string;
}): RequestPaymentParams {
  const timeStamp = input.timeStamp ?? unixSeconds();
  const nonceStr = input.nonceStr ?? generateNonce();
  const pkg = `prepay_id=${input.prepayId}`;
  const paySign = signSha256Rsa(input.privateKey, paySignMessage({ appId: input.appId, timeStamp, nonceStr, package: pkg }));
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}
