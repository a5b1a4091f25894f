-- Overseas citizen registration (海外中国公民登记) and safety alerts that reach the registered.

-- One row per registered person. The account that registered them owns the row (self,
-- spouse, children, parents). Identity numbers are sealed like identities.id_number_enc and
-- found by a blind index; contacts, address and notes are sealed together in details_enc.
-- Only what staff filter on (area, purpose, dates, status) and a masked phone stay in clear.
create table registrations (
  id               uuid primary key default gen_random_uuid(),
  user_id          uuid not null references users (id) on delete cascade,
  relation         text not null check (relation in ('self', 'spouse', 'child', 'parent')),
  name             text not null,
  id_type          text not null check (id_type in ('resident_id', 'passport')),
  id_number_enc    text not null,
  id_number_index  bytea not null,
  id_number_masked text not null,
  -- Last four characters, upper-case: the console's masked-identity search key.
  id_number_tail   text not null,
  birth_date       date not null,
  phone_masked     text not null,
  details_enc      text not null,
  country_code     char(2) not null,
  region           text not null,
  city             text not null,
  mission_id       text not null references missions (id),
  purpose          text not null check (purpose in ('student', 'worker', 'resident', 'visitor')),
  arrival_date     date not null,
  departure_date   date,
  status           text not null default 'active' check (status in ('active', 'ended', 'deregistered')),
  end_reason       text check (end_reason in ('departed', 'deregistered')),
  -- What the citizen shows at the mission (登记凭证), encoded in the certificate's QR code.
  certificate_code text not null unique,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  -- The yearly "is this still right?": confirmed (or updated) at; prompted once per year.
  confirmed_at     timestamptz not null default now(),
  confirm_prompted_at timestamptz,
  ended_at         timestamptz,
  check (departure_date is null or departure_date >= arrival_date)
);
-- Each person once per account (while registered); one "self" per account.
create unique index registrations_person_per_account on registrations (user_id, id_number_index) where status = 'active';
create unique index registrations_self_per_account on registrations (user_id) where status = 'active' and relation = 'self';
create index registrations_user on registrations (user_id, created_at);
-- Console lists per mission; alert fan-out per country / region; the expiry sweep.
create index registrations_mission on registrations (mission_id, status, region, city);
create index registrations_area on registrations (country_code, region) where status = 'active';
create index registrations_departure on registrations (departure_date) where status = 'active';
create index registrations_id_tail on registrations (mission_id, id_number_tail);

-- Alerts may target a region (state / province, one of the missions' district names) or a city.
alter table travel_alerts
  add column region text,
  add column city text;

-- The 消息中心 message of an alert links back to it (the 我平安 / 需要帮助 page).
-- Alerts are never deleted (they end), so no foreign keys from the fan-out's rows to them:
-- each would be one more index probe per registrant when an alert reaches 100 000 people.
alter table messages add column alert_id uuid;

-- Who an alert reached, per person, and their answer.
-- user_id is the registration's (no key of its own: the registration's cascade covers it).
create table alert_deliveries (
  alert_id        uuid not null,
  registration_id uuid not null references registrations (id) on delete cascade,
  user_id         uuid not null,
  answer          text check (answer in ('safe', 'help')),
  answer_note     text,
  answered_at     timestamptz,
  -- (alert, account) first: the citizen's page and answers look up by it; no second index to fill on fan-out.
  primary key (alert_id, user_id, registration_id)
);
create index alert_deliveries_answers on alert_deliveries (alert_id, answered_at) where answered_at is not null;

-- Per account with 安全提醒 quota when the alert went out: the subscription message's fate
-- (accounts without quota have no row; every account reached has one 消息中心 message).
create table alert_notifications (
  alert_id     uuid not null,
  user_id      uuid not null references users (id) on delete cascade,
  subscription text not null check (subscription in ('pending', 'sent', 'no_quota', 'failed')),
  primary key (alert_id, user_id)
);
