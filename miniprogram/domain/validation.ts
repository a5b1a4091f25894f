import { messages } from './messages';

/** A validator's answer: ok, or the sentence to show the citizen next to the field. */
export type Check = { ok: true; value: string } | { ok: false; message: string };

export const pass = (value: string): Check => ({ ok: true, value });
export const fail = (message: string): Check => ({ ok: false, message });

/** Trims, turns full-width ASCII (common with Chinese IMEs) into half-width. */
export function normalizeInput(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export function requireText(raw: unknown): Check {
  const value = normalizeInput(raw);
  return value ? pass(value) : fail(messages.required);
}
