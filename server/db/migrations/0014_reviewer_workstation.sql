-- The reviewer's workstation (issue #16): the queue shows unpaid orders too, claims,
-- per-mission supplement checklists, forced password changes for staff accounts.

-- Queue order key: the first time the order reached 待审核, or — still unpaid (待支付) —
-- its submission. 全部进行中 lists unpaid orders as well, so the keyset indexes move to it.
drop index if exists applications_queue_by_status;
drop index if exists applications_queue_active;
create index applications_queue_key_by_status on applications (mission_id, status, cross_district, (coalesce(queue_at, submitted_at)), id)
  where coalesce(queue_at, submitted_at) is not null;
create index applications_queue_key_active on applications (mission_id, cross_district, (coalesce(queue_at, submitted_at)), id)
  where active and coalesce(queue_at, submitted_at) is not null;

-- Claim: the reviewer who holds the order (others see who; a supervisor reassigns).
alter table applications
  add column claimed_by uuid references staff (id),
  add column claimed_at timestamptz;

-- Common supplement reasons per document, editable per mission (the request dialog's checklist).
create table supplement_reasons (
  id          uuid primary key default gen_random_uuid(),
  mission_id  text not null references missions (id),
  -- A document id of the service (id_photo, passport_bio_page…), or 'other'.
  item        text not null,
  text        text not null check (length(text) between 1 and 200),
  position    integer not null default 0,
  created_at  timestamptz not null default now()
);
create index supplement_reasons_mission on supplement_reasons (mission_id, item, position);

-- A staff account an admin created or reset: the password must be changed at first sign-in.
alter table staff add column must_change_password boolean not null default false;
