-- Payments (issue 4): per-mission fee tables, one payment per order (its amount fixed at
-- submission), refunds, and an event log that reconciliation and staff read.

create table mission_fees (
  mission_id  text not null references missions (id) on delete cascade,
  -- A fee code of a service definition (passport, travel_document, emergency_travel…).
  fee_code    text not null,
  fee_option  text not null check (fee_option in ('normal', 'express', 'urgent')),
  -- Minor units of `currency` (fen for CNY): integers only, never floating point.
  amount_fen  integer not null check (amount_fen >= 0 and amount_fen <= 100000000),
  currency    char(3) not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  updated_at  timestamptz not null default now(),
  updated_by  uuid references staff (id) on delete set null,
  primary key (mission_id, fee_code, fee_option)
);

create table payments (
  id               uuid primary key default gen_random_uuid(),
  application_id   uuid not null unique references applications (id) on delete cascade,
  user_id          uuid not null references users (id) on delete cascade,
  mission_id       text not null references missions (id),
  -- Our order number, sent to WeChat Pay as out_trade_no.
  out_trade_no     text not null unique,
  method           text not null check (method in ('online', 'at_mission')),
  status           text not null default 'pending' check (status in ('pending', 'paid', 'closed', 'not_required')),
  -- Fixed at submission; what the order costs whatever the fee table says later.
  amount_fen       integer not null check (amount_fen >= 0),
  currency         char(3) not null,
  fee_option       text not null,
  -- [{code, label, option, amountFen}] as priced at submission.
  items            jsonb not null default '[]',
  -- Online: an unpaid order is closed after this.
  expires_at       timestamptz,
  prepay_id        text,
  prepay_at        timestamptz,
  payer_openid     text,
  paid_via         text check (paid_via in ('wechat', 'counter')),
  paid_at          timestamptz,
  transaction_id   text unique,
  receipt_no       text,
  -- Who established the payment: the notification, a query by reconciliation, staff at the counter.
  settled_by       text check (settled_by in ('notification', 'reconciliation', 'counter')),
  marked_paid_by   uuid references staff (id) on delete set null,
  closed_at        timestamptz,
  -- Reconciliation's last look at WeChat for this order, and what it found.
  last_checked_at  timestamptz,
  last_check_result text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (status <> 'paid' or (paid_via is not null and paid_at is not null))
);
create index payments_pending on payments (expires_at) where status = 'pending';
create index payments_mission on payments (mission_id, created_at desc);

create table payment_refunds (
  id               uuid primary key default gen_random_uuid(),
  payment_id       uuid not null references payments (id) on delete cascade,
  out_refund_no    text not null unique,
  amount_fen       integer not null check (amount_fen > 0),
  reason           text not null,
  -- requested: sent (or about to be) with the outcome unknown; failed: WeChat refused it.
  status           text not null default 'requested'
                   check (status in ('requested', 'processing', 'succeeded', 'abnormal', 'closed', 'failed')),
  wechat_refund_id text,
  failure          text,
  requested_by     uuid references staff (id) on delete set null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  completed_at     timestamptz
);
create index payment_refunds_payment on payment_refunds (payment_id, created_at);
create index payment_refunds_open on payment_refunds (updated_at) where status in ('requested', 'processing');

-- What happened to a payment and who or what did it (staff read it; reconciliation writes it).
create table payment_events (
  id          uuid primary key default gen_random_uuid(),
  payment_id  uuid not null references payments (id) on delete cascade,
  mission_id  text not null,
  kind        text not null,
  source      text not null check (source in ('citizen', 'notification', 'reconciliation', 'staff', 'system')),
  detail      jsonb not null default '{}',
  at          timestamptz not null default now()
);
create index payment_events_payment on payment_events (payment_id, at);
create index payment_events_mission on payment_events (mission_id, at desc);
