-- Review workflow: order state machine bookkeeping (version, queue place, district),
-- status history, the citizen's message center, one-time subscription quotas and a
-- Postgres-backed job queue (outbox) for WeChat subscription messages.

alter table applications
  -- Optimistic locking: every status change bumps it; a stale version is a 409.
  add column version integer not null default 0,
  -- Place in the review queue: the first time the order reached 待审核. Never moved by a
  -- resubmission after supplements, so the order comes back at its original place.
  add column queue_at timestamptz,
  -- The applicant's address abroad is outside the mission's consular district (跨领区, see
  -- docs/review-workflow.md). Stored this way round so the queue's "in-district first"
  -- order is ascending on every key: (cross_district, queue_at, id).
  add column cross_district boolean not null default false,
  -- Denormalized for the queue (staff see names and masked numbers only).
  add column applicant_name text,
  add column applicant_id_masked text,
  -- Last four characters of the applicant's ID number, upper-case: the "masked identity" search key.
  add column applicant_id_tail text,
  -- Open supplement request: which items (document ids, or 'other') and the staff note.
  add column supplement_items text[] not null default '{}',
  add column supplement_note text,
  add column tracking_no text,
  -- From the answers at submission, for the citizen's next-step hints.
  add column mail_old_passport boolean not null default false,
  add column collection text,
  -- Rejected and refundable: payment module refunds (or a supervisor does by hand).
  add column refund_due boolean not null default false,
  add column status_changed_at timestamptz;

-- Keyset pagination on (cross_district, queue_at, id) within a mission: per status, or over
-- every order still in progress (active).
create index applications_queue_by_status on applications (mission_id, status, cross_district, queue_at, id)
  where queue_at is not null;
create index applications_queue_active on applications (mission_id, cross_district, queue_at, id)
  where active and queue_at is not null;
create index applications_queue_id_tail on applications (mission_id, applicant_id_tail) where queue_at is not null;
create index applications_order_no_pattern on applications (order_no text_pattern_ops);

create table application_history (
  id             bigserial primary key,
  application_id uuid not null references applications (id) on delete cascade,
  at             timestamptz not null default now(),
  actor_kind     text not null check (actor_kind in ('citizen', 'staff', 'system')),
  actor_id       text,
  actor_role     text,
  action         text not null,
  from_status    text not null,
  to_status      text not null,
  note           text,
  data           jsonb not null default '{}'
);
create index application_history_app on application_history (application_id, id);

-- The citizen's 消息中心.
create table messages (
  id             uuid primary key default gen_random_uuid(),
  user_id        uuid not null references users (id) on delete cascade,
  application_id uuid references applications (id) on delete cascade,
  kind           text not null check (kind in ('status', 'note')),
  title          text not null,
  body           text not null,
  status         text,
  created_at     timestamptz not null default now(),
  read_at        timestamptz
);
create index messages_user on messages (user_id, created_at desc, id desc);
create index messages_user_unread on messages (user_id) where read_at is null;

-- One-time subscription messages: each "accept" in wx.requestSubscribeMessage allows one send.
create table subscription_quota (
  user_id     uuid not null references users (id) on delete cascade,
  template_id text not null,
  remaining   integer not null default 0 check (remaining >= 0),
  updated_at  timestamptz not null default now(),
  primary key (user_id, template_id)
);

-- Jobs (outbox): written in the business transaction, run by the in-process worker,
-- retried with exponential backoff. Staff see them at GET /api/console/jobs.
create table jobs (
  id           bigserial primary key,
  kind         text not null,
  payload      jsonb not null default '{}',
  mission_id   text,
  status       text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
  run_at       timestamptz not null default now(),
  attempts     integer not null default 0,
  max_attempts integer not null default 8,
  backoff_ms   integer not null default 30000,
  last_error   text,
  locked_until timestamptz,
  created_at   timestamptz not null default now(),
  finished_at  timestamptz
);
create index jobs_due on jobs (run_at) where status in ('pending', 'running');
create index jobs_recent on jobs (created_at desc, id desc);
