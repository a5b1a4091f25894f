import fc from 'fast-check';
import {
  checkIdNumber,
  checkPassportNumber,
  checkPersonName,
  checkResidentId,
  maskIdNumber,
  residentIdCheckChar,
} from '../../miniprogram/domain/identity';
import { messages } from '../../miniprogram/domain/messages';

const provinces = [11, 12, 13, 31, 32, 33, 44, 50, 51, 65, 71, 81, 82];

/** Valid resident ID numbers: real area prefix, real birth date (1900..2020), right check char. */
const validResidentId = fc
  .record({
    province: fc.constantFrom(...provinces),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `${province}${String(rest).padStart(4, '0')}${date}${String(sequence).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  });

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard example and normalises a lower-case x and full-width digits', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('accepts people born before 1900 (any real date the standard encodes), not only 1900 onwards', () => {
    expect(checkResidentId('440524188001010014')).toEqual({ ok: true, value: '440524188001010014' });
  });

  it.each([
    ['', messages.idNumberRequired],
    ['11010519491231002', messages.residentIdLength],
    ['1101051949123100X2', messages.residentIdFormat],
    ['99010519491231002X', messages.residentIdArea],
    ['110105194902300029', messages.residentIdBirthDate], // 30 February
    ['110105210001010010', messages.residentIdBirthDate], // born in 2100
    ['110105194912310021', messages.residentIdChecksum],
  ])('rejects %s with a message that says what is wrong', (input, message) => {
    expect(checkResidentId(input)).toEqual({ ok: false, message });
  });

  it('accepts every generated valid number', () => {
    fc.assert(fc.property(validResidentId, (id) => checkResidentId(id).ok === true), { numRuns: 2000 });
  });

  it('rejects any single-character change of a valid number', () => {
    fc.assert(
      fc.property(validResidentId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, position, replacement) => {
        fc.pre(id[position] !== replacement);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        return checkResidentId(changed).ok === false;
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects any swap of two different adjacent characters', () => {
    fc.assert(
      fc.property(validResidentId, fc.integer({ min: 0, max: 16 }), (id, position) => {
        fc.pre(id[position] !== id[position + 1]);
        const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
        return checkResidentId(swapped).ok === false;
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = checkIdNumber('resident_id', input);
        return typeof result.ok === 'boolean';
      }),
    );
    fc.assert(fc.property(fc.string(), (input) => typeof checkResidentId(input).ok === 'boolean'), { numRuns: 2000 });
  });
});

describe('passport numbers', () => {
  it.each(['G12345678', 'E12345678', 'EA1234567', 'EZ7654321', 'e12345678'])('accepts %s', (input) => {
    expect(checkPassportNumber(input).ok).toBe(true);
  });
  it.each(['EI1234567', 'EO1234567', 'D12345678', 'G1234567', 'G123456789', 'P12345678', '12345678'])('rejects %s', (input) => {
    expect(checkPassportNumber(input)).toEqual({ ok: false, message: messages.passportFormat });
  });
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string(), (input) => typeof checkPassportNumber(input).ok === 'boolean'));
  });
});

describe('masking and names', () => {
  it('keeps only the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('E12345678')).toBe('E123*5678');
  });
  it('accepts Chinese and Latin names, refuses digits', () => {
    expect(checkPersonName('张三').ok).toBe(true);
    expect(checkPersonName('ZHANG San').ok).toBe(true);
    expect(checkPersonName('买买提·艾力').ok).toBe(true);
    expect(checkPersonName('张3')).toEqual({ ok: false, message: messages.nameInvalid });
    expect(checkPersonName('  ')).toEqual({ ok: false, message: messages.nameRequired });
  });
});
