import crypto from 'node:crypto';
import { createWechatServerApi, type WechatAnswer, type WechatServerOptions } from './access-token';
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

export function createFaceVerificationClient(options: WechatServerOptions): FaceVerificationClient {
  const { post, withToken } = createWechatServerApi(options);

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
