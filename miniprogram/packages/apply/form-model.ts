/**
 * What the step-form page renders, computed from a service definition and the answers with
 * the engine (domain/services/engine.ts). Pure — no wx — so any service definition renders
 * through the same code, and the tests can call it directly.
 */
import type { UploadedDocument } from './domain/services/application-api-types';
import type { Answers, FieldDefinition, ServiceDefinition, StepDefinition } from './domain/services/definition-types';
import {
  applicableDocuments,
  applicantAge,
  declarationSigner,
  effectiveAnswers,
  type FaceStatus,
  interviewReasonLabels,
  type InterviewReason,
  pathThrough,
  visibleFields,
} from './domain/services/engine';
import { isRequired } from './domain/services/field-validation';
import { type ApplicationFee, FEE_OPTION_LABELS, formatFen } from './domain/services/payment-api-types';
import { fill, t } from './text';
import { COUNTRIES, countryLabel } from './domain/countries';

export type Control = 'input' | 'textarea' | 'radio' | 'checkbox' | 'picker' | 'date';

export interface OptionView {
  value: string;
  label: string;
  hint: string;
}

export interface FieldView {
  id: string;
  label: string;
  control: Control;
  /** t-input's type (keyboard). */
  inputType: string;
  hint: string;
  placeholder: string;
  required: boolean;
  value: string;
  checked: boolean;
  /** Picker/date: what the cell shows. */
  display: string;
  options: OptionView[];
  maxlength: number;
  dateStart: string;
  dateEnd: string;
  error: string;
}

const CONTROL: Record<FieldDefinition['type'], Control> = {
  text: 'input',
  pinyin: 'input',
  phone: 'input',
  email: 'input',
  address: 'textarea',
  textarea: 'textarea',
  radio: 'radio',
  checkbox: 'checkbox',
  select: 'picker',
  country: 'picker',
  date: 'date',
};

const INPUT_TYPE: Partial<Record<FieldDefinition['type'], string>> = { phone: 'text', email: 'text' };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function addYears(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
}

/** The date picker's range from the field's validators (past dates end today, future ones start today). */
function dateRange(field: FieldDefinition, today: Date): { start: string; end: string } {
  const validators = field.validators ?? [];
  const start = validators.some((v) => v === 'notPastDate' || v === 'futureDate') ? isoDay(today) : '1900-01-01';
  const end = validators.some((v) => v === 'notFutureDate' || v === 'pastDate') ? isoDay(today) : isoDay(addYears(today, 30));
  return { start, end };
}

function optionsOf(field: FieldDefinition): OptionView[] {
  if (field.type === 'country') return COUNTRIES.map((c) => ({ value: c.value, label: c.label, hint: '' }));
  return (field.options ?? []).map((o) => ({ value: o.value, label: o.label, hint: o.hint ?? '' }));
}

/** How an answer reads on screen: option labels, country names, 是 for a ticked box. */
export function displayValue(field: FieldDefinition, value: unknown): string {
  if (value === true) return t.apply.yes;
  if (typeof value !== 'string' || value === '') return '';
  if (field.type === 'country') return countryLabel(value);
  if (field.options) return field.options.find((o) => o.value === value)?.label ?? value;
  return value;
}

/** The step's visible fields with values and messages, ready for the template. */
export function fieldViews(
  service: ServiceDefinition,
  stepId: string,
  answers: Answers,
  errors: Record<string, string>,
  today: Date = new Date(),
): FieldView[] {
  const context = { age: applicantAge(service, answers, { today }) };
  return visibleFields(service, stepId, answers, { today }).map((field) => {
    const raw = answers[field.id];
    const value = typeof raw === 'string' ? raw : '';
    const { start, end } = dateRange(field, today);
    const control = CONTROL[field.type] ?? 'input';
    const options = control === 'radio' || control === 'picker' ? optionsOf(field) : [];
    return {
      id: field.id,
      label: field.label,
      control,
      inputType: INPUT_TYPE[field.type] ?? 'text',
      hint: field.hint ?? '',
      placeholder: field.placeholder ?? (control === 'picker' ? t.apply.choose : control === 'date' ? t.apply.chooseDate : ''),
      required: isRequired(field, answers, context),
      value,
      checked: raw === true,
      display: displayValue(field, raw),
      options,
      maxlength: field.maxLength ?? -1,
      dateStart: start,
      dateEnd: end,
      error: errors[field.id] ?? '',
    };
  });
}

export interface DocumentView {
  id: string;
  label: string;
  hint: string;
  kind: string;
  required: boolean;
  /** Uploaded and passed the server's checks. */
  ok: boolean;
  uploaded: boolean;
  errors: string[];
  advice: string[];
  /** A message from this page (missing, too large, rejected). */
  message: string;
}

/** The documents asked for on one step, with what the server said about each upload. */
export function stepDocuments(
  service: ServiceDefinition,
  stepId: string,
  answers: Answers,
  uploaded: readonly UploadedDocument[],
  messages: Record<string, string> = {},
): DocumentView[] {
  return applicableDocuments(service, answers)
    .filter((doc) => doc.document.step === stepId)
    .map(({ document, required }) => {
      const upload = uploaded.find((u) => u.docId === document.id);
      return {
        id: document.id,
        label: document.label,
        hint: document.hint ?? '',
        kind: document.kind,
        required,
        ok: !!upload?.ok,
        uploaded: !!upload,
        errors: (upload?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.message),
        advice: (upload?.findings ?? []).filter((f) => f.severity === 'advice').map((f) => f.message),
        message: messages[document.id] ?? '',
      };
    });
}

export interface ProgressView {
  index: number;
  total: number;
  percent: number;
  label: string;
}

type Part = keyof typeof t.apply.parts;

const PART_OF_KIND: Record<StepDefinition['kind'], Part> = {
  eligibility: 'details',
  form: 'details',
  signature: 'declaration',
  photo: 'materials',
  documents: 'materials',
  delivery: 'delivery',
  face: 'face',
  review: 'review',
};

/**
 * Where the citizen is, in parts (填写申请信息 → … → 确认提交): consecutive steps of one kind of
 * work form a part. A branch (renewal or replacement, a guardian for a child) adds or drops
 * steps inside 填写申请信息 — the part count does not jump, as a step count did (共11步 → 共13步).
 * The bar moves through each part by the steps on the citizen's path.
 */
export function progressOf(service: ServiceDefinition, stepId: string, answers: Answers): ProgressView {
  const path = pathThrough(service, answers);
  const parts: Array<{ part: Part; steps: string[] }> = [];
  for (const step of path) {
    const part = PART_OF_KIND[step.kind] ?? 'details';
    if (parts[parts.length - 1]?.part === part) parts[parts.length - 1].steps.push(step.id);
    else parts.push({ part, steps: [step.id] });
  }
  const index = Math.max(0, parts.findIndex((p) => p.steps.includes(stepId)));
  const current = parts[index];
  const within = current ? (current.steps.indexOf(stepId) + 1) / current.steps.length : 0;
  const total = parts.length;
  return {
    index,
    total,
    percent: total ? Math.round(((index + within) / total) * 100) : 0,
    label: fill(t.apply.partOf, { n: String(index + 1), total: String(total), part: current ? t.apply.parts[current.part] : '' }),
  };
}

export interface ReviewRow {
  label: string;
  value: string;
}

export interface ReviewSection {
  stepId: string;
  title: string;
  rows: ReviewRow[];
}

const FACE_LABEL = (status: FaceStatus | null | undefined) => (status ? t.apply.faceStatus[status] : t.apply.faceStatus.none);

/**
 * Everything the citizen entered, step by step along the path, each with an edit link:
 * only answers that count (effectiveAnswers), documents with their state, the face check.
 */
export function reviewSections(
  service: ServiceDefinition,
  answers: Answers,
  uploaded: readonly UploadedDocument[],
  faceStatus: FaceStatus | null,
): ReviewSection[] {
  const effective = effectiveAnswers(service, answers);
  const documents = applicableDocuments(service, answers);
  const sections: ReviewSection[] = [];
  for (const step of pathThrough(service, answers)) {
    if (step.kind === 'review') continue;
    const rows: ReviewRow[] = visibleFields(service, step.id, effective)
      .filter((field) => field.type !== 'checkbox' || effective[field.id] === true)
      .map((field) => ({ label: field.label, value: displayValue(field, effective[field.id]) || t.apply.review.empty }));
    for (const { document, required } of documents.filter((d) => d.document.step === step.id)) {
      const upload = uploaded.find((u) => u.docId === document.id);
      const state = upload ? (upload.ok ? t.apply.docUploaded : t.apply.docFailed + upload.findings.map((f) => f.message).join('；')) : required ? t.apply.review.empty : t.apply.optional;
      rows.push({ label: document.label, value: state });
    }
    if (step.kind === 'face') rows.push({ label: t.apply.review.face, value: FACE_LABEL(faceStatus) });
    sections.push({ stepId: step.id, title: step.title, rows });
  }
  return sections;
}

export function interviewLabels(reasons: readonly InterviewReason[]): string[] {
  return reasons.map((reason) => interviewReasonLabels[reason] ?? reason);
}

export function feeLabels(service: ServiceDefinition, codes: readonly string[]): string[] {
  return codes.map((code) => service.fees.find((fee) => fee.code === code)?.label ?? code);
}

export interface FeeView {
  lines: Array<{ code: string; label: string; amount: string }>;
  total: string;
  note: string;
}

/**
 * The review step's fee, priced by the server from the mission's fee table and the answers
 * (GET /api/applications/:id/fee) — the amount the pay page will show, fixed on submission.
 */
export function feeView(fee: ApplicationFee): FeeView {
  const note = fill(t.apply.review.feeNote, { option: FEE_OPTION_LABELS[fee.option] });
  return {
    lines: fee.items.map((item) => ({ code: item.code, label: item.label, amount: formatFen(item.amountFen, fee.currency) })),
    total: fill(t.apply.review.feeTotal, { amount: formatFen(fee.amountFen, fee.currency) }),
    note: fee.refundNote ? fill(t.apply.review.feeNoteWithRefund, { note, refund: fee.refundNote }) : note,
  };
}

/** Who signs the declaration, as a sentence. */
export function signerText(service: ServiceDefinition, answers: Answers): string {
  return t.apply.signer[declarationSigner(service, answers)];
}

/**
 * Server errors by where they belong on this step: field ids (VALIDATION_FAILED),
 * `documents.<id>` and `face` (STEP_INCOMPLETE), `<step>.<field>` (SUBMISSION_INCOMPLETE).
 */
export function splitServerErrors(fields: Record<string, string> | undefined, stepId: string) {
  const fieldErrors: Record<string, string> = {};
  const documentErrors: Record<string, string> = {};
  let face = '';
  const elsewhere: Array<{ key: string; stepId: string; message: string }> = [];
  for (const [key, message] of Object.entries(fields ?? {})) {
    const dot = key.indexOf('.');
    if (key === 'face') face = message;
    else if (dot < 0) fieldErrors[key] = message;
    else if (key.slice(0, dot) === 'documents') documentErrors[key.slice(dot + 1)] = message;
    else if (key.slice(0, dot) === stepId) fieldErrors[key.slice(dot + 1)] = message;
    else elsewhere.push({ key, stepId: key.slice(0, dot), message });
  }
  return { fieldErrors, documentErrors, face, elsewhere };
}

/**
 * Where to open a draft: the server's resume step when it is on the path, else the first
 * incomplete one, else the first step.
 */
export function resumeStep(service: ServiceDefinition, answers: Answers, currentStep: string, firstIncomplete: string | null): StepDefinition {
  const path = pathThrough(service, answers);
  return path.find((s) => s.id === currentStep) ?? path.find((s) => s.id === firstIncomplete) ?? path[0] ?? service.steps[0];
}

/**
 * A self-application's names and phone from the verified identity, when still empty. The
 * surname is the first character (the citizen corrects a compound surname).
 */
export function prefillFromIdentity(
  stepFields: readonly string[],
  answers: Answers,
  identity: { name: string; phone: string | null } | null,
): Answers {
  if (!identity || answers.applicantRelation !== 'self') return {};
  const prefill: Answers = {};
  const name = identity.name.trim();
  const empty = (id: string) => stepFields.includes(id) && (answers[id] === undefined || answers[id] === '');
  if (/^[\u4e00-\u9fa5·]{2,}$/.test(name) && empty('surnameZh') && empty('givenNameZh')) {
    prefill.surnameZh = name.slice(0, 1);
    prefill.givenNameZh = name.slice(1);
  }
  if (identity.phone && empty('phone')) prefill.phone = identity.phone;
  return prefill;
}
