import crypto, { type KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { PaySandboxOptions } from './state';

/**
 * The platform's side of WeChat Pay's cryptography, written out on node:crypto — deliberately
 * not shared with server/wechat/pay, so a mistake on our side cannot be mirrored on this one:
 * it verifies OUR requests' Authorization with our merchant public key, signs answers and
 * notifications with the platform key, and encrypts notification resources (AES-256-GCM with
 * the APIv3 key).
 */
export interface PayCrypto {
  /** Wechatpay-Serial: the platform certificate serial or the public key id. */
  serial: string;
  /** Base64 SHA256withRSA over `ts\nnonce\nbody\n` with the platform key. */
  sign(timestamp: string, nonce: string, body: string): string;
  /** The reason our request's signature is refused (WeChat's wording), or null when it verifies. */
  checkRequest(request: FastifyRequest, rawBody: Buffer): string | null;
  encrypt(plaintext: string, associatedData: string): { algorithm: string; ciphertext: string; associated_data: string; nonce: string };
}

export const nonceString = () => crypto.randomBytes(24).toString('base64').replace(/[+/=]/g, '').slice(0, 32);

/** A signature that no longer verifies (one bit flipped), for the tamper controls. */
export const corrupt = (signature: string) => {
  const raw = Buffer.from(signature, 'base64');
  raw[raw.length >> 1] ^= 0x01;
  return raw.toString('base64');
};

export function createPayCrypto(options: PaySandboxOptions): PayCrypto {
  const serial = options.publicKeyId ?? options.platformSerial;
  if (!serial) throw new Error('registerPaySandbox needs platformSerial or publicKeyId');
  const apiV3Key = Buffer.from(options.apiV3Key, 'utf8');
  if (apiV3Key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  const merchantKey: KeyObject = options.merchantPublicKeyPem.includes('BEGIN CERTIFICATE')
    ? new crypto.X509Certificate(options.merchantPublicKeyPem).publicKey
    : crypto.createPublicKey(options.merchantPublicKeyPem);
  const platformKey = crypto.createPrivateKey(options.platformPrivateKeyPem);
  const maxSkew = options.maxSkewSeconds ?? 300;

  const sign = (timestamp: string, nonce: string, body: string) =>
    crypto.sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), platformKey).toString('base64');

  /**
   * WeChat's request check: Authorization = WECHATPAY2-SHA256-RSA2048 with our mchid, a
   * current timestamp, and a signature over METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n (URL as
   * requested, BODY the raw bytes) that verifies with our merchant public key.
   */
  function checkRequest(request: FastifyRequest, rawBody: Buffer): string | null {
    const header = request.headers.authorization ?? '';
    const prefix = 'WECHATPAY2-SHA256-RSA2048 ';
    if (!header.startsWith(prefix)) return '错误的签名类型，应为 WECHATPAY2-SHA256-RSA2048';
    const fields = new Map<string, string>();
    for (const part of header.slice(prefix.length).split(',')) {
      const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
      if (!match || fields.has(match[1])) return 'Authorization 格式错误';
      fields.set(match[1], match[2]);
    }
    const [mchid, nonce, signature, timestamp, serialNo] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((k) => fields.get(k));
    if (!mchid || !nonce || !signature || !timestamp || !serialNo) return 'Authorization 缺少参数';
    if (mchid !== options.mchId) return '商户号与签名不匹配';
    if (options.merchantSerialNo && serialNo.toUpperCase() !== options.merchantSerialNo.toUpperCase()) return '商户证书序列号有误';
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > maxSkew) return '请求时间戳已过期';
    const message = Buffer.concat([Buffer.from(`${request.method}\n${request.url}\n${timestamp}\n${nonce}\n`, 'utf8'), rawBody, Buffer.from('\n')]);
    const ok = crypto.verify('sha256', message, merchantKey, Buffer.from(signature, 'base64'));
    return ok ? null : '签名错误，请检查后再试';
  }

  function encrypt(plaintext: string, associatedData: string) {
    const nonce = crypto.randomBytes(9).toString('base64url'); // 12 characters
    const cipher = crypto.createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ciphertext.toString('base64'), associated_data: associatedData, nonce };
  }

  return { serial, sign, checkRequest, encrypt };
}
