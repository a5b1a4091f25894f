-- 视频面审 (video interviews, docs/interviews.md): slots staff open at the mission's wall
-- clock, the citizen's bookings, the calls staff start, one-use tickets that open the call
-- page, WebRTC signalling between the two sides (our server relays only signals, never
-- media) and the screenshots staff take during a call.

create table interview_slots (
  id          uuid primary key default gen_random_uuid(),
  mission_id  text not null references missions (id),
  -- Instants; the wall clock at the mission is computed when shown (a 09:00 slot stays
  -- 09:00 local across a DST change because it was converted at creation).
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  minutes     integer not null check (minutes > 0),
  created_by  uuid references staff (id),
  created_at  timestamptz not null default now(),
  cancelled_at timestamptz,
  cancel_note text,
  check (ends_at > starts_at)
);
-- One live slot per start: re-running the same creation request adds nothing. It is also
-- the index of the citizen's free-slot query (mission, starts_at range, not cancelled).
create unique index interview_slots_mission_start on interview_slots (mission_id, starts_at) where cancelled_at is null;

create table interview_bookings (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  slot_id        uuid not null references interview_slots (id),
  user_id        uuid not null references users (id) on delete cascade,
  status         text not null default 'booked' check (status in ('booked', 'cancelled', 'held', 'missed')),
  booked_at      timestamptz not null default now(),
  -- When it stopped being 'booked' (cancelled, held, missed).
  ended_at       timestamptz,
  -- Why: the mission's note when it cancelled the slot or marked the booking missed.
  note           text,
  updated_at     timestamptz not null default now()
);
-- Race safety: two citizens booking one slot at once, or one citizen booking twice at
-- once — the second insert fails on these, whatever the locking above them.
create unique index interview_bookings_slot_booked on interview_bookings (slot_id) where status = 'booked';
create unique index interview_bookings_application_booked on interview_bookings (application_id) where status = 'booked';
create index interview_bookings_application on interview_bookings (application_id, booked_at desc);

create table interview_calls (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  booking_id     uuid not null references interview_bookings (id),
  -- Denormalized: every signal request checks the caller's mission against it.
  mission_id     text not null references missions (id),
  status         text not null default 'open' check (status in ('open', 'ended')),
  started_by     uuid references staff (id),
  started_at     timestamptz not null default now(),
  ended_by       uuid references staff (id),
  ended_at       timestamptz,
  -- SHA-256 of the call page's bearer token (issued at join; a new join replaces it).
  citizen_token_hash bytea unique
);
-- Two reviewers pressing 发起面审 at once get the same call.
create unique index interview_calls_open_per_booking on interview_calls (booking_id) where status = 'open';
create index interview_calls_application on interview_calls (application_id, started_at desc);

-- The web-view URL carries a ticket, not the citizen's session: one use, minutes long.
create table interview_call_tickets (
  hash       bytea primary key,
  call_id    uuid not null references interview_calls (id) on delete cascade,
  user_id    uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- Signals (SDP offer/answer, ICE candidates, ready, hangup), read by the other side with
-- a long-poll "after seq". In the database, not in memory, so several instances share them.
create table interview_signals (
  seq        bigserial primary key,
  call_id    uuid not null references interview_calls (id) on delete cascade,
  from_side  text not null check (from_side in ('staff', 'citizen')),
  kind       text not null check (kind in ('ready', 'offer', 'answer', 'candidate', 'hangup')),
  data       jsonb,
  created_at timestamptz not null default now()
);
create index interview_signals_call on interview_signals (call_id, seq);

-- Screenshots staff take during the call: encrypted in the application file store (not
-- application_files, which lists the citizen's own uploads and is visible to them).
create table interview_screenshots (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  call_id        uuid references interview_calls (id) on delete set null,
  storage_key    text not null unique,
  mime           text not null,
  bytes          integer not null,
  sha256         text not null,
  taken_by       uuid not null references staff (id),
  taken_at       timestamptz not null default now()
);
create index interview_screenshots_application on interview_screenshots (application_id, taken_at);
