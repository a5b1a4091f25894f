/**
 * The shape of a service definition: plain data read by one step-form engine in the
 * mini-program and re-checked by the server (modelled on HMPO form wizard's `steps` +
 * `fields` files). A new service = a new definition file, not new pages.
 *
 * Answers are one flat object keyed by field id (field ids are unique within a service),
 * so a condition can refer to any field answered earlier on the path.
 */
import type { FeeOption } from './payment-api-types';

/**
 * A service's id (`passport`, `pension`, …). Open: the registry (service-registry.ts) is the
 * only list of services; nothing else enumerates them.
 */
export type ApplicationServiceId = string;

/** A test on the answers. Branches, required-ness, visibility and documents all use it. */
export type Condition =
  /** answers[field] === value */
  | { field: string; value: string | boolean }
  /** answers[field] is one of */
  | { field: string; in: readonly string[] }
  /** answers[field] is a non-empty string / true */
  | { field: string; filled: boolean }
  /** Applicant's age (from the service's birth-date field) is below n. Unknown age → false. */
  | { ageUnder: number }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** A branch of `next`: a condition plus where it leads. The first match wins. */
export type Branch = Condition & { next: string };

export type FieldType =
  | 'text'
  | 'pinyin'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'country'
  | 'address';

/**
 * Named validators from the shared domain (identity.ts, contact.ts) and a few date rules.
 * `idNumber` reads the id type from the field named in `idTypeField`.
 */
export type ValidatorName =
  | 'personName'
  /** 社会保障号码: since 2011 the holder's 18-character resident ID number (GB 11643). */
  | 'socialSecurityNumber'
  | 'passportNumber'
  | 'residentId'
  | 'idNumber'
  | 'pastDate'
  | 'futureDate'
  | 'notFutureDate'
  | 'notPastDate';

export interface FieldOption {
  value: string;
  label: string;
  /** Short explanation under the option. */
  hint?: string;
  /** The option is offered only when this holds (e.g. mailing the old passport needs one). */
  when?: Condition;
}

export interface FieldDefinition {
  id: string;
  label: string;
  type: FieldType;
  hint?: string;
  placeholder?: string;
  options?: readonly FieldOption[];
  /** true, or only when a condition holds. A checkbox that is required must be ticked. */
  required?: boolean | Condition;
  /** Shown (and kept) only when this holds; hidden fields are dropped from the answers. */
  when?: Condition;
  validators?: readonly ValidatorName[];
  /** For the `idNumber` validator: the field holding 'resident_id' | 'passport'. */
  idTypeField?: string;
  maxLength?: number;
  /** For self-applications the UI may prefill from the verified identity ('name'). */
  prefillFromIdentity?: 'name';
}

export type StepKind = 'eligibility' | 'form' | 'documents' | 'signature' | 'photo' | 'face' | 'delivery' | 'review';

/** A refusal: the answers put the citizen outside this service (e.g. local residents). */
export interface Refusal {
  when: Condition;
  /** The field the message is shown under. */
  field: string;
  message: string;
  /** Where to send the citizen instead. */
  redirectService?: ApplicationServiceId;
}

export interface StepDefinition {
  id: string;
  title: string;
  kind: StepKind;
  /** Text shown above the fields (what is needed, what happens next). */
  intro?: string;
  /** Field ids, in display order. */
  fields: readonly string[];
  /** Document ids uploaded on this step (photo, documents, signature steps). */
  documents?: readonly string[];
  /** The step is on the path only when this holds; otherwise the flow passes through it. */
  when?: Condition;
  /** Branches (first match wins), then the default; absent → last step. */
  next?: { branches?: readonly Branch[]; default: string } | string;
  refusals?: readonly Refusal[];
  /** For signature steps: the declaration the citizen signs. */
  declaration?: { title: string; text: string };
}

export type DocumentKind = 'id_photo' | 'image' | 'signature';

export interface DocumentRequirement {
  id: string;
  label: string;
  kind: DocumentKind;
  hint?: string;
  /** The step it is uploaded on. */
  step: string;
  /** Applies (is asked for) only when this holds. */
  when?: Condition;
  /** Applicable but optional when false (e.g. endorsement pages). Default true. */
  required?: boolean;
}

export interface FeeItem {
  /** Amounts per code are per-mission configuration (the console's fee table). */
  code: string;
  label: string;
  when?: Condition;
  /**
   * The demo amounts (fen, CNY) a mission with an empty fee table starts from, per
   * processing option the fee offers; the mission sets its real table in the console.
   */
  demoAmountsFen?: Readonly<Partial<Record<FeeOption, number>>>;
}

/** Why a video interview is required (engine.ts computes them; a service says which apply). */
export type InterviewReasonName = 'minor' | 'face_failed' | 'face_skipped' | 'passport_only';

/**
 * A status change of the service's own workflow (see order-state-machine.ts, which holds the
 * standard one). `guard` chooses among the submission transitions; `enqueue` names a job the
 * change starts (in the same transaction), so a module reacts to a status without an `if`
 * on a service id.
 */
export interface WorkflowTransition {
  from: string;
  to: string;
  action: string;
  actor: 'citizen' | 'staff' | 'system';
  minimumRole?: 'reviewer' | 'supervisor' | 'admin';
  requires?: readonly ('note' | 'items' | 'trackingNo')[];
  guard?: { paysOnline?: boolean; interviewRequired?: boolean };
  /** A job to start with the change (retried with backoff: backoffMs · 2^(attempt-1), capped at 6 h). */
  enqueue?: { job: string; maxAttempts?: number; backoffMs?: number };
}

export interface ServiceRules {
  /** Statuses from which the citizen may withdraw. Emergency: none after submission. */
  withdrawableStatuses: readonly string[];
  /** Whether paid fees can be refunded when the application is withdrawn/refused. */
  refundable: boolean;
  /** A checkbox field that must be ticked before submission (emergency: no withdrawal, no refund). */
  confirmationField?: string;
  /** Age below which guardian details and documents are needed. */
  guardianUnderAge: number;
  /** Age below which the guardian signs the declaration. */
  guardianSignsUnderAge?: number;
  /** Age below which a video interview is required ("minor"); 0: never for age. */
  interviewUnderAge: number;
  /** Which interview reasons apply (default: all). */
  interviewReasons?: readonly InterviewReasonName[];
  /**
   * The field that decides how fees are paid: 'online' → 待支付, 'at_mission' → 待审核.
   * Absent: nothing to pay (a fee-free service has no `fees` either).
   */
  paymentMethodField?: string;
  /**
   * How the mission's district applies: 'residence' — the applicant's residence country and
   * address abroad decide in/cross-district; 'any' — every application counts as in-district
   * (a traveller in trouble is served where they are).
   */
  district: 'residence' | 'any';
  /** The service's own state machine; absent: the standard order workflow. */
  workflow?: readonly WorkflowTransition[];
  /**
   * One submission per applicant within this many months across accounts (a yearly
   * certification): another account's attempt is refused without saying whose it is.
   */
  oncePerApplicantWithinMonths?: number;
  /**
   * In-person appointments the service's orders need (docs/appointments.md), each only at a
   * mission that offers that appointment type (a mission's settings, not code).
   */
  appointments?: readonly AppointmentRule[];
}

/**
 * An in-person appointment an order needs: booked while the order is in `bookableIn`;
 * the staff `gates` actions are refused until it is taken (checked in at the counter) or
 * the citizen's request to do it by two-way mail was accepted.
 */
export interface AppointmentRule {
  kind: 'fingerprints' | 'pickup';
  bookableIn: readonly string[];
  /** Only orders collected this way (the `collection` answer): pickup at the counter is for 'mission'. */
  collection?: 'mission' | 'mail';
  gates?: readonly string[];
  /** The citizen may ask to do it by two-way mail instead (elderly, sick, far away). */
  mailException?: boolean;
}

/** Sentences a service adds to the shared ones (its text map's `messages`). */
export interface ServiceMessages {
  /** Shown when withdrawal is refused (emergency: 提交后不可撤回). */
  withdrawRefused?: string;
  /** oncePerApplicantWithinMonths: refused for another account, without naming it. */
  alreadyDoneElsewhere?: string;
  [key: string]: string | undefined;
}

export interface ServiceDefinition {
  id: ApplicationServiceId;
  title: string;
  /** One letter in order numbers (P, E). */
  orderCode: string;
  /** The field with the applicant's birth date (for age rules). */
  birthDateField?: string;
  /**
   * Which fields identify the applicant: `relation` ('self' → the verified identity),
   * else the ID type/number, or — for an applicant without any ID — name + birth date.
   */
  applicantFields: { relation: string; idType: string; idNumber: string; nameFields: readonly string[] };
  steps: readonly StepDefinition[];
  fields: Readonly<Record<string, FieldDefinition>>;
  documents: readonly DocumentRequirement[];
  fees: readonly FeeItem[];
  rules: ServiceRules;
  /** Service-specific sentences (from the text map). */
  messages?: ServiceMessages;
  /** What happens next, per status, where the service says it differently (from the text map). */
  statusHints?: Readonly<Record<string, string>>;
  /** Names of the service's own workflow actions (from the text map). */
  actionLabels?: Readonly<Record<string, string>>;
  /** Status names where the service says it differently (pension: 认证中, 认证未通过). */
  statusLabels?: Readonly<Record<string, string>>;
}

/** Answers as stored and sent: field id → string | boolean. Anything else is ignored. */
export type Answers = Record<string, unknown>;
