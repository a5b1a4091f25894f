import { checkEmail, checkPhone } from './contact';
import { checkIdNumber, checkPersonName, IdType } from './identity';
import { messages } from './messages';

/** What the 实名认证 form sends. */
export interface IdentityInput {
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  email?: string;
}

export type IdentityField = keyof IdentityInput;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type IdentityValidation =
  | { ok: true; value: IdentityInput }
  | { ok: false; errors: FieldErrors<IdentityField> };

/**
 * The one validator of the identity form: the page shows `errors` beside each field,
 * the server answers 400 with the same `errors`.
 */
export function validateIdentityInput(input: Partial<Record<IdentityField, unknown>>): IdentityValidation {
  const errors: FieldErrors<IdentityField> = {};
  const name = checkPersonName(input.name);
  if (!name.ok) errors.name = name.message;
  const idNumber = checkIdNumber(input.idType, input.idNumber);
  if (!idNumber.ok) errors[input.idType === 'resident_id' || input.idType === 'passport' ? 'idNumber' : 'idType'] = idNumber.message;

  const hasPhone = typeof input.phone === 'string' && input.phone.trim() !== '';
  const hasEmail = typeof input.email === 'string' && input.email.trim() !== '';
  const phone = hasPhone ? checkPhone(input.phone) : null;
  const email = hasEmail ? checkEmail(input.email) : null;
  if (phone && !phone.ok) errors.phone = phone.message;
  if (email && !email.ok) errors.email = email.message;
  if (!hasPhone && !hasEmail) errors.phone = messages.contactRequired;

  if (Object.keys(errors).length > 0 || !name.ok || !idNumber.ok) return { ok: false, errors };
  const value: IdentityInput = {
    name: name.value,
    idType: input.idType as IdType,
    idNumber: idNumber.value,
  };
  if (phone?.ok) value.phone = phone.value;
  if (email?.ok) value.email = email.value;
  return { ok: true, value };
}
