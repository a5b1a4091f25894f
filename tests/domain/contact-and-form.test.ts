import fc from 'fast-check';
import { checkEmail, checkPhone } from '../../miniprogram/domain/contact';
import { validateIdentityInput } from '../../miniprogram/domain/identity-form';
import { messages } from '../../miniprogram/domain/messages';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+61 412 345 678', '+61412345678'],
  ])('accepts %s as %s (foreign numbers included)', (input, e164) => {
    expect(checkPhone(input)).toEqual({ ok: true, value: e164 });
  });
  it.each(['12345', '23812345678', '+86 12345678901', '+0 123456789', 'phone', '+1234567890123456'])('rejects %s', (input) => {
    expect(checkPhone(input)).toEqual({ ok: false, message: messages.phoneInvalid });
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (input) => typeof checkPhone(input).ok === 'boolean'));
  });
});

describe('email', () => {
  it('accepts ordinary addresses and lower-cases them', () => {
    expect(checkEmail('Li.Ming@Example.com')).toEqual({ ok: true, value: 'li.ming@example.com' });
  });
  it.each(['li@', '@example.com', 'li ming@example.com', 'li@example'])('rejects %s', (input) => {
    expect(checkEmail(input).ok).toBe(false);
  });
});

describe('the identity form validator', () => {
  it('returns the cleaned value when everything is right', () => {
    expect(
      validateIdentityInput({ name: ' 张三 ', idType: 'passport', idNumber: 'e12345678', email: 'A@B.cn' }),
    ).toEqual({ ok: true, value: { name: '张三', idType: 'passport', idNumber: 'E12345678', email: 'a@b.cn' } });
  });

  it('reports every wrong field at once', () => {
    const result = validateIdentityInput({ name: '', idType: 'resident_id', idNumber: '110105194912310021', email: 'x' });
    expect(result).toEqual({
      ok: false,
      errors: { name: messages.nameRequired, idNumber: messages.residentIdChecksum, email: messages.emailInvalid },
    });
  });

  it('needs a phone or an email, and a known ID type', () => {
    const result = validateIdentityInput({ name: '张三', idType: 'driving_licence', idNumber: 'X' });
    expect(result).toEqual({ ok: false, errors: { idType: messages.idTypeInvalid, phone: messages.contactRequired } });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.record({ name: fc.anything(), idType: fc.anything(), idNumber: fc.anything(), phone: fc.anything(), email: fc.anything() }),
        (input) => typeof validateIdentityInput(input).ok === 'boolean',
      ),
    );
  });
});
