import crypto from 'node:crypto';
import Fastify, { FastifyInstance } from 'fastify';

/**
 * The local WeChat sandbox: the one allowed fake. It speaks WeChat's own endpoints on
 * loopback so our real clients run against it unchanged, and adds /sandbox/* endpoints
 * for tests and developers to drive it (mint login codes, inject WeChat's failures).
 */
export interface SandboxOptions {
  appId: string;
  appSecret: string;
  /**
   * WeChat DevTools' real wx.login returns codes the sandbox never issued. When true,
   * an unknown code logs in as `defaultOpenid` (still once per code), so the mini-program
   * works locally; tests turn it off to see 40029.
   */
  acceptUnknownCodes: boolean;
  defaultOpenid?: string;
  /** How long an issued code stays valid (WeChat: about 5 minutes). */
  codeTtlMs?: number;
}

interface IssuedCode {
  openid: string;
  expiresAt: number;
}

/** errcode → errmsg, as WeChat words them. */
const ERRORS: Record<number, string> = {
  [-1]: 'system error',
  40013: 'invalid appid',
  40125: 'invalid appsecret',
  40029: 'invalid code',
  40163: 'code been used',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  40226: 'invalid user, high risk user',
};

export function createWechatSandbox(options: SandboxOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  const codes = new Map<string, IssuedCode>();
  const usedCodes = new Set<string>();
  const sessionKeys = new Map<string, string>();
  /** Failures to answer with, per API, queued by tests. */
  const faults = new Map<string, number[]>();
  const codeTtlMs = options.codeTtlMs ?? 5 * 60 * 1000;
  const defaultOpenid = options.defaultOpenid ?? 'o_sandbox_developer';

  const wxError = (errcode: number) => ({ errcode, errmsg: ERRORS[errcode] ?? 'error' });
  const takeFault = (api: string) => faults.get(api)?.shift();

  app.get<{ Querystring: Record<string, string | undefined> }>('/sns/jscode2session', async (request) => {
    const { appid, secret, js_code: code, grant_type: grantType } = request.query;
    const fault = takeFault('jscode2session');
    if (fault !== undefined) return wxError(fault);
    if (appid !== options.appId) return wxError(40013);
    if (secret !== options.appSecret) return wxError(40125);
    if (grantType !== 'authorization_code' || !code) return wxError(40029);
    if (usedCodes.has(code)) return wxError(40163);
    let issued = codes.get(code);
    if (!issued && options.acceptUnknownCodes && /^[\w-]{8,128}$/.test(code)) {
      issued = { openid: defaultOpenid, expiresAt: Date.now() + codeTtlMs };
    }
    if (!issued || issued.expiresAt < Date.now()) return wxError(40029);
    codes.delete(code);
    usedCodes.add(code);
    // WeChat rotates session_key on each login.
    const sessionKey = crypto.randomBytes(16).toString('base64');
    sessionKeys.set(issued.openid, sessionKey);
    return { openid: issued.openid, session_key: sessionKey };
  });

  // --- Sandbox controls (not part of WeChat) ---

  app.post<{ Body: { openid?: string; ttlMs?: number } | undefined }>('/sandbox/login-codes', async (request) => {
    const openid = request.body?.openid ?? defaultOpenid;
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { openid, expiresAt: Date.now() + (request.body?.ttlMs ?? codeTtlMs) });
    return { code };
  });

  app.post<{ Body: { api: string; errcodes: number[] } }>('/sandbox/faults', async (request) => {
    const { api, errcodes } = request.body;
    faults.set(api, [...(faults.get(api) ?? []), ...errcodes]);
    return { queued: faults.get(api)?.length ?? 0 };
  });

  app.get('/sandbox/healthz', async () => ({ status: 'ok' }));
  return app;
}
