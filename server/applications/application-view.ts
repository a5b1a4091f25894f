import type { Kysely, Selectable } from 'kysely';
import type { ApplicationDetail, ApplicationSummary, UploadedDocument } from '../../miniprogram/domain/services/application-api-types';
import { statusLabel, type ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import type { Answers, ServiceDefinition } from '../../miniprogram/domain/services/definition-types';
import {
  applicantAge,
  type ApplicationContext,
  type FaceStatus,
  feeCodes,
  firstIncompleteStep,
  type InterviewReason,
  interviewReasons,
  pathThrough,
} from '../../miniprogram/domain/services/engine';
import { messageLocale } from '../../miniprogram/domain/message-locale';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { nextStepHint } from '../../miniprogram/domain/services/order-state-machine';
import type { ApplicationFileTable, ApplicationTable, Database } from '../db/schema';
import { type InterviewHint, interviewHint } from '../workflow/interview-labels';
import { ApiError, applicationNotFound } from '../http/api-error';
import { serverMessages } from '../messages';
import { storedFindingMessage } from '../photo/photo-messages';
import { loadPaymentView } from '../workflow/payment-orders';
import type { PiiCipher } from '../security/pii-cipher';
import type { SignedInStaff } from '../staff/authenticate';
import type { ApplicationsContext } from './application-context';
import { type Applicant, resolveApplicant } from './applicant';
import { expireDraft } from './draft-expiry';

/** Loading an application for its owner, and turning it into what the API returns. */

export type ApplicationRow = Selectable<ApplicationTable>;
export type FileRow = Selectable<ApplicationFileTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


export function serviceOf(row: ApplicationRow): ServiceDefinition {
  const service = findApplicationService(row.service);
  if (!service) throw new Error(`unknown service ${row.service}`);
  return service;
}

/** The service in the language of the request (its title, status names and hints), for what the reader sees. */
export function serviceInReaderLanguage(row: Pick<ApplicationRow, 'service'>): ServiceDefinition | undefined {
  return findApplicationService(row.service, messageLocale());
}

export function readAnswers(pii: PiiCipher, row: ApplicationRow): Answers {
  const parsed: unknown = JSON.parse(pii.decrypt(row.answers_enc));
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Answers) : {};
}

export function sealAnswers(pii: PiiCipher, answers: Answers): string {
  return pii.encrypt(JSON.stringify(answers));
}

/**
 * The application if `userId` owns it — someone else's id is a 404, exactly like a
 * missing one, so ids cannot be probed. A draft past its expiry is marked expired first.
 */
export async function findOwnedApplication(
  db: Kysely<Database>,
  id: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  if (!UUID.test(id)) throw applicationNotFound();
  let query = db.selectFrom('applications').selectAll().where('id', '=', id).where('user_id', '=', userId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw applicationNotFound();
  if (row.status === 'draft' && row.expires_at && new Date(row.expires_at).getTime() < Date.now()) {
    // Inside the caller's transaction, which is about to fail (an expired draft can be
    // neither saved nor submitted) and roll back: just say so; the sweep or a plain read
    // records it.
    if (db.isTransaction) return { ...row, status: 'expired' };
    // Through the state machine (history). Whatever happened meanwhile (another request or
    // the sweep expired it, a save just moved its expiry), the row now says what it is.
    await expireDraft(db, row.id);
    return db.selectFrom('applications').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  }
  return row;
}

export function requireDraft(row: ApplicationRow): void {
  if (row.status === 'expired') throw new ApiError(409, 'DRAFT_EXPIRED', serverMessages.applicationExpired);
  if (row.status !== 'draft') throw new ApiError(409, 'NOT_EDITABLE', serverMessages.applicationNotEditable);
}

export async function listFiles(db: Kysely<Database>, applicationId: string): Promise<FileRow[]> {
  return db.selectFrom('application_files').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
}

/** Attempts for this person in the last 24 hours (a rolling day: no time-zone question). */
export async function faceAttemptsToday(db: Kysely<Database>, personIndex: Buffer | null): Promise<number> {
  if (!personIndex) return 0;
  const row = await db
    .selectFrom('face_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_index', '=', personIndex)
    .where('started_at', '>', new Date(Date.now() - 24 * 60 * 60 * 1000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The recorded face outcome, if it was for the current applicant (changing the applicant voids it). */
export function effectiveFaceStatus(row: ApplicationRow, applicant: Applicant): FaceStatus | null {
  if (row.face_status === 'skipped') return 'skipped';
  if (!row.face_status || !row.face_person_index || !applicant.index) return null;
  return Buffer.from(row.face_person_index).equals(applicant.index) ? row.face_status : null;
}

export function engineContext(row: ApplicationRow, files: FileRow[], applicant: Applicant): ApplicationContext {
  return {
    uploadedDocuments: files.filter((f) => f.check_ok).map((f) => f.doc_id),
    faceStatus: effectiveFaceStatus(row, applicant),
  };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** `interview`: the booked interview's time label and whether it was held (interviewHints), for the 待视频面审 hint. */
export function toSummary(row: ApplicationRow, interview: InterviewHint = {}): ApplicationSummary {
  const service = serviceInReaderLanguage(row) ?? serviceOf(row);
  return {
    id: row.id,
    service: service.id,
    serviceTitle: service.title,
    missionId: row.mission_id,
    status: row.status as ApplicationStatus,
    statusLabel: statusLabel(row.status, service),
    orderNo: row.order_no,
    currentStep: row.current_step,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    expiresAt: row.status === 'draft' ? iso(row.expires_at) : null,
    submittedAt: iso(row.submitted_at),
    nextStep: nextStepHint(row.status, {
      mailOldPassport: row.mail_old_passport,
      orderNo: row.order_no,
      collection: row.collection,
      refundable: service.rules.refundable,
      ...interview,
      statusHints: service.statusHints,
    }),
  };
}

export function toUploadedDocument(file: FileRow): UploadedDocument {
  return {
    docId: file.doc_id,
    kind: file.kind,
    mime: file.mime,
    bytes: file.bytes,
    ok: file.check_ok,
    findings: (file.findings ?? []).map((finding) => ({ code: finding.code, message: storedFindingMessage(finding), severity: finding.severity })),
    uploadedAt: iso(file.created_at)!,
  };
}

export function interviewFor(service: ServiceDefinition, answers: Answers, applicant: Applicant, face: FaceStatus | null): InterviewReason[] {
  return interviewReasons(answers, { faceResult: face, idType: applicant.idType, applicantAge: applicantAge(service, answers) }, service);
}

/** Everything the citizen's app needs to render and resume an application. */
export async function loadDetail(ctx: ApplicationsContext, row: ApplicationRow): Promise<ApplicationDetail> {
  const service = serviceOf(row);
  const answers = readAnswers(ctx.pii, row);
  const files = await listFiles(ctx.db, row.id);
  const applicant = await resolveApplicant(ctx.db, ctx.pii, service, answers, row.user_id);
  const engine = engineContext(row, files, applicant);
  const path = pathThrough(service, answers).map((step) => step.id);
  const incomplete = firstIncompleteStep(service, answers, engine)?.id ?? null;
  const summary = toSummary(row, await interviewHint(ctx.db, row));
  if (row.status === 'draft') {
    // Resume where the citizen left off, but never beyond the first incomplete step.
    const at = path.indexOf(summary.currentStep);
    const limit = incomplete ? path.indexOf(incomplete) : path.length - 1;
    summary.currentStep = at < 0 || at > limit ? path[limit] ?? path[0] : summary.currentStep;
  }
  // An order (it has a number) stays one when it expires unpaid; a draft that expired never was.
  const submitted = row.order_no !== null || (row.status !== 'draft' && row.status !== 'expired');
  const reasons = submitted ? (row.interview_reasons as InterviewReason[]) : interviewFor(service, answers, applicant, engine.faceStatus ?? null);
  const attempts = await faceAttemptsToday(ctx.db, applicant.index);
  return {
    ...summary,
    answers: answers as Record<string, string | boolean>,
    path,
    firstIncompleteStep: submitted ? null : incomplete,
    documents: files.map(toUploadedDocument),
    face: { status: engine.faceStatus ?? null, attemptsLeftToday: Math.max(0, ctx.faceDailyLimit - attempts) },
    interviewReasons: reasons,
    interviewRequired: reasons.length > 0,
    fees: submitted ? row.fee_codes : feeCodes(service, answers),
    payment: submitted ? await loadPaymentView(ctx.db, row) : null,
  };
}

/** The application if it belongs to the staff member's mission (and is not a draft); else 404. */
export async function missionApplication(db: Kysely<Database>, id: string, staff: SignedInStaff): Promise<ApplicationRow> {
  const row = UUID.test(id) ? await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row || row.mission_id !== staff.missionId || row.status === 'draft') throw applicationNotFound();
  return row;
}
