import { apostilleMessages as m } from './apostille-messages';
import { type AuthorityKind, checkAuthorityId, checkPrintedNumber, collectChecks, parseCalendarDate } from './legalization';
import { Check, fail, normalizeInput, pass } from './validation';

/**
 * 附加证明书 (apostille): China applies the Hague Apostille Convention from 2023-11-07, so a
 * Chinese public document used in another Convention country carries an apostille from the
 * Ministry (or a provincial foreign affairs office it authorised) instead of a consular
 * legalization. Shared by the verification page, the console import and the server.
 */

/** The day the Convention entered into force for China; no apostille is older. */
export const CONVENTION_IN_FORCE_FOR_CHINA = '2023-11-07';

/** Who issues apostilles: the Ministry and the provincial offices — never a mission abroad. */
export const APOSTILLE_AUTHORITY_KINDS: readonly AuthorityKind[] = ['ministry', 'foreign_affairs_office'];

export function issuesApostilles(kind: AuthorityKind): boolean {
  return APOSTILLE_AUTHORITY_KINDS.includes(kind);
}

const APOSTILLE_NO = /^[0-9A-Z]{6,32}$/;

export const checkApostilleNo = (raw: unknown): Check =>
  checkPrintedNumber(raw, APOSTILLE_NO, { required: m.apostilleNoRequired, format: m.apostilleNoFormat });

/** The issue date: a real day, not before the Convention applied to China. */
export function checkApostilleDate(raw: unknown): Check {
  const text = normalizeInput(raw);
  if (!text) return fail(m.issuedOnRequired);
  const date = parseCalendarDate(text);
  if (!date) return fail(m.issuedOnFormat);
  return date < CONVENTION_IN_FORCE_FOR_CHINA ? fail(m.issuedOnBeforeConvention) : pass(date);
}


export interface ApostilleVerifyInput {
  apostilleNo: string;
  issuedOn: string;
  authorityId: string;
}

export type ApostilleField = keyof ApostilleVerifyInput;

export type ApostilleInputCheck =
  | { ok: true; value: ApostilleVerifyInput }
  | { ok: false; errors: Partial<Record<ApostilleField, string>> };

/** The apostille form, checked the same way on the page and on the server. */
export function validateApostilleInput(input: { apostilleNo?: unknown; issuedOn?: unknown; authorityId?: unknown }): ApostilleInputCheck {
  return collectChecks<ApostilleField>({
    apostilleNo: checkApostilleNo(input.apostilleNo),
    issuedOn: checkApostilleDate(input.issuedOn),
    authorityId: checkAuthorityId(input.authorityId, { required: m.authorityRequired, unknown: m.authorityNotApostille }),
  });
}

// ── The QR code printed on the certificate ──────────────────────────────────
//
//   https://cs.mfa.gov.cn/apostille/v1?no=<NUMBER>&d=<YYYYMMDD>&a=<AUTHORITY>&c=<CHECK>
//
// NUMBER is the normalized certificate number, YYYYMMDD the issue date, AUTHORITY the issuing
// authority's id ('mfa', 'fao-<province>'), CHECK one ISO 7064 MOD 37,36 character over
// NUMBER + YYYYMMDD + AUTHORITY (upper case, hyphens dropped). The check character catches a
// damaged or hand-edited code on the phone; whether the certificate is genuine is only ever
// answered by the registry, so a forged code with a right check character finds nothing.

export const APOSTILLE_QR_BASE = 'https://cs.mfa.gov.cn/apostille/v1';
const QR_PARAMS = ['no', 'd', 'a', 'c'] as const;
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 (hybrid system): the character that makes the string check. */
export function mod3736CheckChar(text: string): string {
  let product = 36;
  for (const ch of text) {
    const value = ALPHANUMERIC.indexOf(ch);
    if (value < 0) throw new RangeError(`not alphanumeric: ${ch}`);
    let sum = (product + value) % 36;
    if (sum === 0) sum = 36;
    product = (sum * 2) % 37;
  }
  return ALPHANUMERIC[(37 - product) % 36];
}

const checkedText = (input: ApostilleVerifyInput) => `${input.apostilleNo}${input.issuedOn.replace(/-/g, '')}${input.authorityId.replace(/-/g, '').toUpperCase()}`;

/** What the issuing authority prints as the QR code (also used by tests and the docs). */
export function apostilleQrPayload(input: ApostilleVerifyInput): string {
  const params = `no=${input.apostilleNo}&d=${input.issuedOn.replace(/-/g, '')}&a=${input.authorityId}&c=${mod3736CheckChar(checkedText(input))}`;
  return `${APOSTILLE_QR_BASE}?${params}`;
}

export type ApostilleQrCheck = { ok: true; value: ApostilleVerifyInput } | { ok: false; message: string };

/**
 * A scanned code: exactly the format above or nothing. Another address, another parameter,
 * a parameter twice, a field that fails the form's own rules or a wrong check character are
 * all refused, so the page never sends the server something a certificate cannot carry.
 */
export function parseApostilleQr(raw: unknown): ApostilleQrCheck {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const prefix = `${APOSTILLE_QR_BASE}?`;
  if (!text.startsWith(prefix) || text.length > 300) return { ok: false, message: m.qrNotApostille };
  const pairs = text.slice(prefix.length).split('&').map((pair) => pair.split('='));
  const params = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.length !== 2 || !(QR_PARAMS as readonly string[]).includes(pair[0]) || params.has(pair[0])) return { ok: false, message: m.qrNotApostille };
    params.set(pair[0], pair[1]);
  }
  if (params.size !== QR_PARAMS.length) return { ok: false, message: m.qrNotApostille };
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(params.get('d')!);
  const fields = validateApostilleInput({
    apostilleNo: params.get('no'),
    issuedOn: digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : '',
    authorityId: params.get('a'),
  });
  // The printed number is already normalized: a code that needs normalizing was not printed by the registry.
  if (!fields.ok || fields.value.apostilleNo !== params.get('no')) return { ok: false, message: m.qrDamaged };
  if (mod3736CheckChar(checkedText(fields.value)) !== params.get('c')) return { ok: false, message: m.qrDamaged };
  return { ok: true, value: fields.value };
}
