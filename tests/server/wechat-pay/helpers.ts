import crypto from 'node:crypto';
import { encryptResource } from '../../../server/wechat/pay/aead';
import { signatureMessage, signSha256Rsa } from '../../../server/wechat/pay/signing';

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

export const apiV3Key = () => crypto.randomBytes(16).toString('hex'); // 32 characters

/** Headers as WeChat would send them for `body`, signed with `privateKeyPem`. */
export function signedHeaders(body: string, privateKeyPem: string, serial: string, timestamp = Math.floor(Date.now() / 1000)) {
  const nonce = crypto.randomBytes(16).toString('hex');
  const ts = String(timestamp);
  return {
    'wechatpay-timestamp': ts,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': serial,
    'wechatpay-signature': signSha256Rsa(privateKeyPem, signatureMessage([ts, nonce, body])),
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

export function notificationBody(eventType: string, resource: unknown, key: string, originalType = eventType.startsWith('REFUND') ? 'refund' : 'transaction') {
  return JSON.stringify({
    id: crypto.randomUUID(),
    create_time: '2026-03-01T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource: encryptResource(JSON.stringify(resource), key, { associatedData: originalType, originalType }),
  });
}

export const sampleTransaction = (overrides: Record<string, unknown> = {}) => ({
  appid: 'wx_test_app',
  mchid: '1900000109',
  out_trade_no: 'CC20260301000001',
  transaction_id: '4200000000202603010000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  attach: '',
  success_time: '2026-03-01T10:00:00+08:00',
  payer: { openid: 'o_alice' },
  amount: { total: 12000, payer_total: 12000, currency: 'CNY', payer_currency: 'CNY' },
  ...overrides,
});
