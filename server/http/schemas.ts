import { z } from 'zod';

/** NUL (PostgreSQL refuses it in text) or a UTF-16 surrogate without its pair (not encodable as UTF-8). */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The one rule for text from outside: every route applies it (server/http/input-guard.ts). */
export const isSafeText = (value: string): boolean => !UNSAFE_TEXT.test(value);

/** Response schemas shared by several modules; each is checked against the domain's API types. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const missionSchema = z.object({
  id: z.string(),
  kind: z.enum(['embassy', 'consulate_general']),
  nameZh: z.string(),
  nameEn: z.string(),
  countryCode: z.string(),
  countryZh: z.string(),
  cityZh: z.string(),
  cityEn: z.string(),
  addressZh: z.string(),
  addressEn: z.string(),
  phone: z.string(),
  hoursZh: z.string(),
  timezone: z.string(),
  districtZh: z.array(z.string()),
});

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
  502: errorBodySchema,
} as const;
