import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { registerPaySandbox } from '../../../sandbox/wechat-pay-sandbox';
import {
  createWechatPayClientFromConfig,
  DEV_KEYS_FILE,
  devSandboxOptions,
  generateDevWechatPayKeys,
  loadWechatPayConfig,
  resolveDevWechatPayKeys,
} from '../../../server/wechat/pay/pay-config';
import { apiV3Key, rsaKeyPair } from './helpers';
import { GO } from './published-vectors';

describe('WeChat Pay configuration', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-pay-config-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const base = () => ({
    publicUrl: 'https://consular.example.cn/',
    appId: 'wx_app',
    dataDir,
    isProduction: false,
    sandboxApiBase: 'http://127.0.0.1:3100',
  });

  it('generates development keys into the data directory once, private to the owner', () => {
    const first = resolveDevWechatPayKeys(dataDir);
    const file = path.join(dataDir, DEV_KEYS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveDevWechatPayKeys(dataDir)).toEqual(first);
    expect(first.apiV3Key).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(first.publicKeyId).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(first.serialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(first.merchantPrivateKeyPem).not.toBe(first.platformPrivateKeyPem);
    expect(fs.readdirSync(dataDir)).toEqual([DEV_KEYS_FILE]);
  });

  it('runs the sandbox mode without WECHAT_PAY_MCHID, and our client works against a sandbox built from the same keys', async () => {
    const config = loadWechatPayConfig({}, base());
    expect(config).toMatchObject({
      mode: 'sandbox',
      apiBase: 'http://127.0.0.1:3100',
      appId: 'wx_app',
      notifyUrl: 'https://consular.example.cn/api/pay/wechat/notify',
      refundNotifyUrl: 'https://consular.example.cn/api/pay/wechat/refund-notify',
      maxSkewSeconds: 300,
    });
    const sandbox = Fastify({ logger: false });
    registerPaySandbox(sandbox, devSandboxOptions(resolveDevWechatPayKeys(dataDir), 'wx_app'));
    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    try {
      const apiBase = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
      const client = createWechatPayClientFromConfig({ ...config, apiBase });
      const { prepayId } = await client.jsapiPrepay({ description: '签证', outTradeNo: 'DEV0000001', amountFen: 100, payerOpenid: 'o_dev' });
      expect(prepayId).toMatch(/^wx/);
      expect(await client.queryByOutTradeNo('DEV0000001')).toMatchObject({ trade_state: 'NOTPAY', mchid: config.mchId });
    } finally {
      await sandbox.close();
    }
  });

  it('takes development keys from the caller instead (tests, with no data directory)', () => {
    const devKeys = generateDevWechatPayKeys();
    const config = loadWechatPayConfig({}, { ...base(), dataDir: '/nonexistent-test-data-dir', devKeys });
    expect(config).toMatchObject({ mode: 'sandbox', mchId: devKeys.mchId, serialNo: devKeys.serialNo, publicKey: { id: devKeys.publicKeyId } });
  });

  it('requires live settings in production', () => {
    expect(() => loadWechatPayConfig({}, { ...base(), isProduction: true })).toThrow(/WECHAT_PAY_MCHID/);
  });

  it('reads live settings from the environment: PEMs inline (with \\n) or as paths', () => {
    const merchant = rsaKeyPair();
    const platform = rsaKeyPair();
    const keyFile = path.join(dataDir, 'apiclient_key.pem');
    fs.writeFileSync(keyFile, merchant.privateKeyPem);
    const certFile = path.join(dataDir, 'wechatpay_cert.pem');
    fs.writeFileSync(certFile, GO.certificate);
    const key = apiV3Key();
    const config = loadWechatPayConfig(
      {
        WECHAT_PAY_MCHID: '1900000109',
        WECHAT_PAY_SERIAL_NO: 'abc123',
        WECHAT_PAY_PRIVATE_KEY: keyFile,
        WECHAT_PAY_APIV3_KEY: key,
        WECHAT_PAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_011900000109',
        WECHAT_PAY_PUBLIC_KEY: platform.publicKeyPem.replace(/\n/g, '\\n'),
        WECHAT_PAY_PLATFORM_CERTS: certFile,
        WECHAT_PAY_MAX_SKEW_SECONDS: '120',
      },
      { ...base(), isProduction: true },
    );
    expect(config).toMatchObject({
      mode: 'live',
      apiBase: 'https://api.mch.weixin.qq.com',
      mchId: '1900000109',
      serialNo: 'ABC123',
      apiV3Key: key,
      publicKey: { id: 'PUB_KEY_ID_011900000109', pem: platform.publicKeyPem },
      maxSkewSeconds: 120,
    });
    expect(config.privateKeyPem).toBe(merchant.privateKeyPem);
    expect(config.platformCertificates).toEqual([GO.certificate]);
    expect(fs.existsSync(path.join(dataDir, DEV_KEYS_FILE))).toBe(false);
  });

  it('says what is missing or wrong', () => {
    expect(() => loadWechatPayConfig({ WECHAT_PAY_MCHID: '1900000109' }, base())).toThrow(
      /WECHAT_PAY_SERIAL_NO, WECHAT_PAY_PRIVATE_KEY, WECHAT_PAY_APIV3_KEY, WECHAT_PAY_PUBLIC_KEY or WECHAT_PAY_PLATFORM_CERTS/,
    );
    const merchant = rsaKeyPair();
    const env = {
      WECHAT_PAY_MCHID: '1900000109',
      WECHAT_PAY_SERIAL_NO: 'ABC',
      WECHAT_PAY_PRIVATE_KEY: merchant.privateKeyPem,
      WECHAT_PAY_APIV3_KEY: 'too-short',
      WECHAT_PAY_PLATFORM_CERTS: GO.certificate,
    };
    expect(() => loadWechatPayConfig(env, base())).toThrow(/32 bytes/);
    expect(() => loadWechatPayConfig({ ...env, WECHAT_PAY_APIV3_KEY: apiV3Key(), WECHAT_PAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_1' }, base())).toThrow(/together/);
    expect(() => loadWechatPayConfig({ ...env, WECHAT_PAY_APIV3_KEY: apiV3Key() }, { ...base(), publicUrl: 'http://x', isProduction: true })).toThrow(/https/);
  });
});
