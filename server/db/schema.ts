import type { ColumnType, Generated } from 'kysely';

/**
 * Typed view of the tables the migrations create (server/db/migrations): one interface per
 * table, and `Database` at the end naming them all. A column a later migration adds goes into
 * its table's interface under a comment naming that migration — not into a second, merged
 * declaration (tests/server/architecture/schema-interfaces.test.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MissionTable {
  id: string;
  kind: 'embassy' | 'consulate_general';
  name_zh: string;
  name_en: string;
  country_code: string;
  country_zh: string;
  city_zh: string;
  city_en: string;
  address_zh: string;
  address_en: string;
  phone: string;
  hours_zh: string;
  timezone: string;
  district_zh: string[];
  sort_order: Generated<number>;
}

export interface UserTable {
  id: Generated<string>;
  openid: string;
  unionid: string | null;
  session_key_enc: string | null;
  mission_id: string | null;
  created_at: Generated<Date>;
  last_login_at: Timestamp;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: Buffer;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface UserSessionTable extends SessionTable {
  user_id: string;
}

export interface StaffSessionTable extends SessionTable {
  staff_id: string;
}

export interface IdentityTable {
  user_id: string;
  name: string;
  id_type: 'resident_id' | 'passport';
  id_number_enc: string;
  id_number_index: Buffer;
  id_number_masked: string;
  phone: string | null;
  email: string | null;
  verified_at: Timestamp;
}

export type StaffRole = 'reviewer' | 'supervisor' | 'admin';

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  mission_id: string;
  created_at: Generated<Date>;
  disabled_at: Date | null;
  /** May handle MFA / provincial legalization records (0012). */
  mfa_legalization: Generated<boolean>;
  // 0014: the reviewer's workstation (claims, supplement checklists, forced password change)
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface StaffLoginFailureTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_kind: 'citizen' | 'staff' | 'system';
  actor_id: string | null;
  mission_id: string | null;
  action: string;
  subject: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** A registered service's id (the `services` table, seeded from the registry). */
export type ApplicationServiceColumn = string;

export interface ApplicationTable {
  id: Generated<string>;
  user_id: string;
  mission_id: string;
  service: ApplicationServiceColumn;
  status: ColumnType<string, string | undefined, string>;
  answers_enc: string;
  current_step: string;
  applicant_index: Buffer | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  order_no: string | null;
  face_status: 'passed' | 'failed' | 'skipped' | null;
  face_person_index: Buffer | null;
  interview_reasons: ColumnType<string[], string[] | undefined, string[]>;
  fee_codes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  expires_at: Date | string | null;
  submitted_at: Date | string | null;
  withdrawn_at: Date | string | null;
  // 0004: review workflow
  version: ColumnType<number, number | undefined, number>;
  queue_at: Date | string | null;
  cross_district: ColumnType<boolean, boolean | undefined, boolean>;
  applicant_name: string | null;
  applicant_id_masked: string | null;
  applicant_id_tail: string | null;
  supplement_items: ColumnType<string[], string[] | undefined, string[]>;
  supplement_note: string | null;
  tracking_no: string | null;
  mail_old_passport: ColumnType<boolean, boolean | undefined, boolean>;
  collection: string | null;
  refund_due: ColumnType<boolean, boolean | undefined, boolean>;
  status_changed_at: Date | string | null;
  // 0006: draft expiry reminders, recurring jobs
  /** When the citizen was last reminded that this draft expires soon. */
  reminded_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
  // 0014: the reviewer's workstation (claims, supplement checklists, forced password change)
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ApplicationFileTable {
  id: Generated<string>;
  application_id: string;
  owner_user_id: string;
  doc_id: string;
  kind: 'id_photo' | 'image' | 'signature';
  storage_key: string;
  sha256: string;
  bytes: number;
  mime: string;
  encrypted: ColumnType<boolean, boolean | undefined, boolean>;
  check_ok: boolean;
  findings: ColumnType<Array<{ code: string; message: string; severity: 'error' | 'advice'; vars?: Record<string, string | number> }>, string | undefined, string>;
  created_at: Timestamp;
}

export interface FaceAttemptTable {
  id: Generated<string>;
  application_id: string;
  user_id: string;
  person_index: Buffer;
  out_seq_no: string;
  verify_id: string | null;
  cert_hash: string;
  openid: string;
  outcome: 'passed' | 'failed' | null;
  verify_ret: number | null;
  started_at: Timestamp;
  finished_at: Date | string | null;
}

export interface OrderSequenceTable {
  prefix: string;
  day: string;
  last_value: number;
}

// ── 0002: legalization registry, rate limits, consular information ──

export interface LegalizationImportBatchTable {
  id: Generated<string>;
  staff_id: string;
  mission_id: string;
  file_name: string | null;
  row_count: number;
  created_at: Generated<Date>;
  /** Which registry the batch fed (0017). */
  registry: Generated<'legalization' | 'apostille'>;
}

/** What every registry's record has beside its own fields: status, revocation, batch, author (0002, 0017). */
export interface RegistryRecordColumns {
  status: ColumnType<'genuine' | 'revoked', 'genuine' | 'revoked' | undefined, 'genuine' | 'revoked'>;
  revoked_at: Date | null;
  revoked_reason: string | null;
  batch_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface LegalizationRecordTable extends RegistryRecordColumns {
  id: Generated<string>;
  legalization_no: string;
  sticker_hash: Buffer;
  sticker_masked: string;
  authority_id: string;
  document_type: string;
  /** A `date`; read it with to_char(..., 'YYYY-MM-DD') to stay clear of time zones. */
  issued_on: ColumnType<Date, string, string>;
}

// ── 0017: apostille registry ──

export interface ApostilleRecordTable extends RegistryRecordColumns {
  id: Generated<string>;
  apostille_no: string;
  /** A `date`; read it with to_char(..., 'YYYY-MM-DD'). */
  issued_on: ColumnType<Date, string, string>;
  signer_name: string | null;
  signer_capacity: string | null;
  seal_of: string | null;
  authority_id: string;
}

export interface RateLimitBucketTable {
  bucket: string;
  window_started_at: Timestamp;
  hits: number;
}

type Json<T> = ColumnType<T, string, string>;

export interface NewsArticleTable {
  id: Generated<string>;
  mission_id: string;
  title: string;
  body: Json<unknown[]>;
  pinned: Generated<boolean>;
  published_at: Date | null;
  created_by: string;
  updated_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface TravelAlertTable {
  id: Generated<string>;
  country_code: string;
  level: 'take_care' | 'caution' | 'do_not_travel';
  title: string;
  body: string;
  effective_from: Timestamp;
  effective_until: Date | null;
  mission_id: string;
  created_by: string;
  created_at: Generated<Date>;
  ended_by: string | null;
  // 0010: citizen registration and targeted safety alerts
  region: ColumnType<string | null, string | null | undefined, string | null>;
  city: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DestinationGuideTable {
  country_code: string;
  sections: Json<Record<string, unknown[]>>;
  emergency_numbers: Json<Array<{ labelZh: string; number: string }>>;
  updated_by: string;
  updated_at: Timestamp;
}

// ── 0004: review workflow ──

export interface ApplicationHistoryTable {
  id: Generated<string>;
  application_id: string;
  at: Generated<Date>;
  actor_kind: 'citizen' | 'staff' | 'system';
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  from_status: string;
  to_status: string;
  note: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface MessageTable {
  id: Generated<string>;
  user_id: string;
  application_id: string | null;
  kind: 'status' | 'note';
  title: string;
  body: string;
  status: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
  // 0010: citizen registration and targeted safety alerts
  alert_id: ColumnType<string | null, string | null | undefined, string | null>;
  // 0015: passport expiry reminders (我的证件)
  passport_id: ColumnType<string | null, string | null | undefined, string | null>;
  // 0020: what it says as a catalogue key + parameters (message-center/message-catalogue.ts); null on older rows
  text_key: ColumnType<string | null, string | null | undefined, string | null>;
  text_params: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface SubscriptionQuotaTable {
  user_id: string;
  template_id: string;
  remaining: number;
  updated_at: Timestamp;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  mission_id: string | null;
  status: ColumnType<'pending' | 'running' | 'done' | 'failed', 'pending' | undefined, 'pending' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  backoff_ms: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  locked_until: Date | string | null;
  created_at: Generated<Date>;
  finished_at: Date | string | null;
  // 0006: draft expiry reminders, recurring jobs
  /** At most one job per key: recurring jobs use "<kind>@<slot start>". */
  dedupe_key: ColumnType<string | null, string | null | undefined, string | null>;
}

// ── 0005: payments ──

export type FeeOptionColumn = 'normal' | 'express' | 'urgent';

export interface MissionFeeTable {
  mission_id: string;
  fee_code: string;
  fee_option: FeeOptionColumn;
  amount_fen: number;
  currency: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type PaymentStatusColumn = 'pending' | 'paid' | 'closed' | 'not_required';

export interface PaymentItemColumn {
  code: string;
  label: string;
  option: FeeOptionColumn;
  amountFen: number;
}

export interface PaymentTable {
  id: Generated<string>;
  application_id: string;
  user_id: string;
  mission_id: string;
  out_trade_no: string;
  method: 'online' | 'at_mission';
  status: ColumnType<PaymentStatusColumn, PaymentStatusColumn | undefined, PaymentStatusColumn>;
  amount_fen: number;
  currency: string;
  fee_option: FeeOptionColumn;
  items: ColumnType<PaymentItemColumn[], string, string>;
  expires_at: Date | string | null;
  prepay_id: string | null;
  prepay_at: Date | string | null;
  payer_openid: string | null;
  paid_via: 'wechat' | 'counter' | null;
  paid_at: Date | string | null;
  transaction_id: string | null;
  receipt_no: string | null;
  settled_by: 'notification' | 'reconciliation' | 'counter' | null;
  marked_paid_by: string | null;
  closed_at: Date | string | null;
  last_checked_at: Date | string | null;
  last_check_result: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type RefundStatusColumn = 'requested' | 'processing' | 'succeeded' | 'abnormal' | 'closed' | 'failed';

export interface PaymentRefundTable {
  id: Generated<string>;
  payment_id: string;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: ColumnType<RefundStatusColumn, RefundStatusColumn | undefined, RefundStatusColumn>;
  wechat_refund_id: string | null;
  failure: string | null;
  requested_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  completed_at: Date | string | null;
}

export interface PaymentEventTable {
  id: Generated<string>;
  payment_id: string;
  mission_id: string;
  kind: string;
  source: 'citizen' | 'notification' | 'reconciliation' | 'staff' | 'system';
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  at: Generated<Date>;
}

// ── 0007: video interviews (视频面审) ──

export interface InterviewSlotTable {
  id: Generated<string>;
  mission_id: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  minutes: number;
  created_by: string | null;
  created_at: Generated<Date>;
  cancelled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancel_note: string | null;
}

export type InterviewBookingStatusColumn = 'booked' | 'cancelled' | 'held' | 'missed';

export interface InterviewBookingTable {
  id: Generated<string>;
  application_id: string;
  slot_id: string;
  user_id: string;
  status: ColumnType<InterviewBookingStatusColumn, InterviewBookingStatusColumn | undefined, InterviewBookingStatusColumn>;
  booked_at: Generated<Date>;
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  note: string | null;
  updated_at: Timestamp;
}

export interface InterviewCallTable {
  id: Generated<string>;
  application_id: string;
  booking_id: string;
  mission_id: string;
  status: ColumnType<'open' | 'ended', 'open' | 'ended' | undefined, 'open' | 'ended'>;
  started_by: string | null;
  started_at: Generated<Date>;
  ended_by: string | null;
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  citizen_token_hash: Buffer | null;
}

export interface InterviewCallTicketTable {
  hash: Buffer;
  call_id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: ColumnType<Date, Date, Date>;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface InterviewSignalTable {
  /** bigserial: comes back as a string. */
  seq: Generated<string>;
  call_id: string;
  from_side: 'staff' | 'citizen';
  kind: 'ready' | 'offer' | 'answer' | 'candidate' | 'hangup';
  data: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface InterviewScreenshotTable {
  id: Generated<string>;
  application_id: string;
  call_id: string | null;
  storage_key: string;
  mime: string;
  bytes: number;
  sha256: string;
  taken_by: string;
  taken_at: Generated<Date>;
}

// ── 0012: security hardening ──

export interface StaffSignInThrottleTable {
  bucket: string;
  username: string | null;
  ip: string | null;
  attempts: number;
  window_started_at: Generated<Date>;
  blocked_until: Date | null;
}

export interface StaffKnownAddressTable {
  staff_id: string;
  ip: string;
  last_seen_at: Generated<Date>;
}

export interface ApplicantObjectionTable {
  id: Generated<string>;
  application_id: string;
  user_id: string;
  mission_id: string;
  reason: string | null;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: 'voided' | 'dismissed' | null;
}

// ── 0008: the service registry's table (seeded from the registry at start) ──

export interface ServiceTable {
  id: string;
  title: string;
  order_code: string;
  registered_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

// ── 0009: pension certifications (server/pension) ──

export type PensionPushState = 'queued' | 'sent' | 'accepted' | 'rejected';

export interface PensionCertificationTable {
  id: Generated<string>;
  application_id: string;
  user_id: string;
  mission_id: string;
  person_index: Buffer;
  person_name: string;
  person_id_masked: string;
  agency_code: string;
  idempotency_key: string;
  push_state: ColumnType<PensionPushState, PensionPushState | undefined, PensionPushState>;
  push_attempts: ColumnType<number, number | undefined, number>;
  last_push_error: string | null;
  last_push_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  authority_ref: string | null;
  reject_reason: string | null;
  verified_by: 'face' | 'interview';
  /** `date` columns: read with to_char(…, 'YYYY-MM-DD') or as strings. */
  expected_result_by: ColumnType<string, string, string>;
  result_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  certified_on: ColumnType<string | null, string | null | undefined, string | null>;
  next_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  reminded_30_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  reminded_7_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

// ── 0013: many instances — files in the database, staged files ──

export interface FileChunkTable {
  storage_key: string;
  chunk_index: number;
  data: Buffer;
}

export interface FileStagingTable {
  storage_key: string;
  delete_after: ColumnType<Date, Date, Date>;
}

// ── 0010: citizen registration and targeted safety alerts ──

/** Dates (YYYY-MM-DD) come back as strings: the database types date columns that way (db/database.ts). */
export interface RegistrationTable {
  id: Generated<string>;
  user_id: string;
  relation: 'self' | 'spouse' | 'child' | 'parent';
  name: string;
  id_type: 'resident_id' | 'passport';
  id_number_enc: string;
  id_number_index: Buffer;
  id_number_masked: string;
  id_number_tail: string;
  birth_date: ColumnType<string, string, string>;
  phone_masked: string;
  details_enc: string;
  country_code: string;
  region: string;
  city: string;
  mission_id: string;
  purpose: 'student' | 'worker' | 'resident' | 'visitor';
  arrival_date: ColumnType<string, string, string>;
  departure_date: ColumnType<string | null, string | null, string | null>;
  status: ColumnType<'active' | 'ended' | 'deregistered', 'active' | undefined, 'active' | 'ended' | 'deregistered'>;
  end_reason: 'departed' | 'deregistered' | null;
  certificate_code: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  confirmed_at: Timestamp;
  confirm_prompted_at: Date | null;
  ended_at: Date | null;
}

export interface AlertDeliveryTable {
  alert_id: string;
  registration_id: string;
  user_id: string;
  answer: 'safe' | 'help' | null;
  answer_note: string | null;
  answered_at: Date | null;
}

export interface AlertNotificationTable {
  alert_id: string;
  user_id: string;
  subscription: 'pending' | 'sent' | 'no_quota' | 'failed';
}

// ── 0014: the reviewer's workstation (claims, supplement checklists, forced password change) ──

export interface SupplementReasonTable {
  id: Generated<string>;
  mission_id: string;
  item: string;
  text: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
}

// ── 0016: in-person appointments (到馆预约) ──

export interface AppointmentTypeTable {
  id: Generated<string>;
  mission_id: string;
  kind: 'video_interview' | 'fingerprints' | 'pickup';
  minutes: number;
  capacity: number;
  cutoff_hours: number;
  active: boolean;
  updated_at: Timestamp;
}

export interface AppointmentSlotTable {
  id: Generated<string>;
  type_id: string;
  mission_id: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  capacity: number;
  booked: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  cancelled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancel_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export type AppointmentBookingStatusColumn = 'booked' | 'cancelled' | 'checked_in' | 'no_show';

export interface AppointmentBookingTable {
  id: Generated<string>;
  application_id: string;
  slot_id: string;
  type_id: string;
  kind: 'fingerprints' | 'pickup';
  user_id: string;
  status: ColumnType<AppointmentBookingStatusColumn, AppointmentBookingStatusColumn | undefined, AppointmentBookingStatusColumn>;
  code: string;
  booked_at: Generated<Date>;
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  checked_in_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  checked_in_by: ColumnType<string | null, string | null | undefined, string | null>;
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

export interface AppointmentMailRequestTable {
  id: Generated<string>;
  application_id: string;
  mission_id: string;
  kind: 'fingerprints' | 'pickup';
  user_id: string;
  reason: string;
  status: ColumnType<'pending' | 'accepted' | 'refused', 'pending' | 'accepted' | 'refused' | undefined, 'pending' | 'accepted' | 'refused'>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  requested_at: Generated<Date>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
}

// ── 0015: passport expiry reminders (我的证件) ──

// missions.passport_reminder_months (smallint[], default {12,9,6}) is read with sql`` where
// needed, not declared on MissionTable, so mission rows elsewhere keep their shape.

export interface HeldPassportTable {
  id: Generated<string>;
  user_id: string;
  application_id: string | null;
  mission_id: string | null;
  holder_name: string | null;
  number_enc: string | null;
  number_masked: string | null;
  issue_date: ColumnType<string, string, string>;
  expiry_date: ColumnType<string, string, string>;
  dates_estimated: ColumnType<boolean, boolean | undefined, boolean>;
  renewal_application_id: string | null;
  removed_at: Date | null;
  created_at: Generated<Date>;
}

export interface PassportExpiryReminderTable {
  passport_id: string;
  months: number;
  sent_at: Generated<Date>;
}

/** Every table, by its name in SQL. */
export interface Database {
  // 0001–0003
  missions: MissionTable;
  users: UserTable;
  user_sessions: UserSessionTable;
  identities: IdentityTable;
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  staff_login_failures: StaffLoginFailureTable;
  audit_log: AuditLogTable;
  applications: ApplicationTable;
  application_files: ApplicationFileTable;
  face_attempts: FaceAttemptTable;
  order_sequences: OrderSequenceTable;
  legalization_import_batches: LegalizationImportBatchTable;
  legalization_records: LegalizationRecordTable;
  rate_limit_buckets: RateLimitBucketTable;
  news_articles: NewsArticleTable;
  travel_alerts: TravelAlertTable;
  destination_guides: DestinationGuideTable;
  // 0004: review workflow
  application_history: ApplicationHistoryTable;
  messages: MessageTable;
  subscription_quota: SubscriptionQuotaTable;
  jobs: JobTable;
  // 0005: payments
  mission_fees: MissionFeeTable;
  payments: PaymentTable;
  payment_refunds: PaymentRefundTable;
  payment_events: PaymentEventTable;
  // 0007: video interviews (视频面审)
  interview_slots: InterviewSlotTable;
  interview_bookings: InterviewBookingTable;
  interview_calls: InterviewCallTable;
  interview_call_tickets: InterviewCallTicketTable;
  interview_signals: InterviewSignalTable;
  interview_screenshots: InterviewScreenshotTable;
  // 0012: security hardening
  staff_sign_in_throttle: StaffSignInThrottleTable;
  staff_known_addresses: StaffKnownAddressTable;
  applicant_objections: ApplicantObjectionTable;
  // 0008: the service registry's table (seeded from the registry at start)
  services: ServiceTable;
  // 0009: pension certifications (server/pension)
  pension_certifications: PensionCertificationTable;
  // 0013: many instances — files in the database, staged files
  file_chunks: FileChunkTable;
  file_staging: FileStagingTable;
  // 0010: citizen registration and targeted safety alerts
  registrations: RegistrationTable;
  alert_deliveries: AlertDeliveryTable;
  alert_notifications: AlertNotificationTable;
  // 0014: the reviewer's workstation (claims, supplement checklists, forced password change)
  supplement_reasons: SupplementReasonTable;
  // 0015: passport expiry reminders (我的证件)
  held_passports: HeldPassportTable;
  passport_expiry_reminders: PassportExpiryReminderTable;
  // 0017: apostille registry
  apostille_records: ApostilleRecordTable;
  // 0016: in-person appointments (到馆预约)
  appointment_types: AppointmentTypeTable;
  appointment_slots: AppointmentSlotTable;
  appointment_bookings: AppointmentBookingTable;
  appointment_mail_requests: AppointmentMailRequestTable;
  // 0019: the passport issued for an order, recorded by staff
  issued_passports: IssuedPassportTable;
}

// ── 0019: the passport issued for an order, recorded by staff ──

export interface IssuedPassportTable {
  application_id: string;
  number_enc: string;
  number_masked: string;
  issue_date: ColumnType<string, string, string>;
  expiry_date: ColumnType<string, string, string>;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | undefined, Date>;
}
