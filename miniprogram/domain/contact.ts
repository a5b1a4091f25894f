import { messages } from './messages';
import { Check, fail, normalizeInput, pass } from './validation';

/**
 * Phone numbers: a mainland mobile (11 digits starting with 1[3-9]) or any number in
 * E.164 (+ country code, up to 15 digits). Foreign numbers are accepted on purpose —
 * citizens abroad often have only a local SIM. Returns E.164.
 */
export function checkPhone(raw: unknown): Check {
  const compact = normalizeInput(raw).replace(/[\s()-]/g, '');
  if (/^1[3-9]\d{9}$/.test(compact)) return pass(`+86${compact}`);
  const intl = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (/^\+86\d+$/.test(intl)) {
    return /^\+861[3-9]\d{9}$/.test(intl) ? pass(intl) : fail(messages.phoneInvalid);
  }
  if (/^\+[1-9]\d{6,14}$/.test(intl)) return pass(intl);
  return fail(messages.phoneInvalid);
}

export function checkEmail(raw: unknown): Check {
  const value = normalizeInput(raw).toLowerCase();
  if (value.length > 254) return fail(messages.emailInvalid);
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) ? pass(value) : fail(messages.emailInvalid);
}
