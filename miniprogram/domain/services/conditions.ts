import type { Answers, Condition } from './definition-types';

/**
 * Reading answers and evaluating conditions. Answers come from the network, so every read
 * is defensive: own properties only (no `__proto__`/`constructor` surprises), strings and
 * booleans only.
 */

export function answerOf(answers: unknown, field: string): string | boolean | undefined {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(answers, field)) return undefined;
  const value = (answers as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}

export function isFilled(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim() !== '');
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → UTC midnight, or null when not a real calendar date. */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** Whole years between a birth date and today (UTC dates); null when the date is unusable. */
export function ageOn(birthDate: unknown, today: Date): number | null {
  const birth = parseDate(birthDate);
  if (!birth || birth.getTime() > today.getTime()) return null;
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export interface ConditionContext {
  /** The applicant's age, when known. */
  age: number | null;
}

/** Unknown condition shapes are false, never an exception (definitions are data). */
export function holds(condition: Condition | undefined, answers: Answers, context: ConditionContext, depth = 0): boolean {
  if (!condition) return true;
  if (depth > 20) return false;
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, context, depth + 1));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers, context, depth + 1));
  if ('not' in condition) return !holds(condition.not, answers, context, depth + 1);
  if ('ageUnder' in condition) return context.age !== null && context.age < condition.ageUnder;
  const value = answerOf(answers, condition.field);
  if ('value' in condition) return value === condition.value;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  if ('filled' in condition) return isFilled(value) === condition.filled;
  return false;
}
