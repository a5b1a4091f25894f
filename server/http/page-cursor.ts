import { z } from 'zod';
import { serverMessages } from '../messages';
import { validationFailed } from './api-error';

/**
 * Keyset page cursors: opaque to clients (base64url of a small JSON tuple), read back by one
 * codec so that whatever a client sends is either a tuple PostgreSQL accepts or a 400 — never
 * a value JavaScript's Date tolerates and PostgreSQL refuses ("1", "2026-02-30", year 275760).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** A real calendar instant in years 1–9999, in ISO or PostgreSQL's own text form (`…::text`). */
function isPostgresTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const cursorParts = {
  uuid: z.string().regex(UUID),
  timestamp: z.string().max(40).refine(isPostgresTimestamp),
  /** Milliseconds since 1970, up to the end of year 9999. */
  epochMs: z.number().int().min(0).max(253_402_300_799_999),
  flag: z.union([z.literal(0), z.literal(1)]),
};

/** The codec: base64url(JSON) on the wire, `shape` once decoded. */
export function pageCursor<T extends z.ZodType>(shape: T) {
  return z.codec(z.string().max(200), shape, {
    decode: (text, ctx) => {
      try {
        return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as z.input<T>;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'cursor', input: text });
        return z.NEVER;
      }
    },
    encode: (value) => Buffer.from(JSON.stringify(value)).toString('base64url'),
  });
}

/** Decodes a client's cursor with `codec`, or answers 400 (field `cursor`). */
export function readCursor<T extends z.ZodType>(codec: ReturnType<typeof pageCursor<T>>, text: string): z.output<T> {
  const result = codec.safeDecode(text);
  if (!result.success) throw validationFailed({ cursor: serverMessages.badRequest });
  return result.data;
}
