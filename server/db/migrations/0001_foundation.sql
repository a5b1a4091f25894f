-- Foundation: missions, citizens and their WeChat sessions, verified identities,
-- staff accounts and sessions, and the audit log.

create table missions (
  id           text primary key,
  kind         text not null check (kind in ('embassy', 'consulate_general')),
  name_zh      text not null,
  name_en      text not null,
  country_code char(2) not null,
  country_zh   text not null,
  city_zh      text not null,
  city_en      text not null,
  address_zh   text not null,
  address_en   text not null,
  phone        text not null,
  hours_zh     text not null,
  timezone     text not null,
  district_zh  text[] not null default '{}',
  sort_order   integer not null default 0
);

create table users (
  id             uuid primary key default gen_random_uuid(),
  openid         text not null unique,
  unionid        text,
  -- WeChat's session_key, encrypted; never sent to the client.
  session_key_enc text,
  mission_id     text references missions (id),
  created_at     timestamptz not null default now(),
  last_login_at  timestamptz not null default now()
);

create table user_sessions (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references users (id) on delete cascade,
  -- SHA-256 of the bearer token: a database leak does not leak usable tokens.
  token_hash   bytea not null unique,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);
create index user_sessions_user on user_sessions (user_id);

create table identities (
  user_id          uuid primary key references users (id) on delete cascade,
  name             text not null,
  id_type          text not null check (id_type in ('resident_id', 'passport')),
  -- AES-256-GCM ciphertext of the number (PIPL art. 28 sensitive data).
  id_number_enc    text not null,
  -- Keyed hash (HMAC-SHA-256) of type + number: finds an identity without decrypting.
  id_number_index  bytea not null unique,
  id_number_masked text not null,
  phone            text,
  email            text,
  verified_at      timestamptz not null default now()
);

create table staff (
  id            uuid primary key default gen_random_uuid(),
  username      text not null,
  display_name  text not null,
  password_hash text not null,
  role          text not null check (role in ('reviewer', 'supervisor', 'admin')),
  mission_id    text not null references missions (id),
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz
);
create unique index staff_username on staff (lower(username));

create table staff_sessions (
  id           uuid primary key default gen_random_uuid(),
  staff_id     uuid not null references staff (id) on delete cascade,
  token_hash   bytea not null unique,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);

-- Failed console sign-ins, for throttling password guessing per username and per address.
create table staff_login_failures (
  id         bigserial primary key,
  username   text not null,
  ip         text not null,
  at         timestamptz not null default now()
);
create index staff_login_failures_username on staff_login_failures (lower(username), at);
create index staff_login_failures_ip on staff_login_failures (ip, at);

create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  actor_kind  text not null check (actor_kind in ('citizen', 'staff', 'system')),
  actor_id    text,
  mission_id  text references missions (id),
  action      text not null,
  subject     text,
  detail      jsonb not null default '{}'
);
create index audit_log_mission_at on audit_log (mission_id, at desc);
