import { applicationMessages as m } from './application-messages';
import { ageOn, ConditionContext, holds } from './conditions';
import type { Answers, DocumentRequirement, FieldDefinition, Refusal, ServiceDefinition, StepDefinition } from './definition-types';
import { checkField, offeredOptions } from './field-validation';

/**
 * The step-form engine: walks a service definition with the citizen's answers. Pure and
 * total — any answers object (even junk from the network) gives an answer, never an
 * exception — so the mini-program and the server can both trust it.
 */

export interface EngineOptions {
  /** "Today" for dates and ages (UTC date); default now. Tests pin it. */
  today?: Date;
}

/** Outcome of the face check as the server recorded it. */
export type FaceStatus = 'passed' | 'failed' | 'skipped';

export interface ApplicationContext extends EngineOptions {
  /** Document ids that have an accepted upload (photo checks without an error). */
  uploadedDocuments?: readonly string[];
  faceStatus?: FaceStatus | null;
}

export type FieldErrors = Record<string, string>;

const MAX_PATH = 100;

const todayOf = (options?: EngineOptions) => options?.today ?? new Date();

function safeAnswers(answers: unknown): Answers {
  return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Answers) : {};
}

function contextOf(service: ServiceDefinition, answers: Answers, options?: EngineOptions): ConditionContext {
  return { age: applicantAge(service, answers, options) };
}

/** The applicant's age in whole years from the definition's birth-date field; null if unknown. */
export function applicantAge(service: ServiceDefinition, answers: unknown, options?: EngineOptions): number | null {
  const record = safeAnswers(answers);
  const field = service.birthDateField;
  const value = field && Object.prototype.hasOwnProperty.call(record, field) ? record[field] : undefined;
  return ageOn(value, todayOf(options));
}

export function findStep(service: ServiceDefinition, stepId: string): StepDefinition | undefined {
  return service.steps.find((step) => step.id === stepId);
}

function resolveNext(step: StepDefinition, answers: Answers, context: ConditionContext): string | null {
  if (!step.next) return null;
  if (typeof step.next === 'string') return step.next;
  for (const branch of step.next.branches ?? []) {
    if (holds(branch, answers, context)) return branch.next;
  }
  return step.next.default;
}

/**
 * The steps actually on the citizen's path: from the first step, following branches; a
 * step whose `when` does not hold is passed through (its `next` still applies).
 */
export function pathThrough(service: ServiceDefinition, answers: unknown, options?: EngineOptions): StepDefinition[] {
  const record = safeAnswers(answers);
  const context = contextOf(service, record, options);
  const path: StepDefinition[] = [];
  const seen = new Set<string>();
  let current: StepDefinition | undefined = service.steps[0];
  while (current && !seen.has(current.id) && seen.size < MAX_PATH) {
    seen.add(current.id);
    if (holds(current.when, record, context)) path.push(current);
    const nextId = resolveNext(current, record, context);
    current = nextId ? findStep(service, nextId) : undefined;
  }
  return path;
}

export function isOnPath(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): boolean {
  return pathThrough(service, answers, options).some((step) => step.id === stepId);
}

export function nextStep(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): StepDefinition | null {
  const path = pathThrough(service, answers, options);
  const index = path.findIndex((step) => step.id === stepId);
  return index >= 0 ? path[index + 1] ?? null : null;
}

export function previousStep(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): StepDefinition | null {
  const path = pathThrough(service, answers, options);
  const index = path.findIndex((step) => step.id === stepId);
  return index > 0 ? path[index - 1] : null;
}

/** The fields a step shows now, with only the options currently offered. */
export function visibleFields(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): FieldDefinition[] {
  const step = findStep(service, stepId);
  if (!step) return [];
  const record = safeAnswers(answers);
  const context = contextOf(service, record, options);
  return step.fields
    .map((id) => service.fields[id])
    .filter((field): field is FieldDefinition => !!field && holds(field.when, record, context))
    .map((field) => (field.options ? { ...field, options: offeredOptions(field, record, context) } : field));
}

/** The first refusal that applies on a step (e.g. a local resident asking for an emergency certificate). */
export function refusalOn(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): Refusal | null {
  const step = findStep(service, stepId);
  const record = safeAnswers(answers);
  const context = contextOf(service, record, options);
  return step?.refusals?.find((refusal) => holds(refusal.when, record, context)) ?? null;
}

export interface StepValidation {
  ok: boolean;
  /** Field id → Chinese message. `_step` for a step that does not exist. */
  errors: FieldErrors;
  /** The step's visible fields, normalized (E.164 phones, upper-case pinyin, …); hidden and empty ones dropped. */
  values: Answers;
  refusal: Refusal | null;
}

/** The fields of one step, validated against all answers (conditions may look back). */
export function validateStep(service: ServiceDefinition, stepId: string, answers: unknown, options?: EngineOptions): StepValidation {
  const step = findStep(service, stepId);
  if (!step) return { ok: false, errors: { _step: m.stepUnknown }, values: {}, refusal: null };
  const record = safeAnswers(answers);
  const context = contextOf(service, record, options);
  const today = todayOf(options);
  const errors: FieldErrors = {};
  const values: Answers = {};
  for (const fieldId of step.fields) {
    const field = service.fields[fieldId];
    if (!field) continue;
    const outcome = checkField(field, record, context, today);
    if (outcome.kind === 'error') errors[fieldId] = outcome.message;
    if (outcome.kind === 'value') values[fieldId] = outcome.value;
  }
  const refusal = refusalOn(service, stepId, record, options);
  if (refusal) errors[refusal.field] = refusal.message;
  return { ok: Object.keys(errors).length === 0, errors, values, refusal };
}

/**
 * The answers that count: only visible fields of steps on the path, normalized. Answers
 * left behind by a branch the citizen later left (e.g. loss details after switching to
 * renewal) are dropped here, so they cannot trigger documents or reach staff.
 */
export function effectiveAnswers(service: ServiceDefinition, answers: unknown, options?: EngineOptions): Answers {
  const record = safeAnswers(answers);
  const result: Answers = {};
  for (const step of pathThrough(service, record, options)) {
    Object.assign(result, validateStep(service, step.id, record, options).values);
  }
  return result;
}

export interface ApplicableDocument {
  document: DocumentRequirement;
  required: boolean;
}

/** Documents asked for given the answers (required ones and optional ones). */
export function applicableDocuments(service: ServiceDefinition, answers: unknown, options?: EngineOptions): ApplicableDocument[] {
  const effective = effectiveAnswers(service, answers, options);
  const context = contextOf(service, effective, options);
  const onPath = new Set(pathThrough(service, effective, options).map((step) => step.id));
  return service.documents
    .filter((doc) => onPath.has(doc.step) && holds(doc.when, effective, context))
    .map((document) => ({ document, required: document.required !== false }));
}

export function requiredDocuments(service: ServiceDefinition, answers: unknown, options?: EngineOptions): DocumentRequirement[] {
  return applicableDocuments(service, answers, options)
    .filter((doc) => doc.required)
    .map((doc) => doc.document);
}

export function findDocument(service: ServiceDefinition, documentId: string): DocumentRequirement | undefined {
  return service.documents.find((doc) => doc.id === documentId);
}

export interface StepCompletion {
  ok: boolean;
  errors: FieldErrors;
  /** Required documents of this step not uploaded yet. */
  missingDocuments: DocumentRequirement[];
  /** A face step without a recorded outcome (passed, failed or skipped). */
  faceMissing: boolean;
}

/** A step is complete when its fields are valid, its documents uploaded, its face check done. */
export function stepCompletion(service: ServiceDefinition, stepId: string, answers: unknown, context: ApplicationContext = {}): StepCompletion {
  const validation = validateStep(service, stepId, answers, context);
  const uploaded = new Set(context.uploadedDocuments ?? []);
  const missingDocuments = requiredDocuments(service, answers, context).filter((doc) => doc.step === stepId && !uploaded.has(doc.id));
  const step = findStep(service, stepId);
  const faceMissing = step?.kind === 'face' && !context.faceStatus;
  return {
    ok: validation.ok && missingDocuments.length === 0 && !faceMissing,
    errors: validation.errors,
    missingDocuments,
    faceMissing,
  };
}

/** Where the citizen should be: the first incomplete step on the path (null: all complete). */
export function firstIncompleteStep(service: ServiceDefinition, answers: unknown, context: ApplicationContext = {}): StepDefinition | null {
  return pathThrough(service, answers, context).find((step) => !stepCompletion(service, step.id, answers, context).ok) ?? null;
}

export interface ApplicationValidation {
  ok: boolean;
  /** Step id → field errors, only for steps with errors. */
  stepErrors: Record<string, FieldErrors>;
  missingDocuments: Array<{ id: string; label: string; step: string; message: string }>;
  /** A message when the face step has no outcome yet. */
  face: string | null;
  refusal: Refusal | null;
}

/** Everything on the path, as the server checks it before creating an order. */
export function validateApplication(service: ServiceDefinition, answers: unknown, context: ApplicationContext = {}): ApplicationValidation {
  const stepErrors: Record<string, FieldErrors> = {};
  const missingDocuments: ApplicationValidation['missingDocuments'] = [];
  let face: string | null = null;
  let refusal: Refusal | null = null;
  for (const step of pathThrough(service, answers, context)) {
    const completion = stepCompletion(service, step.id, answers, context);
    if (Object.keys(completion.errors).length > 0) stepErrors[step.id] = completion.errors;
    for (const doc of completion.missingDocuments) {
      missingDocuments.push({ id: doc.id, label: doc.label, step: doc.step, message: m.documentMissing(doc.label) });
    }
    if (completion.faceMissing) face = m.faceRequired;
    refusal ??= refusalOn(service, step.id, answers, context);
  }
  const ok = Object.keys(stepErrors).length === 0 && missingDocuments.length === 0 && !face && !refusal;
  return { ok, stepErrors, missingDocuments, face, refusal };
}

export type InterviewReason = 'minor' | 'face_failed' | 'face_skipped' | 'passport_only';

export const interviewReasonLabels: Record<InterviewReason, string> = {
  minor: '申请人为未成年人',
  face_failed: '人脸核验未通过',
  face_skipped: '未进行人脸核验',
  passport_only: '申请人无居民身份证，无法进行人脸核验',
};

export interface InterviewContext {
  faceResult?: FaceStatus | null;
  /** Null/undefined: computed from the answers' birth date when a service is given. */
  applicantAge?: number | null;
  /** The applicant's ID type: 'resident_id', 'passport' or 'none'. */
  idType?: string | null;
  /** Age below which the applicant counts as a minor (default 18). */
  minorAge?: number;
}

/**
 * Why a video interview is required (empty: not required by these rules; staff may still
 * ask). Only mainland resident ID holders can use WeChat face verification, so anyone
 * else is "passport_only" rather than "face_skipped".
 */
export function interviewReasons(answers: unknown, context: InterviewContext, service?: ServiceDefinition, options?: EngineOptions): InterviewReason[] {
  const reasons: InterviewReason[] = [];
  const age = context.applicantAge ?? (service ? applicantAge(service, answers, options) : null);
  const minorAge = context.minorAge ?? service?.rules.interviewUnderAge ?? 18;
  if (age !== null && age < minorAge) reasons.push('minor');
  const canUseFace = context.idType === 'resident_id';
  if (!canUseFace) reasons.push('passport_only');
  else if (context.faceResult === 'failed') reasons.push('face_failed');
  else if (context.faceResult !== 'passed') reasons.push('face_skipped');
  const applies = service?.rules.interviewReasons;
  return applies ? reasons.filter((reason) => applies.includes(reason)) : reasons;
}

/** Who signs the declaration: a guardian signs for a young child. */
export function declarationSigner(service: ServiceDefinition, answers: unknown, options?: EngineOptions): 'applicant' | 'guardian' {
  const age = applicantAge(service, answers, options);
  const limit = service.rules.guardianSignsUnderAge;
  return limit !== undefined && age !== null && age < limit ? 'guardian' : 'applicant';
}

/** Fee codes that apply; amounts come from the mission's configuration. */
export function feeCodes(service: ServiceDefinition, answers: unknown, options?: EngineOptions): string[] {
  const effective = effectiveAnswers(service, answers, options);
  const context = contextOf(service, effective, options);
  return service.fees.filter((fee) => holds(fee.when, effective, context)).map((fee) => fee.code);
}

export function canWithdraw(service: ServiceDefinition, status: string): boolean {
  return service.rules.withdrawableStatuses.includes(status);
}
