import { startTestServer, type TestServer } from '../../helpers/test-server';
import { loadConfig } from '../../../server/config';
import { generatePiiKey } from '../../../server/security/pii-cipher';
import { generateDevWechatPayKeys } from '../../../server/wechat/pay/pay-config';

/**
 * What must never reach production: a server without its own PII key (it would generate one
 * into the data directory and lose every identity number with the disk), and the sandbox's
 * "confirm this payment" shortcut, which would let a citizen mark an order paid for free.
 */
describe('production guards', () => {
  const live = (keys: TestServer['payKeys']) => ({
    WECHAT_PAY_MCHID: keys.mchId,
    WECHAT_PAY_SERIAL_NO: keys.serialNo,
    WECHAT_PAY_PRIVATE_KEY: keys.merchantPrivateKeyPem,
    WECHAT_PAY_APIV3_KEY: keys.apiV3Key,
    WECHAT_PAY_PUBLIC_KEY_ID: keys.publicKeyId,
    WECHAT_PAY_PUBLIC_KEY: keys.platformPublicKeyPem,
  });

  it('refuses to start in production without PII_KEY, and starts with it', () => {
    const production = {
      NODE_ENV: 'production',
      DATA_DIR: '/nonexistent-guard-test',
      PUBLIC_URL: 'https://consular.example.cn',
      PENSION_AUTHORITY_SECRET: 'a-key-agreed-with-the-authority',
      ...live(generateDevWechatPayKeys()),
    };
    expect(() => loadConfig(production)).toThrow(/PII_KEY/);
    expect(loadConfig({ ...production, PII_KEY: generatePiiKey() })).toMatchObject({ isProduction: true, wechatPay: { mode: 'live' } });
  });

  it("refuses to start in production with the pension-authority sandbox's signing key", () => {
    const production = { NODE_ENV: 'production', DATA_DIR: '/nonexistent-guard-test', PUBLIC_URL: 'https://consular.example.cn', PII_KEY: generatePiiKey(), ...live(generateDevWechatPayKeys()) };
    expect(() => loadConfig(production)).toThrow(/PENSION_AUTHORITY_SECRET/);
  });

  it('refuses to start in production without a real WeChat Pay merchant', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PII_KEY: generatePiiKey(), DATA_DIR: '/nonexistent-guard-test' })).toThrow(/WECHAT_PAY_MCHID/);
  });

  describe('the sandbox payment confirm route', () => {
    let sandboxServer: TestServer;
    let liveServer: TestServer;
    beforeAll(async () => {
      sandboxServer = await startTestServer();
      // The same sandbox keys, but configured as a real merchant: WeChat Pay is "live".
      liveServer = await startTestServer({ env: live(sandboxServer.payKeys) });
    });
    afterAll(async () => {
      await Promise.all([sandboxServer?.close(), liveServer?.close()]);
    });

    const confirm = async (server: TestServer) => {
      const token = await server.loginCitizen('o_guard_citizen');
      return fetch(`${server.baseUrl}/api/dev/pay/00000000-0000-4000-8000-000000000000/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
    };

    it('exists against the sandbox in development (an unknown order is 404 with a code)', async () => {
      expect(sandboxServer.config.wechatPay.mode).toBe('sandbox');
      const response = await confirm(sandboxServer);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code?: string }).code).not.toBe('FST_ERR_NOT_FOUND');
      const spec = (await (await fetch(`${sandboxServer.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths)).toContain('/api/dev/pay/{id}/confirm');
    });

    it('does not exist at all for a real merchant', async () => {
      expect(liveServer.config.wechatPay.mode).toBe('live');
      const spec = (await (await fetch(`${liveServer.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths).filter((route) => route.startsWith('/api/dev/'))).toEqual([]);
      expect(liveServer.app.hasRoute({ method: 'POST', url: '/api/dev/pay/:id/confirm' })).toBe(false);
    });
  });
});
