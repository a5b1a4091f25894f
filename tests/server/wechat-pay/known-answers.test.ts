import crypto from 'node:crypto';
import { aesGcmDecrypt, aesGcmEncrypt, decryptResource } from '../../../server/wechat/pay/aead';
import {
  buildAuthorization,
  buildRequestPaymentParams,
  parseAuthorization,
  paySignMessage,
  requestSignatureMessage,
  signSha256Rsa,
  verifySha256Rsa,
} from '../../../server/wechat/pay/signing';
import { certificateKey, createWechatPayVerifier } from '../../../server/wechat/pay/verification';
import { DOCS, GO, JAVA } from './published-vectors';

/** Known answers from WeChat Pay's official SDKs and documentation (see published-vectors.ts). */
describe('WeChat Pay known-answer tests', () => {
  describe('SHA256withRSA (PKCS#1 v1.5) signatures', () => {
    it('reproduces wechatpay-go sha256withrsa_signer_test.go: "source" → testExpectedSignature', () => {
      expect(signSha256Rsa(GO.privateKey, GO.message)).toBe(GO.signature);
    });

    it('reproduces wechatpay-java RSAVerifierTest.java: "message" with merchant_private_key.pem', () => {
      expect(signSha256Rsa(JAVA.merchantPrivateKey, JAVA.message)).toBe(JAVA.signature);
    });

    it('verifies the Go vector with its certificate and with its SPKI public key, and not a changed message', () => {
      const cert = new crypto.X509Certificate(GO.certificate);
      expect(verifySha256Rsa(cert.publicKey, GO.message, GO.signature)).toBe(true);
      expect(verifySha256Rsa(GO.publicKey, GO.message, GO.signature)).toBe(true);
      expect(verifySha256Rsa(GO.publicKey, 'wrong source', GO.signature)).toBe(false);
      expect(verifySha256Rsa(GO.publicKey, GO.message, 'invalid base64 signature')).toBe(false);
    });

    it('verifies the Java vector with merchant_certificate.pem but not with wechat_pay_public_key.pem', () => {
      expect(verifySha256Rsa(new crypto.X509Certificate(JAVA.merchantCertificate).publicKey, JAVA.message, JAVA.signature)).toBe(true);
      expect(verifySha256Rsa(JAVA.wechatPayPublicKey, JAVA.message, JAVA.signature)).toBe(false);
    });

    it('reads certificate serial numbers as WeChat writes them', () => {
      expect(certificateKey(GO.certificate).id).toBe(GO.certificateSerial);
      expect(certificateKey(GO.notification.certificate).id).toBe(GO.notification.certificateSerial);
      expect(certificateKey(JAVA.merchantCertificate).id).toBe(JAVA.merchantCertificateSerial);
    });
  });

  describe('request signature message and Authorization header', () => {
    it('builds the documentation example message byte for byte', () => {
      const { method, url, timestamp, nonce, body } = DOCS.request;
      expect(requestSignatureMessage({ method, canonicalUrl: url, timestamp, nonce, body })).toBe(DOCS.requestMessage);
    });

    it('builds wechatpay-java WechatPay2CredentialTest.java’s message for a GET with a query string', () => {
      const { url, method, nonce, timestamp, body } = JAVA.credentialRequest;
      const parsed = new URL(url);
      expect(requestSignatureMessage({ method, canonicalUrl: parsed.pathname + parsed.search, timestamp, nonce, body })).toBe(
        'GET\n/v3/pay/transactions/id/1217752501201407033233368018?mchid=1230000109\n1652750623\neBYqCOxa0QudMnPvVilkTzOg3gHh5Z3u\n\n',
      );
    });

    it('signs the documentation example exactly as the documented openssl command does', () => {
      // `echo -n -e "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"
      //   | openssl dgst -sha256 -sign merchant_private_key.pem | openssl base64 -A`
      // (the documentation's own command; its key is the Java SDK's published test key).
      const expected =
        'Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2vUdtZln2Wmz/zkA6+HpMD7BuThk5ikNOpI7+8yVt+wLdak6RZPOd3ZUMwfgmrN2Vl2aF7yjFov07paW3Dix7NAL+J402H92DUu8LCSbzoU2XnNNHGFCxR7Zkkp3V/QYau9vml2BTQi87rqaq5xpYGPfBbPtPUEcvoYjhIlrplVh89P8/ktk4H+PG22zBongaOlQYPVTx3k2vlik7PWc+wX225vk4C8ryZ8e/l4XwyRQf7kWEJCBKT1GBPNzbO18N2UMJDyGkyuYwhyWSJ9QomxYwZWUGExbo/68Ao6yLcKA==';
      const header = buildAuthorization({
        mchId: '1900009191',
        serialNo: JAVA.merchantCertificateSerial,
        privateKey: JAVA.merchantPrivateKey,
        method: DOCS.request.method,
        canonicalUrl: DOCS.request.url,
        body: DOCS.request.body,
        timestamp: DOCS.request.timestamp,
        nonce: DOCS.request.nonce,
      });
      expect(header).toBe(
        `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="${expected}",` +
          `timestamp="1554208460",serial_no="${JAVA.merchantCertificateSerial}"`,
      );
      expect(parseAuthorization(header)).toEqual({
        mchid: '1900009191',
        nonce_str: DOCS.request.nonce,
        signature: expected,
        timestamp: DOCS.request.timestamp,
        serial_no: JAVA.merchantCertificateSerial,
      });
    });
  });

  describe('paySign for wx.requestPayment', () => {
    it('builds the documentation example message byte for byte', () => {
      expect(paySignMessage(DOCS.paySign)).toBe(DOCS.paySignMessage);
    });

    it('gives the parameters wx.requestPayment takes, signed as the documented openssl command signs', () => {
      // The documentation's command (小程序调起支付, 计算签名值) with the Java SDK test key:
      // echo -n -e "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx2014…100\n" | openssl dgst -sha256 -sign … | openssl base64 -A
      const expected =
        'Uvgm57c+/kZHCS8g8wjy/Bu2kE4+UrHnpshEwMRp0Wl3t6bnnTtecnAKboVjgd5B8uzf3qW+mWgJM3lD4AzduLt9W3AIWniYMwUEoReisulc0JilQklPvjWNQC5YKq49auOxooRcFgu3sRMSe1oSq7fBV40AlPdLp399hrriLv6Omy38ifJfsEk1X7IAaOotNTaoT/+ZpraGPTNhkxot2FfU7fM0n3r0JMODKpfeerCKiirMDczqJUBQvZ9hYZYv14O0qcghyvrSVuoXnI/1qaqnXB9lsrudXLKP7uLAPcpkVRA8/2WV3C9KTn00qSP29Tc5e7TNjQWMGSj0/FEAug==';
      const params = buildRequestPaymentParams({
        appId: DOCS.paySign.appId,
        prepayId: 'wx201410272009395522657a690389285100',
        privateKey: JAVA.merchantPrivateKey,
        timeStamp: DOCS.paySign.timeStamp,
        nonceStr: DOCS.paySign.nonceStr,
      });
      expect(params).toEqual({
        timeStamp: '1414561699',
        nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
        package: 'prepay_id=wx201410272009395522657a690389285100',
        signType: 'RSA',
        paySign: expected,
      });
    });
  });

  describe('AEAD_AES_256_GCM', () => {
    const { apiV3Key, nonce, associatedData, message, ciphertext } = JAVA.aead;
    const key = Buffer.from(apiV3Key, 'utf8');

    it('reproduces wechatpay-java AeadAesCipherTest.java in both directions', () => {
      expect(aesGcmEncrypt(key, nonce, associatedData, message)).toBe(ciphertext);
      expect(aesGcmDecrypt(key, nonce, associatedData, ciphertext).toString('utf8')).toBe(message);
      expect(decryptResource({ algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce }, apiV3Key)).toBe(message);
    });

    it('decrypts wechatpay-java TestConfig’s downloaded platform certificate to Tenpay’s certificate 5DEA10EF…', () => {
      const pem = decryptResource(JAVA.encryptedCertificate, JAVA.aead.apiV3Key);
      expect(pem.startsWith('-----BEGIN CERTIFICATE-----')).toBe(true);
      const cert = new crypto.X509Certificate(pem);
      expect(cert.serialNumber).toBe(JAVA.encryptedCertificate.serial);
      expect(cert.subject).toContain('CN=Tenpay.com sign');
      expect(certificateKey(pem).id).toBe(JAVA.encryptedCertificate.serial);
    });

    it('decrypts wechatpay-go notify_test.go’s resource (a 16-byte key there: AES-128-GCM)', () => {
      const resource = JSON.parse(GO.notification.body).resource as { ciphertext: string; nonce: string; associated_data: string };
      const plaintext = aesGcmDecrypt(Buffer.from(GO.notification.apiKey), resource.nonce, resource.associated_data, resource.ciphertext);
      expect(plaintext.toString('utf8')).toBe(GO.notification.plaintext);
      // AEAD_AES_256_GCM proper insists on WeChat's 32-byte APIv3 key.
      expect(() => decryptResource({ algorithm: 'AEAD_AES_256_GCM', ...resource }, GO.notification.apiKey)).toThrow(/32 bytes/);
    });
  });

  describe('notification signature (wechatpay-go notify_test.go)', () => {
    const { headers, body, certificate, now } = GO.notification;

    it('verifies the published notification at the time the SDK test pins', () => {
      const verifier = createWechatPayVerifier({ certificates: [certificate], now: () => now * 1000 });
      expect(verifier.verifyHeaders(headers, body)).toEqual({ ok: true, keyId: 'D7CE59D1F522D701', kind: 'certificate' });
      expect(verifier.verifyHeaders(headers, Buffer.from(body, 'utf8'))).toMatchObject({ ok: true });
    });

    it('verifies it with the same key as a WeChat Pay public key (PUB_KEY_ID_ mode)', () => {
      const verifier = createWechatPayVerifier({ publicKeys: [{ id: 'PUB_KEY_ID_0114232134912410000000000000', pem: GO.publicKey }], now: () => now * 1000 });
      expect(verifier.verifyHeaders({ ...headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0114232134912410000000000000' }, body)).toEqual({
        ok: true,
        keyId: 'PUB_KEY_ID_0114232134912410000000000000',
        kind: 'public-key',
      });
    });

    it('refuses the same notification today (stale), re-serialised JSON, and a one-byte change', () => {
      expect(createWechatPayVerifier({ certificates: [certificate] }).verifyHeaders(headers, body)).toEqual({ ok: false, reason: 'stale-timestamp' });
      const verifier = createWechatPayVerifier({ certificates: [certificate], now: () => now * 1000 });
      expect(verifier.verifyHeaders(headers, JSON.stringify(JSON.parse(body), null, 1))).toEqual({ ok: false, reason: 'bad-signature' });
      expect(verifier.verifyHeaders(headers, body.replace('签约成功', '签约失败'))).toEqual({ ok: false, reason: 'bad-signature' });
    });
  });
});
