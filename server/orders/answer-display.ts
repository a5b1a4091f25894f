import type { FieldDefinition, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import { countryLabel } from '../../miniprogram/domain/countries';

/**
 * How staff read an answer and a fee: labels, never the stored codes ('US' → 美国, a fee
 * code → its name, e.g. 护照费). The same labels the citizen saw on the review step.
 */
export function answerText(field: Pick<FieldDefinition, 'type' | 'options'>, value: unknown): string {
  if (value === true) return '是';
  if (value === false) return '否';
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  if (field.type === 'country') return countryLabel(text);
  return field.options?.find((o) => o.value === text)?.label ?? text;
}

export function feeLabels(service: Pick<ServiceDefinition, 'fees'>, codes: readonly string[]): string[] {
  return codes.map((code) => service.fees.find((fee) => fee.code === code)?.label ?? code);
}
