import { type Kysely, sql } from 'kysely';
import { statusInfo, statusLabel } from '../../miniprogram/domain/services/application-status';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { nextStepHint } from '../../miniprogram/domain/services/order-state-machine';
import type { PensionCertificationView, PensionPerson } from '../../miniprogram/domain/services/pension-api-types';
import { findPensionAgency } from '../../miniprogram/domain/services/pension-localities';
import { pensionService } from '../../miniprogram/domain/services/pension';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { messageLocale } from '../../miniprogram/domain/message-locale';
import type { Database } from '../db/schema';
import type { ApplicationRow } from '../workflow/transitions';
import type { PiiCipher } from '../security/pii-cipher';
import { daysUntil } from './pension-dates';
import { pensionMessages } from './pension-messages';

/** The certification columns a view needs, dates as 'YYYY-MM-DD' text (no time-zone drift). */
export interface CertificationFacts {
  application_id: string;
  push_state: string;
  last_push_error: string | null;
  reject_reason: string | null;
  expected_result_by: string;
  certified_on: string | null;
  next_deadline: string | null;
}

export async function certificationFacts(db: Kysely<Database>, applicationIds: readonly string[]): Promise<Map<string, CertificationFacts>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pension_certifications')
    .select([
      'application_id',
      'push_state',
      'last_push_error',
      'reject_reason',
      sql<string>`to_char(expected_result_by, 'YYYY-MM-DD')`.as('expected_result_by'),
      sql<string | null>`to_char(certified_on, 'YYYY-MM-DD')`.as('certified_on'),
      sql<string | null>`to_char(next_deadline, 'YYYY-MM-DD')`.as('next_deadline'),
    ])
    .where('application_id', 'in', applicationIds)
    .execute();
  return new Map(rows.map((row) => [row.application_id, row]));
}

export interface MissionContact {
  name_zh: string;
  address_zh: string;
  hours_zh: string;
  phone: string;
}

/** One certification as the citizen reads it. */
export function certificationView(
  row: ApplicationRow,
  answers: Answers,
  facts: CertificationFacts | undefined,
  mission: MissionContact,
  staffRefusal: string | null = null,
): PensionCertificationView {
  // In the reader's language: the status names, hints and the paper form's text.
  const service = findApplicationService(pensionService.id, messageLocale()) ?? pensionService;
  const agency = findPensionAgency(answerOf(answers, 'payingAgency'));
  const refused = row.status === 'rejected';
  return {
    applicationId: row.id,
    orderNo: row.order_no,
    status: row.status,
    statusLabel: statusLabel(row.status, service),
    hint: nextStepHint(row.status, { orderNo: row.order_no, refundable: false, statusHints: service.statusHints }).text,
    person: { name: row.applicant_name ?? '', idMasked: row.applicant_id_masked ?? '' },
    agency: agency ? { code: agency.code, name: `${agency.city} · ${agency.agency}` } : null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    expectedResultBy: facts?.expected_result_by ?? null,
    certifiedOn: facts?.certified_on ?? null,
    nextDeadline: facts?.next_deadline ?? null,
    // The authority's reason, or the staff's after a video interview.
    reason: refused ? (facts?.reject_reason ?? staffRefusal) : null,
    queuedNote: row.status === 'at_authority' && facts?.push_state === 'queued' && facts.last_push_error ? pensionMessages.queuedNote : null,
    paperForm: refused
      ? { text: service.messages?.paperForm ?? '', missionName: mission.name_zh, address: mission.address_zh, hours: mission.hours_zh, phone: mission.phone }
      : null,
  };
}

/** The staff's refusal after an interview is in the history, not in the certification row. */
export async function refusalNotes(db: Kysely<Database>, applicationIds: readonly string[]): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('application_history')
    .select(['application_id', 'note'])
    .where('application_id', 'in', applicationIds)
    .where('to_status', '=', 'rejected')
    .execute();
  return new Map(rows.filter((r) => r.note).map((r) => [r.application_id, r.note!]));
}

/** The people an account certifies, each with the countdown and their history. */
export async function pensionPersons(db: Kysely<Database>, pii: PiiCipher, userId: string, now: Date): Promise<PensionPerson[]> {
  const orders = await db
    .selectFrom('applications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('service', '=', pensionService.id)
    .where('order_no', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .execute();
  const ids = orders.map((o) => o.id);
  const facts = await certificationFacts(db, ids);
  const refusals = await refusalNotes(db, ids);
  const missions = new Map(
    (await db.selectFrom('missions').select(['id', 'name_zh', 'address_zh', 'hours_zh', 'phone']).execute()).map((m) => [m.id, m]),
  );
  const groups = new Map<string, PensionCertificationView[]>();
  for (const order of orders) {
    const answers = JSON.parse(pii.decrypt(order.answers_enc)) as Answers;
    const view = certificationView(order, answers, facts.get(order.id), missions.get(order.mission_id)!, refusals.get(order.id) ?? null);
    const key = Buffer.from(order.applicant_index ?? Buffer.alloc(0)).toString('hex');
    groups.set(key, [...(groups.get(key) ?? []), view]);
  }
  return [...groups.values()].map((history) => {
    const latest = history[0];
    const accepted = history.find((h) => h.nextDeadline);
    return {
      latestApplicationId: latest.applicationId,
      name: latest.person.name,
      idMasked: latest.person.idMasked,
      certifiedOn: accepted?.certifiedOn ?? null,
      nextDeadline: accepted?.nextDeadline ?? null,
      daysLeft: accepted?.nextDeadline ? daysUntil(accepted.nextDeadline, now) : null,
      latest,
      history,
      canRecertify: !(statusInfo(latest.status)?.active ?? false),
    };
  });
}
