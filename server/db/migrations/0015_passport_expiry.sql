-- Passport expiry reminders that open a ready renewal (issue 17; docs/expiry-reminders.md).

-- How many months before a passport expires its holder is reminded, per mission. The
-- default follows the missions' own advice (renew with less than a year left) and the entry
-- rule of many countries (six months' validity), with one reminder in between.
alter table missions
  add column passport_reminder_months smallint[] not null default '{12,9,6}'
    check (cardinality(passport_reminder_months) between 1 and 6
           and 0 < all (passport_reminder_months) and 24 >= all (passport_reminder_months));

-- The passports an account's people hold ("我的证件"): one row per passport a completed
-- application of the account produced (application_id set; for the citizen or a family
-- member they applied for), or that the citizen added in 我的 (number sealed like
-- identities.id_number_enc, only the masked form in clear). A removed row stays, hidden,
-- so the completed application does not bring it back and nothing is reminded.
create table held_passports (
  id               uuid primary key default gen_random_uuid(),
  user_id          uuid not null references users (id) on delete cascade,
  application_id   uuid unique references applications (id) on delete cascade,
  -- The mission whose reminder months apply (the application's, or the account's at adding).
  mission_id       text references missions (id),
  -- For a family member: their name from the application; null = the account's own.
  holder_name      text,
  number_enc       text,
  number_masked    text,
  issue_date       date not null,
  expiry_date      date not null,
  -- True when the dates were derived from the order (issued when production finished,
  -- 10 years' validity, 5 under 16), not read from the passport.
  dates_estimated  boolean not null default false,
  -- The renewal draft the reminder opened (reused while it is a draft).
  renewal_application_id uuid references applications (id) on delete set null,
  removed_at       timestamptz,
  created_at       timestamptz not null default now(),
  check (expiry_date > issue_date)
);
create index held_passports_user on held_passports (user_id) where removed_at is null;
create index held_passports_expiry on held_passports (expiry_date) where removed_at is null;

-- Once each: one row per passport and reminder month, inserted by the sweep with
-- ON CONFLICT DO NOTHING … RETURNING, so however many instances sweep at once, each
-- reminder is written (message + subscription job) by exactly one of them.
create table passport_expiry_reminders (
  passport_id uuid not null references held_passports (id) on delete cascade,
  months      smallint not null,
  sent_at     timestamptz not null default now(),
  primary key (passport_id, months)
);

-- A 消息中心 message about a passport opens its renewal.
alter table messages add column passport_id uuid references held_passports (id) on delete set null;
