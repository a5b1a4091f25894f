-- Issue 13: security hardening.

-- Legalization records of the Ministry (MFA) and provincial foreign affairs offices are
-- handled only by staff holding this role; mission staff handle their own mission's.
alter table staff add column mfa_legalization boolean not null default false;

-- Staff sign-in throttling, one row per bucket: 'addr:<ip>' (every account from one
-- address), 'acct:<username>' (one account from unknown addresses), 'acct-addr:<username>|<ip>'
-- (exponential backoff). Attempts are reserved by one conditional upsert before the password
-- is checked, so concurrent guesses cannot all slip under the limit.
create table staff_sign_in_throttle (
  bucket            text primary key,
  username          text,
  ip                text,
  attempts          integer not null,
  window_started_at timestamptz not null default now(),
  blocked_until     timestamptz
);
create index staff_sign_in_throttle_username on staff_sign_in_throttle (username);

-- Addresses an account has signed in from: a right password from one of them is let in even
-- while the account is locked for everyone else (so guessing cannot lock the owner out).
create table staff_known_addresses (
  staff_id     uuid not null references staff (id) on delete cascade,
  ip           text not null,
  last_seen_at timestamptz not null default now(),
  primary key (staff_id, ip)
);

-- A verified identity holder's objection to an active application someone else made in
-- their name (their ID number); the mission's staff resolve it (void the application or not).
create table applicant_objections (
  id             uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  user_id        uuid not null references users (id) on delete cascade,
  mission_id     text not null references missions (id),
  reason         text,
  created_at     timestamptz not null default now(),
  resolved_at    timestamptz,
  resolved_by    uuid references staff (id),
  resolution     text check (resolution in ('voided', 'dismissed')),
  unique (application_id, user_id)
);
create index applicant_objections_open on applicant_objections (mission_id, created_at) where resolved_at is null;
