import crypto from 'node:crypto';
import { WechatApiError } from './wechat-login';

/**
 * WeChat face verification 2.0 (微信人脸核身): server `getVerifyId` → mini-program
 * `wx.requestFacialVerify({verifyId})` → server `queryVerifyInfo`. Endpoints and fields as
 * documented at developers.weixin.qq.com/miniprogram/dev/server/API/face/:
 *   POST /cityservice/face/identify/getverifyid?access_token=…
 *        {out_seq_no, cert_info: {cert_type: 'IDENTITY_CARD', cert_name, cert_no}, openid}
 *        → {errcode, errmsg, verify_id, expires_in}
 *   POST /cityservice/face/identify/queryverifyinfo?access_token=…
 *        {verify_id, out_seq_no, cert_hash, openid} → {errcode, errmsg, verify_ret}
 * verify_ret 10000 is a pass; anything else (user cancelled, no match, …) is not.
 * Only mainland resident ID cards can be verified. The access token comes from
 * `POST /cgi-bin/stable_token`, cached until shortly before it expires.
 */
export interface CertInfo {
  certName: string;
  /** 18-character resident ID number. */
  certNo: string;
}

export interface FaceVerificationClient {
  getVerifyId(input: { outSeqNo: string; openid: string; cert: CertInfo }): Promise<{ verifyId: string; expiresIn: number }>;
  queryVerifyInfo(input: { verifyId: string; outSeqNo: string; certHash: string; openid: string }): Promise<{ verifyRet: number }>;
}

export const VERIFY_RET_PASSED = 10000;
const CERT_TYPE = 'IDENTITY_CARD';

/**
 * cert_hash as WeChat defines it: standard base64 of each of cert_type, cert_name, cert_no,
 * joined as `cert_type=…&cert_name=…&cert_no=…`, SHA-256, lower-case hex.
 */
export function certHash(cert: CertInfo): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const joined = `cert_type=${b64(CERT_TYPE)}&cert_name=${b64(cert.certName)}&cert_no=${b64(cert.certNo)}`;
  return crypto.createHash('sha256').update(joined, 'utf8').digest('hex');
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

export function createFaceVerificationClient(options: {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}): FaceVerificationClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  let token: { value: string; expiresAt: number } | null = null;

  async function post<T extends WechatAnswer>(pathname: string, body: unknown, accessToken?: string): Promise<T> {
    const url = new URL(pathname, options.apiBase);
    if (accessToken) url.searchParams.set('access_token', accessToken);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
    const answer = (await response.json()) as T;
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    return answer;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const answer = await post<WechatAnswer & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.appSecret,
    });
    if (!answer.access_token) throw new WechatApiError(-1, 'no access_token');
    // Refresh five minutes early so a request never carries a token about to expire.
    token = { value: answer.access_token, expiresAt: Date.now() + Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  /** 40001/42001: the token was revoked or expired early — fetch a new one once. */
  async function withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await call(await accessToken());
    } catch (error) {
      if (error instanceof WechatApiError && (error.errcode === 40001 || error.errcode === 42001)) {
        token = null;
        return call(await accessToken());
      }
      throw error;
    }
  }

  return {
    async getVerifyId({ outSeqNo, openid, cert }) {
      const answer = await withToken((t) =>
        post<WechatAnswer & { verify_id?: string; expires_in?: number }>(
          '/cityservice/face/identify/getverifyid',
          { out_seq_no: outSeqNo, cert_info: { cert_type: CERT_TYPE, cert_name: cert.certName, cert_no: cert.certNo }, openid },
          t,
        ),
      );
      if (!answer.verify_id) throw new WechatApiError(-1, 'no verify_id');
      return { verifyId: answer.verify_id, expiresIn: answer.expires_in ?? 3600 };
    },
    async queryVerifyInfo({ verifyId, outSeqNo, certHash: hash, openid }) {
      const answer = await withToken((t) =>
        post<WechatAnswer & { verify_ret?: number }>(
          '/cityservice/face/identify/queryverifyinfo',
          { verify_id: verifyId, out_seq_no: outSeqNo, cert_hash: hash, openid },
          t,
        ),
      );
      if (typeof answer.verify_ret !== 'number') throw new WechatApiError(-1, 'no verify_ret');
      return { verifyRet: answer.verify_ret };
    },
  };
}
