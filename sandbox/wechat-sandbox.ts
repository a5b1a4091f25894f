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
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40097: 'invalid args',
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

  // --- Access token and face verification 2.0 (人脸核身) ---

  const accessTokens = new Set<string>();
  /** verify_id → what getverifyid was given; the outcome is fixed at the first query. */
  const faceSessions = new Map<string, { outSeqNo: string; openid: string; certHash: string; verifyRet?: number }>();
  /** Outcomes (verify_ret) for the next face checks, queued by tests; default 10000 (pass). */
  const faceOutcomes: number[] = [];
  const seqNos = new Set<string>();

  app.post<{ Body: { grant_type?: string; appid?: string; secret?: string } | undefined }>('/cgi-bin/stable_token', async (request) => {
    const fault = takeFault('stable_token');
    if (fault !== undefined) return wxError(fault);
    if (request.body?.grant_type !== 'client_credential') return wxError(40002);
    if (request.body.appid !== options.appId) return wxError(40013);
    if (request.body.secret !== options.appSecret) return wxError(40125);
    const token = crypto.randomBytes(24).toString('base64url');
    accessTokens.add(token);
    return { access_token: token, expires_in: 7200 };
  });

  const tokenValid = (query: Record<string, string | undefined>) => !!query.access_token && accessTokens.has(query.access_token);

  app.post<{
    Querystring: Record<string, string | undefined>;
    Body: { out_seq_no?: string; openid?: string; cert_info?: { cert_type?: string; cert_name?: string; cert_no?: string } } | undefined;
  }>('/cityservice/face/identify/getverifyid', async (request) => {
    if (!tokenValid(request.query)) return wxError(40001);
    const fault = takeFault('getverifyid');
    if (fault !== undefined) return wxError(fault);
    const { out_seq_no: outSeqNo, openid, cert_info: cert } = request.body ?? {};
    if (!outSeqNo || !/^[\w-]{5,32}$/.test(outSeqNo) || seqNos.has(outSeqNo) || !openid) return wxError(40097);
    if (cert?.cert_type !== 'IDENTITY_CARD' || !cert.cert_name || !/^\d{17}[\dX]$/.test(cert.cert_no ?? '')) return wxError(40097);
    seqNos.add(outSeqNo);
    const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
    const certHash = crypto
      .createHash('sha256')
      .update(`cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no!)}`)
      .digest('hex');
    const verifyId = crypto.randomBytes(24).toString('base64url');
    faceSessions.set(verifyId, { outSeqNo, openid, certHash });
    return { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 };
  });

  app.post<{
    Querystring: Record<string, string | undefined>;
    Body: { verify_id?: string; out_seq_no?: string; cert_hash?: string; openid?: string } | undefined;
  }>('/cityservice/face/identify/queryverifyinfo', async (request) => {
    if (!tokenValid(request.query)) return wxError(40001);
    const fault = takeFault('queryverifyinfo');
    if (fault !== undefined) return wxError(fault);
    const body = request.body ?? {};
    const session = body.verify_id ? faceSessions.get(body.verify_id) : undefined;
    if (!session) return wxError(40097);
    // WeChat checks these against getverifyid's, so tampered identity data is caught.
    if (session.outSeqNo !== body.out_seq_no || session.openid !== body.openid || session.certHash !== body.cert_hash) return wxError(40097);
    session.verifyRet ??= faceOutcomes.shift() ?? 10000;
    return { errcode: 0, errmsg: 'ok', verify_ret: session.verifyRet };
  });

  // --- Subscription messages (订阅消息) ---

  /** Every subscription message accepted, oldest first (GET /sandbox/subscribe-messages). */
  const subscribeMessages: Array<{ touser: string; template_id: string; page?: string; data: Record<string, { value: string }>; miniprogram_state?: string; lang?: string; at: string }> = [];

  app.post<{
    Querystring: Record<string, string | undefined>;
    Body: { touser?: string; template_id?: string; page?: string; data?: Record<string, { value?: unknown }>; miniprogram_state?: string; lang?: string } | undefined;
  }>('/cgi-bin/message/subscribe/send', async (request, reply) => {
    if (!tokenValid(request.query)) return wxError(40001);
    const fault = takeFault('subscribe_send');
    // 503: WeChat unreachable (HTTP failure); anything else: that errcode.
    if (fault === 503) return reply.status(503).send('service unavailable');
    if (fault !== undefined) return wxError(fault);
    const body = request.body ?? {};
    if (!body.touser) return wxError(40003);
    if (!body.template_id) return wxError(40037);
    const data = body.data ?? {};
    const values: Record<string, { value: string }> = {};
    for (const [key, item] of Object.entries(data)) {
      if (typeof item?.value !== 'string' || item.value.length === 0) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      // thing ≤ 20, phrase ≤ 5, character_string ≤ 32 characters (WeChat's template rules).
      const limit = key.startsWith('thing') ? 20 : key.startsWith('phrase') ? 5 : key.startsWith('character_string') ? 32 : 64;
      if ([...item.value].length > limit) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value too long` };
      values[key] = { value: item.value };
    }
    subscribeMessages.push({ touser: body.touser, template_id: body.template_id, page: body.page, data: values, miniprogram_state: body.miniprogram_state, lang: body.lang, at: new Date().toISOString() });
    return { errcode: 0, errmsg: 'ok', msgid: subscribeMessages.length };
  });

  app.get<{ Querystring: { touser?: string } }>('/sandbox/subscribe-messages', async (request) => ({
    messages: subscribeMessages.filter((m) => !request.query.touser || m.touser === request.query.touser),
  }));

  // --- Sandbox controls (not part of WeChat) ---

  /** Decide the next face checks' outcomes: verify_ret values, e.g. [10000] pass, [10004] no match. */
  app.post<{ Body: { verifyRets: number[] } }>('/sandbox/face-outcomes', async (request) => {
    faceOutcomes.push(...request.body.verifyRets);
    return { queued: faceOutcomes.length };
  });

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
