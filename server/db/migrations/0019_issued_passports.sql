-- The passport a mission issued for an order (issue 17; docs/expiry-reminders.md): staff
-- record its number and printed dates when the order reaches 待领取 / 已寄出, so 我的证件 and
-- the expiry reminders use the real passport instead of an estimate. The number is sealed
-- like identities.id_number_enc; only the masked form is in clear. One row per order; a
-- supervisor's correction replaces it.
create table issued_passports (
  application_id uuid primary key references applications (id) on delete cascade,
  number_enc     text not null,
  number_masked  text not null,
  issue_date     date not null,
  expiry_date    date not null,
  recorded_by    uuid references staff (id) on delete set null,
  recorded_at    timestamptz not null default now(),
  check (expiry_date > issue_date)
);
