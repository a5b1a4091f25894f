-- 养老金资格认证 (server/pension): one row per certification that reached the pension
-- authority's queue — the push's state, the authority's answer, the 12-month deadline it
-- starts and the reminders sent before that deadline. The citizen-facing order is the
-- application row (service 'pension'); this is what is genuinely new.
create table pension_certifications (
  id                 uuid primary key default gen_random_uuid(),
  application_id     uuid not null unique references applications (id) on delete cascade,
  user_id            uuid not null references users (id) on delete cascade,
  mission_id         text not null references missions (id),
  -- The pensioner: the same keyed hash as applications.applicant_index (one person, any account).
  person_index       bytea not null,
  person_name        text not null,
  person_id_masked   text not null,
  agency_code        text not null,
  -- The authority de-duplicates on it: one per certification, the same on every retry.
  idempotency_key    text not null unique,
  push_state         text not null default 'queued'
                     check (push_state in ('queued', 'sent', 'accepted', 'rejected')),
  push_attempts      integer not null default 0,
  last_push_error    text,
  last_push_at       timestamptz,
  authority_ref      text,
  reject_reason      text,
  -- How identity was established: 'face' (WeChat face check) or 'interview' (staff after a video call).
  verified_by        text not null check (verified_by in ('face', 'interview')),
  expected_result_by date not null,
  result_at          timestamptz,
  -- Set when the authority accepts: the next certification is due 12 months later.
  certified_on       date,
  next_deadline      date,
  reminded_30_at     timestamptz,
  reminded_7_at      timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index pension_certifications_person on pension_certifications (user_id, person_index, created_at desc);
create index pension_certifications_mission on pension_certifications (mission_id, push_state, created_at desc);
create index pension_certifications_deadline on pension_certifications (next_deadline) where push_state = 'accepted';
