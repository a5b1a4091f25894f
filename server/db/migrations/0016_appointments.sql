-- 到馆预约 (docs/appointments.md): appointment types per mission — the video interview
-- (whose slots, bookings and calls stay in the 0007 tables), fingerprint collection and
-- document pickup at the counter — with their own slots, length, capacity and change
-- cut-off; bookings with a code staff scan at check-in; requests to do it by two-way mail.

create table appointment_types (
  id           uuid primary key default gen_random_uuid(),
  mission_id   text not null references missions (id),
  kind         text not null check (kind in ('video_interview', 'fingerprints', 'pickup')),
  minutes      integer not null check (minutes > 0),
  -- People per slot: a counter serves several at once; a video interview, one.
  capacity     integer not null default 1 check (capacity between 1 and 50),
  -- The citizen may move or cancel a booking until this many hours before it.
  cutoff_hours integer not null default 24 check (cutoff_hours between 0 and 168),
  -- An inactive type is not offered; a service rule needing it does not apply at this mission.
  active       boolean not null default true,
  updated_at   timestamptz not null default now(),
  unique (mission_id, kind)
);

-- No rows here: a mission's types are written with their defaults the first time its
-- staff open 预约设置 (server/appointments/appointment-types.ts); a kind without an active
-- row is not offered there and no service rule needs it.

create table appointment_slots (
  id           uuid primary key default gen_random_uuid(),
  type_id      uuid not null references appointment_types (id),
  mission_id   text not null references missions (id),
  starts_at    timestamptz not null,
  ends_at      timestamptz not null,
  capacity     integer not null check (capacity between 1 and 50),
  -- Seats taken by bookings that are not cancelled. Raised only by a conditional UPDATE
  -- (booked < capacity), so concurrent bookings can never overfill a slot; the CHECK is
  -- the last line.
  booked       integer not null default 0 check (booked >= 0 and booked <= capacity),
  created_by   uuid references staff (id),
  created_at   timestamptz not null default now(),
  cancelled_at timestamptz,
  cancel_note  text,
  check (ends_at > starts_at)
);
create unique index appointment_slots_type_start on appointment_slots (type_id, starts_at) where cancelled_at is null;
create index appointment_slots_mission_start on appointment_slots (mission_id, starts_at);

create table appointment_bookings (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  slot_id        uuid not null references appointment_slots (id),
  type_id        uuid not null references appointment_types (id),
  kind           text not null check (kind in ('fingerprints', 'pickup')),
  user_id        uuid not null references users (id) on delete cascade,
  status         text not null default 'booked' check (status in ('booked', 'cancelled', 'checked_in', 'no_show')),
  -- Shown as a QR code in the mini-program, scanned at the counter. Random, one per booking.
  code           text not null unique,
  booked_at      timestamptz not null default now(),
  ended_at       timestamptz,
  checked_in_at  timestamptz,
  checked_in_by  uuid references staff (id),
  -- The day-before reminder, set by the conditional UPDATE that sends it (once).
  reminded_at    timestamptz,
  note           text,
  updated_at     timestamptz not null default now()
);
-- One live booking per order and kind, whatever the races above it.
create unique index appointment_bookings_live on appointment_bookings (application_id, kind) where status = 'booked';
create index appointment_bookings_slot on appointment_bookings (slot_id);
create index appointment_bookings_application on appointment_bookings (application_id, booked_at desc);

-- 双向邮寄: the citizen asks to do it by mail (elderly, sick, far away); staff accept or refuse.
create table appointment_mail_requests (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  mission_id     text not null references missions (id),
  kind           text not null check (kind in ('fingerprints', 'pickup')),
  user_id        uuid not null references users (id) on delete cascade,
  reason         text not null,
  status         text not null default 'pending' check (status in ('pending', 'accepted', 'refused')),
  note           text,
  requested_at   timestamptz not null default now(),
  decided_at     timestamptz,
  decided_by     uuid references staff (id)
);
-- One open or accepted request per order and kind (a refused one may be followed by another).
create unique index appointment_mail_requests_live on appointment_mail_requests (application_id, kind) where status <> 'refused';
create index appointment_mail_requests_mission on appointment_mail_requests (mission_id, status, requested_at);
