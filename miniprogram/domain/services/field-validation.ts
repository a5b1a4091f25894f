import { checkEmail, checkPhone } from '../contact';
import { checkIdNumber, checkPassportNumber, checkPersonName, checkResidentId } from '../identity';
import { Check, fail, normalizeInput, pass } from '../validation';
import { applicationMessages as m } from './application-messages';
import { answerOf, ConditionContext, holds, isFilled, parseDate } from './conditions';
import type { Answers, FieldDefinition, ValidatorName } from './definition-types';

/**
 * One field: is it shown, is it required, and is its value acceptable. The type gives
 * the base check (dates are real dates, options are among the offered ones, phones are
 * phones); named validators add the shared domain rules (ID numbers, names).
 */

const DEFAULT_MAX: Partial<Record<FieldDefinition['type'], number>> = {
  text: 100,
  pinyin: 60,
  textarea: 1000,
  address: 200,
};

export function isRequired(field: FieldDefinition, answers: Answers, context: ConditionContext): boolean {
  if (field.required === undefined || field.required === false) return false;
  if (field.required === true) return true;
  return holds(field.required, answers, context);
}

export function offeredOptions(field: FieldDefinition, answers: Answers, context: ConditionContext) {
  return (field.options ?? []).filter((option) => holds(option.when, answers, context));
}

function dayStart(today: Date): number {
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
}

function runValidator(
  name: ValidatorName,
  value: string,
  field: FieldDefinition,
  answers: Answers,
  today: Date,
): Check {
  switch (name) {
    case 'personName':
      return checkPersonName(value);
    case 'passportNumber':
      return checkPassportNumber(value);
    case 'residentId':
      return checkResidentId(value, today);
    case 'socialSecurityNumber': {
      const check = checkResidentId(value, today);
      return check.ok ? check : fail(m.socialSecurityNumber);
    }
    case 'idNumber':
      return checkIdNumber(answerOf(answers, field.idTypeField ?? ''), value);
    case 'pastDate': {
      const date = parseDate(value);
      return date && date.getTime() < dayStart(today) ? pass(value) : fail(m.datePast);
    }
    case 'notFutureDate': {
      const date = parseDate(value);
      return date && date.getTime() <= dayStart(today) ? pass(value) : fail(m.dateNotFuture);
    }
    case 'notPastDate': {
      const date = parseDate(value);
      return date && date.getTime() >= dayStart(today) ? pass(value) : fail(m.dateNotPast);
    }
    case 'futureDate': {
      const date = parseDate(value);
      return date && date.getTime() > dayStart(today) ? pass(value) : fail(m.dateFuture);
    }
    default:
      return pass(value);
  }
}

/** The base check of a non-empty value by field type; returns the normalized value. */
function checkByType(field: FieldDefinition, raw: string | boolean, answers: Answers, context: ConditionContext): Check {
  if (field.type === 'checkbox') return raw === true ? pass('true') : fail(m.mustTick);
  const text = normalizeInput(raw);
  const max = field.maxLength ?? DEFAULT_MAX[field.type];
  if (max !== undefined && text.length > max) return fail(m.tooLong(max));
  switch (field.type) {
    case 'select':
    case 'radio':
      return offeredOptions(field, answers, context).some((o) => o.value === text) ? pass(text) : fail(m.chooseOption);
    case 'date':
      return parseDate(text) ? pass(text) : fail(m.dateFormat);
    case 'phone':
      return checkPhone(text);
    case 'email':
      return checkEmail(text);
    case 'country':
      return /^[A-Za-z]{2}$/.test(text) ? pass(text.toUpperCase()) : fail(m.country);
    case 'pinyin': {
      const upper = text.replace(/\s+/g, ' ').toUpperCase();
      return /^[A-Z][A-Z ]*$/.test(upper) ? pass(upper) : fail(m.pinyin);
    }
    default:
      // Control characters have no place in a form field (and in staff screens).
      // eslint-disable-next-line no-control-regex
      return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) ? fail(m.textInvalid) : pass(text);
  }
}

export type FieldOutcome =
  | { kind: 'hidden' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'value'; value: string | boolean };

/** The verdict on one field of the answers. */
export function checkField(field: FieldDefinition, answers: Answers, context: ConditionContext, today: Date): FieldOutcome {
  if (!holds(field.when, answers, context)) return { kind: 'hidden' };
  const raw = answerOf(answers, field.id);
  const filled = field.type === 'checkbox' ? raw === true : isFilled(raw);
  if (!filled) {
    if (!isRequired(field, answers, context)) return { kind: 'empty' };
    return { kind: 'error', message: field.type === 'checkbox' ? m.mustTick : m.required };
  }
  const base = checkByType(field, raw as string | boolean, answers, context);
  if (!base.ok) return { kind: 'error', message: base.message };
  let value = base.value;
  for (const name of field.validators ?? []) {
    const checked = runValidator(name, value, field, answers, today);
    if (!checked.ok) return { kind: 'error', message: checked.message };
    value = checked.value;
  }
  return { kind: 'value', value: field.type === 'checkbox' ? true : value };
}
