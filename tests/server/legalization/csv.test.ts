import {
  checkLegalizationNo,
  checkStickerNo,
  maskStickerNo,
  normalizeDocumentNumber,
  parseDocumentType,
  validateVerifyInput,
} from '../../../miniprogram/domain/legalization';
import { DOMESTIC_AUTHORITIES } from '../../../contracts/legalization';
import { AuthorityIndex } from '../../../server/legalization/authorities';
import { checkImportText, findEncodingDamage, parseIssueDate } from '../../../server/legalization/csv-import';
import { parseCsv } from '../../../server/legalization/csv';
import { ipBucket } from '../../../server/security/rate-limit';
import { csvOf } from './console-helpers';

describe('RFC 4180 CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and LF alike', () => {
    const parsed = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
        { line: 4, fields: ['1', '', '3'] },
      ],
    });
  });

  it('skips empty lines but keeps counting them, and reads a last line without a newline', () => {
    expect(parseCsv('a\n\n\nb')).toEqual({ ok: true, records: [{ line: 1, fields: ['a'] }, { line: 4, fields: ['b'] }] });
    expect(parseCsv('""')).toEqual({ ok: true, records: [{ line: 1, fields: [''] }] });
  });

  it('reports an unterminated quote and a stray quote with their line', () => {
    expect(parseCsv('a\n"open,b\nc')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\nb"c,d')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\n"b"c,d')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('legalization numbers', () => {
  it('normalizes what people copy: spaces, hyphens, full-width characters, lower case', () => {
    expect(normalizeDocumentNumber(' ２０２４-ab 123 ')).toBe('2024AB123');
    expect(checkLegalizationNo('2024-001234')).toEqual({ ok: true, value: '2024001234' });
    expect(checkStickerNo('a 1234567')).toEqual({ ok: true, value: 'A1234567' });
  });

  it('refuses empty, too short, too long and non-alphanumeric numbers with a sentence', () => {
    expect(checkLegalizationNo('')).toEqual({ ok: false, message: '请填写认证号' });
    expect(checkLegalizationNo('12')).toMatchObject({ ok: false });
    expect(checkLegalizationNo('1'.repeat(33))).toMatchObject({ ok: false });
    expect(checkStickerNo('12345')).toMatchObject({ ok: false, message: expect.stringContaining('贴纸号') });
    expect(checkStickerNo('ABC123;--')).toMatchObject({ ok: false });
  });

  it('validates the whole verification form at once', () => {
    expect(validateVerifyInput({})).toEqual({
      ok: false,
      errors: { legalizationNo: '请填写认证号', stickerNo: '请填写贴纸号', authorityId: '请选择签署机关' },
    });
    expect(validateVerifyInput({ legalizationNo: '2024001', stickerNo: 'S1234567', authorityId: 'mfa' })).toEqual({
      ok: true,
      value: { legalizationNo: '2024001', stickerNo: 'S1234567', authorityId: 'mfa' },
    });
  });

  it('lists the Ministry and 31 provincial foreign affairs offices, and masks stickers', () => {
    expect(DOMESTIC_AUTHORITIES[0]).toMatchObject({ id: 'mfa', nameZh: '外交部领事司' });
    expect(DOMESTIC_AUTHORITIES.filter((a) => a.kind === 'foreign_affairs_office')).toHaveLength(31);
    expect(DOMESTIC_AUTHORITIES.find((a) => a.id === 'fao-guangdong')?.nameZh).toBe('广东省外事办公室');
    expect(maskStickerNo('A1234567')).toBe('****4567');
    expect(parseDocumentType('学历学位证明')).toBe('education');
    expect(parseDocumentType('education')).toBe('education');
    expect(parseDocumentType('diploma')).toBeNull();
  });
});

describe('import file checks (no database)', () => {
  const authorities = new AuthorityIndex([
    ...DOMESTIC_AUTHORITIES,
    { id: 'us-new-york', kind: 'mission', nameZh: '中华人民共和国驻纽约总领事馆', nameEn: 'New York' },
    { id: 'us-chicago', kind: 'mission', nameZh: '中华人民共和国驻芝加哥总领事馆', nameEn: 'Chicago' },
  ]);
  const context = { authorities, scope: { missionId: 'us-new-york', mfa: true }, latestIssueDate: '2030-01-01' };

  it('accepts Chinese headings in any order, authority names, Excel dates and a BOM', () => {
    const text = '\uFEFF贴纸号,认证号,签署机关,文书类型,认证日期\n S1234567 ,2024-0001,外交部领事司,学历学位证明,2024/3/5\n';
    expect(checkImportText(text, context)).toEqual({
      ok: true,
      rows: [{ line: 2, legalizationNo: '20240001', stickerNo: 'S1234567', authorityId: 'mfa', documentType: 'education', issuedOn: '2024-03-05' }],
    });
  });

  it('reports every bad row with its line, and refuses another mission’s legalizations', () => {
    const result = checkImportText(
      csvOf([
        '20240001,S1234567,mfa,education,2024-03-05',
        '20240002,S12,mfa,education,2024-03-05',
        '20240003,S2234567,nowhere,education,2024-02-30',
        '20240004,S3234567,us-chicago,education,2024-03-05',
        '20240005,S4234567,mfa,education',
      ]),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('CSV_INVALID');
    expect(result.lines.map((l) => l.line)).toEqual([3, 4, 5, 6]);
    expect(result.lines[0].message).toContain('贴纸号');
    expect(result.lines[1].message).toContain('nowhere');
    expect(result.lines[1].message).toContain('认证日期');
    expect(result.lines[2].message).toContain('其他使领馆');
    expect(result.lines[3].message).toContain('应有 5 列');
  });

  it('spots U+FFFD (a GBK file read as UTF-8) line by line', () => {
    expect(findEncodingDamage('ok\n\uFFFD\uFFFD,x\nfine')).toEqual([{ line: 2, message: expect.stringContaining('UTF-8') }]);
  });

  it('parses only real calendar dates', () => {
    expect(parseIssueDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIssueDate('2023-02-29')).toBeNull();
    expect(parseIssueDate('05/03/2024')).toBeNull();
  });

  it('keeps IPv6 limits per /64 and unwraps IPv4-mapped addresses', () => {
    expect(ipBucket('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(ipBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
