import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The local pension-authority sandbox (人社部 → local 人社部门), the second allowed fake:
 * routes under `/pension-authority` on the WeChat sandbox's server that speak the
 * authority's API as docs/pension.md describes it — signed requests checked, answers
 * signed, certifications de-duplicated by idempotency key — plus `/sandbox/pension/*`
 * controls so tests and developers make it accept, reject with a reason, not know the
 * person, be down, time out, or answer late. Its own small HMAC code (not the server's),
 * so a mismatch between the two sides shows.
 */
export type PensionSandboxMode = 'accept' | 'reject' | 'not_found' | 'down' | 'timeout' | 'late';

export interface PensionSandboxOptions {
  secret: string;
  prefix?: string;
  /** How long a 'timeout' push is held before it is answered (longer than the server waits). */
  holdMs?: number;
}

interface Behaviour {
  mode: PensionSandboxMode;
  reason?: string;
  /** 'late': how many status questions are answered "processing" before the result. */
  pendingPolls?: number;
}

export interface SandboxCertification {
  idempotencyKey: string;
  reference: string;
  idNumber: string;
  agencyCode: string;
  verification: string;
  status: 'processing' | 'accepted' | 'rejected';
  reason: string | null;
  /** How many pushes carried this key (retries after a timeout or an outage). */
  pushes: number;
  polls: number;
  outcome: 'accepted' | 'rejected';
}

export interface PensionSandbox {
  certifications: Map<string, SandboxCertification>;
  setMode(behaviour: Behaviour & { idNumber?: string }): void;
  reset(): void;
}

const REJECT_REASON = '经办机构核验：领取人资格信息与登记不符';

const hmac = (secret: string, lines: string[]) => crypto.createHmac('sha256', secret).update(lines.map((l) => `${l}\n`).join('')).digest('base64');

export function registerPensionAuthoritySandbox(app: FastifyInstance, options: PensionSandboxOptions): PensionSandbox {
  const prefix = options.prefix ?? '/pension-authority';
  const certifications = new Map<string, SandboxCertification>();
  const seenNonces = new Set<string>();
  let fallback: Behaviour = { mode: 'accept' };
  const perPerson = new Map<string, Behaviour>();
  const behaviourFor = (idNumber: string) => perPerson.get(idNumber) ?? fallback;

  const answer = (reply: FastifyReply, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = crypto.randomBytes(16).toString('hex');
    return reply
      .status(status)
      .header('content-type', 'application/json')
      .header('x-cc-timestamp', timestamp)
      .header('x-cc-nonce', nonce)
      .header('x-cc-signature', hmac(options.secret, [String(status), timestamp, nonce, text]))
      .send(text);
  };

  /** Our side's signature over the raw request; a replayed nonce or a stale timestamp is refused. */
  const verified = (request: FastifyRequest, rawBody: string): boolean => {
    const timestamp = String(request.headers['x-cc-timestamp'] ?? '');
    const nonce = String(request.headers['x-cc-nonce'] ?? '');
    const signature = String(request.headers['x-cc-signature'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300 || !nonce || seenNonces.has(nonce)) return false;
    const path = request.url.split('?')[0];
    const expected = Buffer.from(hmac(options.secret, [request.method, path, timestamp, nonce, rawBody]));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return false;
    seenNonces.add(nonce);
    return true;
  };

  const view = (c: SandboxCertification) => ({ reference: c.reference, status: c.status, ...(c.reason ? { reasonCode: 'REJECTED', reason: c.reason } : {}) });

  app.register(async (scope) => {
    // The raw body is what was signed.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    scope.post(`${prefix}/v1/certifications`, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      if (!verified(request, raw)) return answer(reply, 401, { code: 'SIGNATURE_INVALID', message: 'signature, timestamp or nonce refused' });
      let body: { idempotencyKey?: string; person?: { idNumber?: string }; agencyCode?: string; verification?: { method?: string } };
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(reply, 422, { code: 'INVALID', message: 'body is not JSON' });
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      if (!key || key !== body.idempotencyKey || !body.person?.idNumber || !body.agencyCode) {
        return answer(reply, 422, { code: 'INVALID', message: 'idempotency key, person and agency are required' });
      }
      const behaviour = behaviourFor(body.person.idNumber);
      if (behaviour.mode === 'down') return answer(reply, 503, { code: 'UNAVAILABLE', message: 'service unavailable' });
      if (behaviour.mode === 'not_found') return answer(reply, 404, { code: 'PERSON_NOT_FOUND', message: '未查询到该人员的基本养老金领取记录' });

      let record = certifications.get(key);
      if (record) {
        record.pushes += 1;
      } else {
        record = {
          idempotencyKey: key,
          reference: `RS${Date.now().toString(36).toUpperCase()}${crypto.randomBytes(3).toString('hex').toUpperCase()}`,
          idNumber: body.person.idNumber,
          agencyCode: body.agencyCode,
          verification: body.verification?.method ?? '',
          status: 'processing',
          reason: null,
          pushes: 1,
          polls: 0,
          outcome: behaviour.mode === 'reject' ? 'rejected' : 'accepted',
        };
        if (record.outcome === 'rejected') record.reason = behaviour.reason ?? REJECT_REASON;
        certifications.set(key, record);
      }
      if (behaviour.mode === 'timeout') {
        // Recorded, but the answer comes after the caller stopped waiting.
        await new Promise((resolve) => setTimeout(resolve, options.holdMs ?? 3_000));
      }
      return answer(reply, record.pushes === 1 ? 202 : 200, { reference: record.reference, status: 'processing' });
    });

    scope.get<{ Params: { key: string } }>(`${prefix}/v1/certifications/:key`, async (request, reply) => {
      if (!verified(request, '')) return answer(reply, 401, { code: 'SIGNATURE_INVALID', message: 'signature, timestamp or nonce refused' });
      const record = certifications.get(request.params.key);
      if (!record) return answer(reply, 404, { code: 'CERTIFICATION_UNKNOWN', message: 'no such certification' });
      if (behaviourFor(record.idNumber).mode === 'down') return answer(reply, 503, { code: 'UNAVAILABLE', message: 'service unavailable' });
      record.polls += 1;
      // 'late' (as it is now): the first questions are answered "still processing".
      const behaviour = behaviourFor(record.idNumber);
      const pending = behaviour.mode === 'late' ? (behaviour.pendingPolls ?? 2) : 0;
      if (record.status === 'processing' && record.polls > pending) record.status = record.outcome;
      return answer(reply, 200, { ...view(record), ...(record.status !== 'processing' ? { decidedAt: new Date().toISOString() } : {}) });
    });
  });

  // Controls (tests, developers): how the authority behaves, for everyone or one ID number.
  app.post<{ Body: Behaviour & { idNumber?: string } }>('/sandbox/pension/mode', async (request) => {
    sandbox.setMode(request.body);
    return { ok: true };
  });
  app.get('/sandbox/pension/certifications', async () => ({ certifications: [...certifications.values()] }));

  const sandbox: PensionSandbox = {
    certifications,
    setMode({ idNumber, ...behaviour }) {
      if (idNumber) perPerson.set(idNumber, behaviour);
      else fallback = behaviour;
    },
    reset() {
      certifications.clear();
      perPerson.clear();
      fallback = { mode: 'accept' };
    },
  };
  return sandbox;
}
