/**
 * Every code of the domain's code lists (countries, services, statuses, actions, fees,
 * options, documents, interview reasons, face results): none of them may reach a staff
 * screen as it is stored. Labels are what staff read.
 */
import { COUNTRIES } from '../../../miniprogram/domain/countries';
import { APPLICATION_STATUSES } from '../../../miniprogram/domain/services/application-status';
import { interviewReasonLabels } from '../../../miniprogram/domain/services/engine';
import { ORDER_ACTION_LABELS } from '../../../miniprogram/domain/services/order-state-machine';
import { applicationServices } from '../../../miniprogram/domain/services/service-registry';

export function domainCodes(): Set<string> {
  const codes = new Set<string>();
  for (const country of COUNTRIES) codes.add(country.value);
  for (const status of APPLICATION_STATUSES) codes.add(status.id);
  for (const action of Object.keys(ORDER_ACTION_LABELS)) codes.add(action);
  for (const reason of Object.keys(interviewReasonLabels)) codes.add(reason);
  for (const face of ['passed', 'failed', 'skipped']) codes.add(face);
  for (const service of applicationServices()) {
    codes.add(service.id);
    for (const fee of service.fees) codes.add(fee.code);
    for (const doc of service.documents) codes.add(doc.id);
    for (const field of Object.values(service.fields)) for (const option of field.options ?? []) codes.add(option.value);
  }
  return codes;
}

/** The words of a page's text that are codes from the lists above. */
export function rawCodesIn(text: string, codes = domainCodes()): string[] {
  const words = text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  return [...new Set(words.filter((word) => codes.has(word)))];
}
