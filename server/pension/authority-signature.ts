import crypto from 'node:crypto';

/**
 * How we and the pension authority sign each other's messages: HMAC-SHA256 with the shared
 * key (PENSION_AUTHORITY_SECRET), base64, over
 *   requests:  METHOD \n PATH \n TIMESTAMP \n NONCE \n BODY \n
 *   answers:   STATUS \n TIMESTAMP \n NONCE \n BODY \n
 * carried in X-Cc-Timestamp (Unix seconds), X-Cc-Nonce and X-Cc-Signature. The timestamp
 * must be within MAX_SKEW_SECONDS of the receiver's clock.
 */
export const MAX_SKEW_SECONDS = 300;

export function sign(secret: string, lines: readonly string[]): string {
  return crypto.createHmac('sha256', secret).update(lines.map((line) => `${line}\n`).join('')).digest('base64');
}

export function signatureMatches(secret: string, lines: readonly string[], signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(secret, lines));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function freshTimestamp(timestamp: string | undefined, now: Date = new Date()): boolean {
  const seconds = Number(timestamp);
  return Number.isInteger(seconds) && Math.abs(now.getTime() / 1000 - seconds) <= MAX_SKEW_SECONDS;
}

export function signedHeaders(secret: string, lines: (timestamp: string, nonce: string) => string[]): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = crypto.randomBytes(16).toString('hex');
  return { 'x-cc-timestamp': timestamp, 'x-cc-nonce': nonce, 'x-cc-signature': sign(secret, lines(timestamp, nonce)) };
}
