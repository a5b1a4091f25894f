/** The console's view of one application: every answered field, documents beside what they prove, history, allowed actions. */
import { type Kysely, sql } from 'kysely';
import type { ConsoleApplication, ConsoleDocument, ConsoleHistoryEntry, ConsoleStepGroup } from '../../contracts/console-review';
import { type ApplicationStatus, statusLabel } from '../../miniprogram/domain/services/application-status';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { type InterviewReason, interviewReasonLabels, pathThrough, visibleFields } from '../../miniprogram/domain/services/engine';
import { actionLabel, allowedActions } from '../../miniprogram/domain/services/order-state-machine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';
import { applicationNotFound } from '../http/api-error';
import type { SignedInStaff } from '../staff/authenticate';
import { interviewHint, interviewTookPlace } from '../workflow/interview-labels';
import { staffNextStepMessages } from '../workflow/review-messages';
import { otherItemLabel, supplementItemLabel, supplementItems } from '../workflow/supplements';
import type { ApplicationRow } from '../workflow/transitions';
import { answerText, feeLabels } from './answer-display';
import { staffNextStep } from './staff-next-step';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const faceLabels = { passed: '人脸核验通过', failed: '人脸核验未通过', skipped: '已跳过人脸核验' } as const;

export interface ConsoleDeps {
  db: Kysely<Database>;
  decryptAnswers(row: ApplicationRow): Answers;
}

/** The console's view of one application (staff of its mission have been checked). */
export async function consoleApplication(deps: ConsoleDeps, row: ApplicationRow, staff: SignedInStaff): Promise<ConsoleApplication> {
  const service = findApplicationService(row.service);
  if (!service) throw applicationNotFound();
  const answers = deps.decryptAnswers(row);
  const steps: ConsoleStepGroup[] = [];
  for (const step of pathThrough(service, answers)) {
    const fields = visibleFields(service, step.id, answers)
      .map((field) => ({ id: field.id, label: field.label, value: answerText(field, answers[field.id]) }))
      .filter((field) => field.value !== '');
    if (fields.length > 0) steps.push({ stepId: step.id, title: step.title, fields });
  }
  const answered = new Set(steps.flatMap((step) => step.fields.map((field) => field.id)));
  const files = await deps.db.selectFrom('application_files').selectAll().where('application_id', '=', row.id).orderBy('created_at').execute();
  const documents = files.map((file): ConsoleDocument => {
    const supplement = file.doc_id.startsWith('supplement.');
    const item = supplement ? file.doc_id.slice('supplement.'.length) : file.doc_id;
    const requirement = service.documents.find((d) => d.id === item);
    const label = supplement ? `补充材料：${item === 'other' ? otherItemLabel() : supplementItemLabel(service, item)}` : (requirement?.label ?? file.doc_id);
    return {
      docId: file.doc_id,
      label,
      kind: file.kind,
      url: `/api/console/applications/${row.id}/documents/${encodeURIComponent(file.doc_id)}`,
      ok: file.check_ok,
      findings: file.findings ?? [],
      uploadedAt: iso(file.created_at)!,
      supplement,
      proves: (requirement?.proves ?? []).filter((id) => answered.has(id)),
    };
  });
  const historyRows = await deps.db
    .selectFrom('application_history')
    .leftJoin('staff', (join) => join.on(sql`staff.id::text`, '=', sql.ref('application_history.actor_id')).on('application_history.actor_kind', '=', 'staff'))
    .select([
      'application_history.at',
      'application_history.action',
      'application_history.from_status',
      'application_history.to_status',
      'application_history.actor_kind',
      'application_history.note',
      'application_history.data',
      'staff.display_name',
    ])
    .where('application_history.application_id', '=', row.id)
    .orderBy('application_history.id')
    .execute();
  const history = historyRows.map(
    (h): ConsoleHistoryEntry => ({
      at: iso(h.at)!,
      action: h.action,
      actionLabel: h.action === 'note' ? '留言' : actionLabel(h.action, service),
      from: h.from_status,
      to: h.to_status,
      fromLabel: statusLabel(h.from_status, service),
      toLabel: statusLabel(h.to_status, service),
      actorKind: h.actor_kind,
      actorName: h.actor_kind === 'staff' ? (h.display_name ?? null) : h.actor_kind === 'citizen' ? '申请人' : '系统',
      note: h.note,
      data: h.data ?? {},
    }),
  );
  const interview = await interviewHint(deps.db, row);
  const interviewDone = row.status === 'interview' && (await interviewTookPlace(deps.db, row.id));
  const interviewReasons = (row.interview_reasons as InterviewReason[]).map((id) => ({ id, label: interviewReasonLabels[id] ?? id }));
  const supplementLabels = row.supplement_items.map((id) => ({ id, label: supplementItemLabel(service, id) }));
  const holder = row.claimed_by
    ? await deps.db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', row.claimed_by).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    orderNo: row.order_no,
    service: service.id,
    serviceTitle: service.title,
    missionId: row.mission_id,
    status: row.status as ApplicationStatus,
    statusLabel: statusLabel(row.status, service),
    version: row.version,
    applicantName: row.applicant_name,
    applicantIdMasked: row.applicant_id_masked,
    inDistrict: !row.cross_district,
    queuedAt: iso(row.queue_at),
    submittedAt: iso(row.submitted_at),
    steps,
    documents,
    face: { status: row.face_status, label: row.face_status ? faceLabels[row.face_status] : '未进行人脸核验' },
    interviewReasons,
    fees: feeLabels(service, row.fee_codes),
    supplement: { items: supplementLabels, note: row.supplement_note },
    supplementChoices: supplementItems(service).map(({ id, label }) => ({ id, label })),
    trackingNo: row.tracking_no,
    refundDue: row.refund_due,
    history,
    allowedActions: allowedActions(row.status, 'staff', staff.role, service).map((action) =>
      // No interview held yet: passing it means recording an in-person interview, with a note.
      action.action === 'interview_passed' && !interviewDone
        ? { ...action, label: staffNextStepMessages.inPersonLabel, requires: ['note'] as const, inPerson: true }
        : action,
    ),
    nextStep: {
      text: staffNextStep({
        status: row.status,
        role: staff.role,
        interviewReasons: interviewReasons.map((r) => r.label),
        supplementItems: supplementLabels.map((i) => i.label),
        interviewAt: interview.interviewAt ?? null,
        interviewHeld: interview.interviewHeld ?? false,
        mailOldPassport: row.mail_old_passport,
        collection: row.collection,
        refundDue: row.refund_due,
      }),
    },
    claimedBy: holder ? { id: holder.id, name: holder.display_name } : null,
  };
}
