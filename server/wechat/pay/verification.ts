import crypto, { KeyObject } from 'node:crypto';
import { decodeStrictBase64, signatureMessage } from './signing';

/**
 * Verifying what WeChat Pay sends us — API responses and notifications alike (签名验证):
 *   Wechatpay-Serial     which key signed: a platform certificate's serial number (hex), or
 *                        the WeChat Pay public key's id (`PUB_KEY_ID_…`)
 *   Wechatpay-Timestamp  seconds since the epoch
 *   Wechatpay-Nonce      random string
 *   Wechatpay-Signature  base64 SHA256withRSA over `timestamp\nnonce\nbody\n`
 * The body must be the raw bytes received, never JSON re-serialised. Messages more than
 * `maxSkewSeconds` (default 5 minutes) from our clock are refused, as the SDKs do.
 */
export type VerificationFailure =
  /** A Wechatpay-* header is absent or empty. */
  | 'missing-headers'
  /** Wechatpay-Serial names no key we trust. */
  | 'unknown-serial'
  /** Wechatpay-Timestamp is not a number of seconds. */
  | 'bad-timestamp'
  /** Wechatpay-Timestamp is further than the allowed skew from now. */
  | 'stale-timestamp'
  /** The platform certificate was not valid at Wechatpay-Timestamp. */
  | 'certificate-expired'
  /** Wechatpay-Signature is not standard base64 of a signature of the key's size. */
  | 'bad-signature-encoding'
  /** The signature does not match. */
  | 'bad-signature';

export type VerificationResult = { ok: true; keyId: string; kind: TrustedKey['kind'] } | { ok: false; reason: VerificationFailure };

export interface TrustedKey {
  kind: 'certificate' | 'public-key';
  /** Normalised certificate serial (upper-case hex, no leading zeros) or the PUB_KEY_ID_… id. */
  id: string;
  key: KeyObject;
  validFrom?: Date;
  validTo?: Date;
}

export interface SignedMessage {
  serial: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  /** The raw body, exactly as received. */
  body: Buffer | string;
}

export interface WechatPayVerifier {
  verify(message: SignedMessage): VerificationResult;
  /** Same, reading the four Wechatpay-* headers (any case; Node lower-cases them). */
  verifyHeaders(headers: HeaderBag, body: Buffer | string): VerificationResult;
  /** The ids we trust, for diagnostics. */
  keyIds(): string[];
}

export type HeaderBag = Record<string, string | string[] | undefined> | Headers;

/** Certificate serials: WeChat writes upper-case hex; tolerate case, colons and leading zeros. */
export function normalizeSerial(serial: string): string {
  const hex = serial.replace(/:/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex)) return serial;
  return hex.replace(/^0+(?=.)/, '');
}

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  const key = Object.keys(bag).find((candidate) => candidate.toLowerCase() === lower);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value[0] : value;
}

/** A platform certificate (PEM) → trusted key named by its serial number. */
export function certificateKey(pem: string): TrustedKey {
  const cert = new crypto.X509Certificate(pem);
  return {
    kind: 'certificate',
    id: normalizeSerial(cert.serialNumber),
    key: cert.publicKey,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
  };
}

/** The WeChat Pay public key (SPKI PEM, `BEGIN PUBLIC KEY`) and its id `PUB_KEY_ID_…`. */
export function publicKeyKey(id: string, pem: string | KeyObject): TrustedKey {
  if (!id) throw new Error('the WeChat Pay public key needs its id (PUB_KEY_ID_…)');
  const key = typeof pem === 'string' ? crypto.createPublicKey(pem) : pem;
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the WeChat Pay public key must be RSA');
  return { kind: 'public-key', id, key };
}

export function createWechatPayVerifier(options: {
  /** Platform certificates (PEM), named by serial number. */
  certificates?: string[];
  /** WeChat Pay public keys, named by their PUB_KEY_ID_… id. */
  publicKeys?: { id: string; pem: string | KeyObject }[];
  /** Default 300 s. */
  maxSkewSeconds?: number;
  /** Milliseconds since the epoch; tests pin it. */
  now?: () => number;
}): WechatPayVerifier {
  const keys = new Map<string, TrustedKey>();
  for (const pem of options.certificates ?? []) {
    const trusted = certificateKey(pem);
    keys.set(trusted.id, trusted);
  }
  for (const { id, pem } of options.publicKeys ?? []) keys.set(id, publicKeyKey(id, pem));
  if (keys.size === 0) throw new Error('a WeChat Pay verifier needs a platform certificate or the WeChat Pay public key');
  const maxSkew = options.maxSkewSeconds ?? 300;
  const now = options.now ?? Date.now;

  const lookup = (serial: string) => keys.get(serial) ?? keys.get(normalizeSerial(serial));

  function verify(message: SignedMessage): VerificationResult {
    const { serial, timestamp, nonce, signature, body } = message;
    if (!serial || !timestamp || !nonce || !signature) return { ok: false, reason: 'missing-headers' };
    const trusted = lookup(serial.trim());
    if (!trusted) return { ok: false, reason: 'unknown-serial' };
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
    const seconds = Number(timestamp);
    if (Math.abs(now() / 1000 - seconds) > maxSkew) return { ok: false, reason: 'stale-timestamp' };
    const signedAt = seconds * 1000;
    if ((trusted.validFrom && signedAt < trusted.validFrom.getTime()) || (trusted.validTo && signedAt > trusted.validTo.getTime())) {
      return { ok: false, reason: 'certificate-expired' };
    }
    const raw = decodeStrictBase64(signature);
    const modulusBytes = (trusted.key.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
    if (!raw || raw.length !== modulusBytes) return { ok: false, reason: 'bad-signature-encoding' };
    const head = Buffer.from(signatureMessage([timestamp, nonce]), 'utf8');
    const bodyBytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const data = Buffer.concat([head, bodyBytes, Buffer.from('\n')]);
    const ok = crypto.verify('sha256', data, { key: trusted.key, padding: crypto.constants.RSA_PKCS1_PADDING }, raw);
    return ok ? { ok: true, keyId: trusted.id, kind: trusted.kind } : { ok: false, reason: 'bad-signature' };
  }

  return {
    verify,
    verifyHeaders(headers, body) {
      return verify({
        serial: headerValue(headers, 'Wechatpay-Serial'),
        timestamp: headerValue(headers, 'Wechatpay-Timestamp'),
        nonce: headerValue(headers, 'Wechatpay-Nonce'),
        signature: headerValue(headers, 'Wechatpay-Signature'),
        body,
      });
    },
    keyIds: () => [...keys.keys()],
  };
}
