import type { PensionConfig } from '../config';
import { freshTimestamp, signatureMatches, signedHeaders } from './authority-signature';

/**
 * Our client of the pension authority (人社部 → the local 人社部门), the same code against
 * the sandbox and the real service: signed requests, signed answers checked before anything
 * is believed, a timeout. The protocol is in docs/pension.md.
 */

export interface CertificationPush {
  idempotencyKey: string;
  person: { idNumber: string; name: string };
  agencyCode: string;
  socialSecurityNumber: string;
  accountName: string;
  verification: { method: 'face' | 'interview'; at: string };
  mission: { id: string; name: string };
  submittedAt: string;
}

/** What the authority says about one certification. */
export type AuthorityAnswer =
  | { kind: 'processing'; reference: string }
  | { kind: 'accepted'; reference: string; decidedAt: string | null }
  | { kind: 'rejected'; reference: string | null; reasonCode: string; reason: string }
  /** Asked about a certification it never received: push it (again). */
  | { kind: 'unknown' };

/** The authority could not be reached, did not answer in time, failed, or answered unsigned: try again later. */
export class AuthorityUnavailable extends Error {}

export interface PensionAuthorityClient {
  push(push: CertificationPush): Promise<AuthorityAnswer>;
  status(idempotencyKey: string): Promise<AuthorityAnswer>;
}

interface AuthorityBody {
  reference?: string;
  status?: string;
  code?: string;
  message?: string;
  reasonCode?: string;
  reason?: string;
  decidedAt?: string;
}

export function createPensionAuthorityClient(config: PensionConfig): PensionAuthorityClient {
  const base = new URL(config.authorityUrl);

  async function call(method: 'GET' | 'POST', path: string, body: unknown, idempotencyKey?: string): Promise<{ status: number; body: AuthorityBody }> {
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...signedHeaders(config.secret, (timestamp, nonce) => [method, url.pathname, timestamp, nonce, text]),
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    };
    const signal = AbortSignal.timeout(config.timeoutMs);
    let response: Response;
    let answer: string;
    try {
      response = await fetch(url, { method, headers, body: text || undefined, signal });
      answer = await response.text();
    } catch (error) {
      throw new AuthorityUnavailable(signal.aborted ? `no answer within ${config.timeoutMs} ms` : `unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500) throw new AuthorityUnavailable(`HTTP ${response.status}`);
    // Only a signed, fresh answer is believed; anything else is as good as no answer.
    const timestamp = response.headers.get('x-cc-timestamp') ?? undefined;
    const nonce = response.headers.get('x-cc-nonce') ?? '';
    const signature = response.headers.get('x-cc-signature') ?? undefined;
    if (!freshTimestamp(timestamp) || !signatureMatches(config.secret, [String(response.status), timestamp!, nonce, answer], signature)) {
      throw new AuthorityUnavailable(`unsigned or badly signed answer (HTTP ${response.status})`);
    }
    let parsed: AuthorityBody;
    try {
      parsed = answer ? (JSON.parse(answer) as AuthorityBody) : {};
    } catch {
      throw new AuthorityUnavailable(`answer is not JSON (HTTP ${response.status})`);
    }
    return { status: response.status, body: parsed };
  }

  function interpret(status: number, body: AuthorityBody): AuthorityAnswer {
    if (status === 200 || status === 202) {
      const reference = body.reference ?? '';
      if (body.status === 'accepted') return { kind: 'accepted', reference, decidedAt: body.decidedAt ?? null };
      if (body.status === 'rejected') return { kind: 'rejected', reference, reasonCode: body.reasonCode ?? 'REJECTED', reason: body.reason ?? '' };
      if (body.status === 'processing') return { kind: 'processing', reference };
    }
    // 4xx with a code: the authority's final word on this certification (e.g. PERSON_NOT_FOUND).
    if (status >= 400 && status < 500 && status !== 401 && status !== 429 && body.code) {
      return { kind: 'rejected', reference: null, reasonCode: body.code, reason: body.message ?? '' };
    }
    throw new AuthorityUnavailable(`unexpected answer HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`);
  }

  return {
    async push(push) {
      const { status, body } = await call('POST', '/v1/certifications', push, push.idempotencyKey);
      return interpret(status, body);
    },
    async status(idempotencyKey) {
      const { status, body } = await call('GET', `/v1/certifications/${encodeURIComponent(idempotencyKey)}`, undefined);
      if (status === 404 && body.code === 'CERTIFICATION_UNKNOWN') return { kind: 'unknown' };
      return interpret(status, body);
    },
  };
}
