-- Applications (passport / travel document, emergency travel certificate): drafts and
-- orders in one table, their files, face-verification attempts, order-number sequences.

create table applications (
  id                uuid primary key default gen_random_uuid(),
  user_id           uuid not null references users (id) on delete cascade,
  mission_id        text not null references missions (id),
  service           text not null check (service in ('passport', 'emergency_travel')),
  status            text not null default 'draft',
  -- AES-256-GCM ciphertext of the answers (JSON): names, ID numbers, addresses.
  answers_enc       text not null,
  current_step      text not null,
  -- Keyed hash of the applicant's identity, set on submission.
  applicant_index   bytea,
  -- Holds the applicant's one active application per service (one applicant, one mission).
  active            boolean not null default false,
  order_no          text unique,
  face_status       text check (face_status in ('passed', 'failed', 'skipped')),
  -- Whose face was checked: a later change of applicant voids the outcome.
  face_person_index bytea,
  interview_reasons text[] not null default '{}',
  fee_codes         text[] not null default '{}',
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  expires_at        timestamptz,
  submitted_at      timestamptz,
  withdrawn_at      timestamptz,
  check (not active or applicant_index is not null)
);
-- Race-safe "one active application per applicant and service, across all missions".
create unique index applications_one_active on applications (applicant_index, service) where active;
create index applications_user on applications (user_id, created_at desc);
create index applications_mission_status on applications (mission_id, status);
create index applications_draft_expiry on applications (expires_at) where status = 'draft';

create table application_files (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  owner_user_id  uuid not null references users (id) on delete cascade,
  doc_id         text not null,
  kind           text not null check (kind in ('id_photo', 'image', 'signature')),
  -- Opaque key in the file store (no personal data in names).
  storage_key    text not null unique,
  -- Of the stored (normalized, unencrypted) content.
  sha256         text not null,
  bytes          integer not null,
  mime           text not null,
  encrypted      boolean not null default true,
  -- False when a check found an error: must be replaced before submission.
  check_ok       boolean not null,
  findings       jsonb not null default '[]',
  created_at     timestamptz not null default now(),
  unique (application_id, doc_id)
);

create table face_attempts (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  user_id        uuid not null references users (id) on delete cascade,
  -- Keyed hash of the person checked: the daily limit is per person, across services.
  person_index   bytea not null,
  out_seq_no     text not null unique,
  verify_id      text unique,
  cert_hash      text not null,
  openid         text not null,
  outcome        text check (outcome in ('passed', 'failed')),
  verify_ret     integer,
  started_at     timestamptz not null default now(),
  finished_at    timestamptz
);
create index face_attempts_person on face_attempts (person_index, started_at);

-- Per mission + service + local day counters behind order numbers (USNY-P-250615-0001).
create table order_sequences (
  prefix     text not null,
  day        text not null,
  last_value integer not null,
  primary key (prefix, day)
);
