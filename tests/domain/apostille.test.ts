/** The apostille rules the page and the server share: the form's fields and the QR code format. */
import {
  APOSTILLE_QR_BASE,
  apostilleQrPayload,
  mod3736CheckChar,
  parseApostilleQr,
  validateApostilleInput,
} from '../../miniprogram/domain/apostille';
import { apostilleMessages as m } from '../../miniprogram/domain/apostille-messages';

const input = { apostilleNo: 'AP2024000123', issuedOn: '2024-03-05', authorityId: 'fao-guangdong' };

describe('apostille form', () => {
  it('normalizes the number and date and accepts a good form', () => {
    expect(validateApostilleInput({ apostilleNo: ' ap-2024-000123 ', issuedOn: '2024/3/5', authorityId: 'fao-guangdong' })).toEqual({ ok: true, value: input });
  });

  it('names each bad field with the sentence the page shows', () => {
    expect(validateApostilleInput({ apostilleNo: 'A1', issuedOn: '2024-02-30', authorityId: '' })).toEqual({
      ok: false,
      errors: { apostilleNo: m.apostilleNoFormat, issuedOn: m.issuedOnFormat, authorityId: m.authorityRequired },
    });
    // Before 2023-11-07 China issued no apostilles: the document has a consular legalization instead.
    expect(validateApostilleInput({ ...input, issuedOn: '2023-11-06' })).toEqual({ ok: false, errors: { issuedOn: m.issuedOnBeforeConvention } });
    expect(validateApostilleInput({ ...input, issuedOn: '2023-11-07' }).ok).toBe(true);
  });
});

describe('apostille QR code', () => {
  it('computes ISO 7064 MOD 37,36 check characters (the standard’s example)', () => {
    // ISO 7064 Annex: "A12425GABC1234002" → check character "M".
    expect(mod3736CheckChar('A12425GABC1234002')).toBe('M');
  });

  it('reads back what the authority prints', () => {
    const payload = apostilleQrPayload(input);
    expect(payload).toMatch(new RegExp(`^${APOSTILLE_QR_BASE.replace(/[.?]/g, '\\$&')}\\?no=AP2024000123&d=20240305&a=fao-guangdong&c=[0-9A-Z]$`));
    expect(parseApostilleQr(payload)).toEqual({ ok: true, value: input });
  });

  it('refuses anything else: other codes, other addresses, extra or repeated parameters', () => {
    const payload = apostilleQrPayload(input);
    for (const other of [
      '',
      'AP2024000123',
      'https://example.com/apostille/v1?no=AP2024000123&d=20240305&a=fao-guangdong&c=A',
      payload.replace('https://', 'http://'),
      `${payload}&x=1`,
      payload.replace('&a=', '&no=AP2024000123&a='),
      payload.replace(/&c=./, ''),
    ]) {
      expect(parseApostilleQr(other)).toEqual({ ok: false, message: m.qrNotApostille });
    }
    expect(parseApostilleQr(42)).toEqual({ ok: false, message: m.qrNotApostille });
  });

  it('refuses a damaged or edited code: a changed digit, a wrong check character, an impossible date', () => {
    const payload = apostilleQrPayload(input);
    const check = payload.slice(-1);
    const wrongCheck = check === 'A' ? 'B' : 'A';
    for (const damaged of [
      payload.replace('AP2024000123', 'AP2024000124'),
      payload.replace('d=20240305', 'd=20240306'),
      payload.slice(0, -1) + wrongCheck,
      payload.replace('no=AP2024000123', 'no=ap2024000123'),
      apostilleQrPayload({ ...input, issuedOn: '2024-02-30' }),
      apostilleQrPayload({ ...input, issuedOn: '2023-01-01' }),
    ]) {
      expect(parseApostilleQr(damaged)).toEqual({ ok: false, message: m.qrDamaged });
    }
  });
});
