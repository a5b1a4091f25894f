import crypto from 'node:crypto';
import { aesGcmDecrypt, AeadError, decryptResource, encryptResource } from '../../../server/wechat/pay/aead';
import { notificationFailure, parsePayNotification, transactionMismatches } from '../../../server/wechat/pay/notification';
import {
  buildAuthorization,
  decodeStrictBase64,
  generateNonce,
  parseAuthorization,
  requestSignatureMessage,
  signatureMessage,
  signSha256Rsa,
  verifySha256Rsa,
} from '../../../server/wechat/pay/signing';
import { createWechatPayVerifier, normalizeSerial } from '../../../server/wechat/pay/verification';
import { apiV3Key, KeyPair, notificationBody, rsaKeyPair, sampleTransaction, signedHeaders } from './helpers';
import { GO, JAVA } from './published-vectors';

const PUB_KEY_ID = 'PUB_KEY_ID_0119000001092026030100112233000';

describe('WeChat Pay signing and verification', () => {
  let merchant: KeyPair;
  let platform: KeyPair;
  let stranger: KeyPair;
  beforeAll(() => {
    [merchant, platform, stranger] = [rsaKeyPair(), rsaKeyPair(), rsaKeyPair()];
  });

  describe('request signatures (round trip)', () => {
    it('signs an Authorization header that verifies with the merchant public key over METHOD\\nURL\\nTS\\nNONCE\\nBODY\\n', () => {
      const body = JSON.stringify({ mchid: '1900000109', description: '护照换发 — 加急' });
      const header = buildAuthorization({
        mchId: '1900000109',
        serialNo: 'ABC123',
        privateKey: merchant.privateKeyPem,
        method: 'POST',
        canonicalUrl: '/v3/pay/transactions/jsapi',
        body,
      });
      const parts = parseAuthorization(header)!;
      expect(parts.mchid).toBe('1900000109');
      expect(parts.serial_no).toBe('ABC123');
      expect(parts.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/);
      expect(Math.abs(Number(parts.timestamp) - Date.now() / 1000)).toBeLessThan(5);
      const message = requestSignatureMessage({ method: 'POST', canonicalUrl: '/v3/pay/transactions/jsapi', timestamp: parts.timestamp, nonce: parts.nonce_str, body });
      expect(verifySha256Rsa(merchant.publicKeyPem, message, parts.signature)).toBe(true);
      expect(verifySha256Rsa(stranger.publicKeyPem, message, parts.signature)).toBe(false);
      expect(verifySha256Rsa(merchant.publicKeyPem, message.replace('加急', '普通'), parts.signature)).toBe(false);
    });

    it('refuses malformed Authorization headers', () => {
      const good = 'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",signature="s",timestamp="1",serial_no="x"';
      expect(parseAuthorization(good)).not.toBeNull();
      expect(parseAuthorization(good.replace('WECHATPAY2-SHA256-RSA2048', 'Bearer'))).toBeNull();
      expect(parseAuthorization(good.replace(',serial_no="x"', ''))).toBeNull();
      expect(parseAuthorization(`${good},mchid="2"`)).toBeNull();
      expect(parseAuthorization(`${good} junk`)).toBeNull();
      expect(parseAuthorization(undefined)).toBeNull();
    });

    it('makes nonces of [0-9A-Za-z] and strict base64 decoding', () => {
      expect(new Set(Array.from({ length: 50 }, () => generateNonce())).size).toBe(50);
      expect(generateNonce(12)).toMatch(/^[0-9A-Za-z]{12}$/);
      expect(decodeStrictBase64('AAAA')).toEqual(Buffer.alloc(3));
      for (const bad of ['', 'AAA', 'AA AA', 'AA-A', 'WECHATPAY/SIGNTEST/AAAA', 'AAAA====']) expect(decodeStrictBase64(bad)).toBeNull();
      expect(signatureMessage(['a', 'b\n'])).toBe('a\nb\n\n');
    });
  });

  describe('verifier (platform certificate and WeChat Pay public key)', () => {
    const body = '{"code":"SUCCESS"}';
    const verifier = () =>
      createWechatPayVerifier({ certificates: [GO.certificate], publicKeys: [{ id: PUB_KEY_ID, pem: platform.publicKeyPem }] });

    it('accepts a message signed by either trusted key, named by its serial or id', () => {
      expect(verifier().verifyHeaders(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID), body)).toEqual({ ok: true, keyId: PUB_KEY_ID, kind: 'public-key' });
      expect(verifier().verifyHeaders(signedHeaders(body, GO.privateKey, GO.certificateSerial), body)).toEqual({
        ok: true,
        keyId: GO.certificateSerial,
        kind: 'certificate',
      });
      // Serials in other spellings: lower case, leading zero byte.
      expect(verifier().verifyHeaders(signedHeaders(body, GO.privateKey, '00f5765756002fdd77'), body)).toMatchObject({ ok: true });
      expect(normalizeSerial('0a:bc')).toBe('ABC');
      expect(verifier().keyIds().sort()).toEqual([GO.certificateSerial, PUB_KEY_ID].sort());
    });

    it('reads raw bytes, not re-encoded text', () => {
      const bytes = Buffer.from('{"summary":"支付成功"}', 'utf8');
      const headers = signedHeaders(bytes.toString('utf8'), platform.privateKeyPem, PUB_KEY_ID);
      expect(verifier().verifyHeaders(headers, bytes)).toMatchObject({ ok: true });
      expect(verifier().verifyHeaders(headers, Buffer.from(bytes.toString('latin1'), 'utf8'))).toEqual({ ok: false, reason: 'bad-signature' });
    });

    it('refuses an unknown serial', () => {
      expect(verifier().verifyHeaders(signedHeaders(body, platform.privateKeyPem, 'PUB_KEY_ID_0000'), body)).toEqual({ ok: false, reason: 'unknown-serial' });
      expect(verifier().verifyHeaders(signedHeaders(body, platform.privateKeyPem, '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'), body)).toEqual({
        ok: false,
        reason: 'unknown-serial',
      });
    });

    it('refuses a wrong signature: another key under a trusted serial, or another body', () => {
      expect(verifier().verifyHeaders(signedHeaders(body, stranger.privateKeyPem, PUB_KEY_ID), body)).toEqual({ ok: false, reason: 'bad-signature' });
      expect(verifier().verifyHeaders(signedHeaders(body, GO.privateKey, PUB_KEY_ID), body)).toEqual({ ok: false, reason: 'bad-signature' });
      const headers = signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID);
      expect(verifier().verifyHeaders(headers, body + ' ')).toEqual({ ok: false, reason: 'bad-signature' });
      expect(verifier().verifyHeaders({ ...headers, 'wechatpay-nonce': 'other' }, body)).toEqual({ ok: false, reason: 'bad-signature' });
    });

    it('refuses stale and future timestamps beyond the skew, and non-numeric ones', () => {
      const now = Math.floor(Date.now() / 1000);
      const at = (ts: number) => verifier().verifyHeaders(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID, ts), body);
      expect(at(now - 290)).toMatchObject({ ok: true });
      expect(at(now - 310)).toEqual({ ok: false, reason: 'stale-timestamp' });
      expect(at(now + 310)).toEqual({ ok: false, reason: 'stale-timestamp' });
      const headers = signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID);
      expect(verifier().verifyHeaders({ ...headers, 'wechatpay-timestamp': '17e8' }, body)).toEqual({ ok: false, reason: 'bad-timestamp' });
      const strict = createWechatPayVerifier({ publicKeys: [{ id: PUB_KEY_ID, pem: platform.publicKeyPem }], maxSkewSeconds: 60 });
      expect(strict.verifyHeaders(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID, now - 90), body)).toEqual({ ok: false, reason: 'stale-timestamp' });
    });

    it('refuses signatures that are not base64 of the right size (WeChat’s WECHATPAY/SIGNTEST/ probes included)', () => {
      const headers = signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID);
      for (const signature of ['WECHATPAY/SIGNTEST/' + headers['wechatpay-signature'], 'not base64!', headers['wechatpay-signature'].slice(4), 'AAAA']) {
        expect(verifier().verifyHeaders({ ...headers, 'wechatpay-signature': signature }, body)).toEqual({ ok: false, reason: 'bad-signature-encoding' });
      }
    });

    it('refuses missing headers', () => {
      const headers = signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID);
      for (const name of ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-serial', 'wechatpay-signature'] as const) {
        const partial: Record<string, string> = { ...headers };
        delete partial[name];
        expect(verifier().verifyHeaders(partial, body)).toEqual({ ok: false, reason: 'missing-headers' });
      }
    });

    it('refuses a platform certificate outside its validity', () => {
      // wechatpay-java's merchant certificate expired on 2025-05-09.
      const expired = createWechatPayVerifier({ certificates: [JAVA.merchantCertificate] });
      const headers = signedHeaders(body, JAVA.merchantPrivateKey, JAVA.merchantCertificateSerial);
      expect(expired.verifyHeaders(headers, body)).toEqual({ ok: false, reason: 'certificate-expired' });
      const then = Date.parse('2024-01-01T00:00:00Z');
      const inTime = createWechatPayVerifier({ certificates: [JAVA.merchantCertificate], now: () => then });
      expect(inTime.verifyHeaders(signedHeaders(body, JAVA.merchantPrivateKey, JAVA.merchantCertificateSerial, then / 1000), body)).toMatchObject({ ok: true });
    });

    it('needs at least one key, and the public key needs its id', () => {
      expect(() => createWechatPayVerifier({})).toThrow(/certificate or the WeChat Pay public key/);
      expect(() => createWechatPayVerifier({ publicKeys: [{ id: '', pem: platform.publicKeyPem }] })).toThrow(/PUB_KEY_ID/);
    });
  });

  describe('AEAD resource', () => {
    const key = apiV3Key();
    const resource = () => encryptResource('{"out_trade_no":"CC1"}', key, { associatedData: 'transaction', originalType: 'transaction' });

    it('round-trips with a fresh 12-character nonce each time', () => {
      const [a, b] = [resource(), resource()];
      expect(a.nonce).toHaveLength(12);
      expect(a.nonce).not.toBe(b.nonce);
      expect(decryptResource(a, key)).toBe('{"out_trade_no":"CC1"}');
    });

    it('fails on tampered ciphertext, wrong key, wrong associated data, wrong nonce, bad base64, unknown algorithm', () => {
      const good = resource();
      const flipped = Buffer.from(good.ciphertext, 'base64');
      flipped[3] ^= 1;
      const reason = (run: () => unknown) => {
        try {
          run();
        } catch (error) {
          return (error as AeadError).reason;
        }
        return 'no error';
      };
      expect(reason(() => decryptResource({ ...good, ciphertext: flipped.toString('base64') }, key))).toBe('authentication-failed');
      expect(reason(() => decryptResource(good, apiV3Key()))).toBe('authentication-failed');
      expect(reason(() => decryptResource({ ...good, associated_data: 'refund' }, key))).toBe('authentication-failed');
      expect(reason(() => decryptResource({ ...good, nonce: 'AAAAAAAAAAAA' }, key))).toBe('authentication-failed');
      expect(reason(() => decryptResource({ ...good, ciphertext: '%%%' }, key))).toBe('bad-ciphertext');
      expect(reason(() => decryptResource({ ...good, ciphertext: 'AAAA' }, key))).toBe('bad-ciphertext');
      expect(reason(() => decryptResource({ ...good, algorithm: 'AEAD_SM4_GCM' }, key))).toBe('unsupported-algorithm');
      expect(reason(() => decryptResource(good, 'short'))).toBe('bad-key');
      expect(reason(() => aesGcmDecrypt(Buffer.alloc(20), good.nonce, 'transaction', good.ciphertext))).toBe('bad-key');
    });
  });

  describe('parsePayNotification', () => {
    const key = apiV3Key();
    const verifier = () => createWechatPayVerifier({ publicKeys: [{ id: PUB_KEY_ID, pem: platform.publicKeyPem }] });
    const parse = (headers: Record<string, string>, body: string | Buffer, apiKey = key) => parsePayNotification(headers, body, { verifier: verifier(), apiV3Key: apiKey });

    it('verifies and decrypts a TRANSACTION.SUCCESS notification', () => {
      const body = notificationBody('TRANSACTION.SUCCESS', sampleTransaction(), key);
      const result = parse(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID), Buffer.from(body));
      expect(result).toMatchObject({ ok: true, notification: { kind: 'transaction', eventType: 'TRANSACTION.SUCCESS', keyId: PUB_KEY_ID } });
      if (!result.ok || result.notification.kind !== 'transaction') throw new Error('expected a transaction');
      expect(result.notification.transaction).toEqual(sampleTransaction());
      expect(result.notification.id).toBe(JSON.parse(body).id);
    });

    it('verifies and decrypts a REFUND.SUCCESS notification', () => {
      const refund = {
        mchid: '1900000109',
        out_trade_no: 'CC20260301000001',
        transaction_id: '4200000000202603010000000001',
        out_refund_no: 'RF1',
        refund_id: '50000000382019052709732678859',
        refund_status: 'SUCCESS',
        success_time: '2026-03-02T10:00:00+08:00',
        user_received_account: '支付用户零钱',
        amount: { total: 12000, refund: 12000, payer_total: 12000, payer_refund: 12000 },
      };
      const body = notificationBody('REFUND.SUCCESS', refund, key);
      expect(parse(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID), body)).toMatchObject({ ok: true, notification: { kind: 'refund', refund } });
    });

    it('rejects every bad notification with a typed reason', () => {
      const body = notificationBody('TRANSACTION.SUCCESS', sampleTransaction(), key);
      const headers = signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID);
      const reason = (result: ReturnType<typeof parse>) => (result.ok ? 'accepted' : result.reason);

      expect(reason(parse(signedHeaders(body, stranger.privateKeyPem, PUB_KEY_ID), body))).toBe('bad-signature');
      expect(reason(parse({ ...headers, 'wechatpay-serial': 'PUB_KEY_ID_9999' }, body))).toBe('unknown-serial');
      expect(reason(parse(signedHeaders(body, platform.privateKeyPem, PUB_KEY_ID, Math.floor(Date.now() / 1000) - 600), body))).toBe('stale-timestamp');
      expect(reason(parse({ ...headers, 'wechatpay-signature': '!!!' }, body))).toBe('bad-signature-encoding');
      expect(reason(parse({}, body))).toBe('missing-headers');
      expect(reason(parse(headers, body, apiV3Key()))).toBe('decrypt-failed');

      // Signed correctly, but the ciphertext was altered before signing: only decryption catches it.
      const parsed = JSON.parse(body) as { resource: { ciphertext: string } };
      const raw = Buffer.from(parsed.resource.ciphertext, 'base64');
      raw[0] ^= 1;
      parsed.resource.ciphertext = raw.toString('base64');
      const tampered = JSON.stringify(parsed);
      expect(reason(parse(signedHeaders(tampered, platform.privateKeyPem, PUB_KEY_ID), tampered))).toBe('decrypt-failed');

      const signed = (text: string) => parse(signedHeaders(text, platform.privateKeyPem, PUB_KEY_ID), text);
      expect(reason(signed('not json'))).toBe('malformed');
      expect(reason(signed('{"id":"x","event_type":"TRANSACTION.SUCCESS"}'))).toBe('malformed');
      expect(reason(signed(notificationBody('PAYSCORE.USER_OPEN_SERVICE', {}, key)))).toBe('unsupported-event');
      expect(reason(signed(notificationBody('TRANSACTION.SUCCESS', { hello: 'world' }, key)))).toBe('malformed-resource');
      expect(reason(signed(notificationBody('TRANSACTION.SUCCESS', sampleTransaction({ amount: { total: 1.5 } }), key)))).toBe('malformed-resource');
      expect(reason(signed(notificationBody('REFUND.SUCCESS', sampleTransaction(), key)))).toBe('malformed-resource');
    });

    it('names the fields that do not match our order', () => {
      const expected = { mchId: '1900000109', appId: 'wx_test_app', outTradeNo: 'CC20260301000001', amountFen: 12000, payerOpenid: 'o_alice' };
      expect(transactionMismatches(sampleTransaction(), expected)).toEqual([]);
      expect(transactionMismatches(sampleTransaction({ amount: { total: 1 } }), expected)).toEqual(['amount.total']);
      expect(transactionMismatches(sampleTransaction({ mchid: '1', appid: 'wx_other', out_trade_no: 'X', payer: {} }), expected)).toEqual([
        'mchid',
        'appid',
        'out_trade_no',
        'payer.openid',
      ]);
      expect(transactionMismatches(sampleTransaction({ amount: { total: 12000, currency: 'USD' } }), expected)).toEqual(['amount.currency']);
    });

    it('answers failures the way WeChat expects', () => {
      expect(notificationFailure('bad-signature')).toEqual({ status: 401, body: { code: 'FAIL', message: 'bad-signature' } });
      expect(notificationFailure('decrypt-failed').status).toBe(400);
      expect(notificationFailure('internal').status).toBe(500);
    });
  });

  it('signs with node:crypto PKCS#1 v1.5 (deterministic), not PSS', () => {
    const message = 'same message';
    expect(signSha256Rsa(merchant.privateKeyPem, message)).toBe(signSha256Rsa(merchant.privateKeyPem, message));
    const pss = crypto.sign('sha256', Buffer.from(message), { key: merchant.privateKeyPem, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }).toString('base64');
    expect(verifySha256Rsa(merchant.publicKeyPem, message, pss)).toBe(false);
  });
});
