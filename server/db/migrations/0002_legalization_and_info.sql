-- Consular legalization registry, request rate limits, and consular information
-- (news per mission, travel-safety alerts and destination guides per country).

create table legalization_import_batches (
  id          uuid primary key default gen_random_uuid(),
  staff_id    uuid not null references staff (id),
  mission_id  text not null references missions (id),
  file_name   text,
  row_count   integer not null,
  created_at  timestamptz not null default now()
);

create table legalization_records (
  id               uuid primary key default gen_random_uuid(),
  -- Normalized (upper case, no spaces or hyphens), as printed on the sticker.
  legalization_no  text not null,
  -- Keyed hash (HMAC-SHA-256) of the normalized sticker number: compared in constant
  -- time, and a leaked table does not hand out the second factor of a lookup.
  sticker_hash     bytea not null,
  sticker_masked   text not null,
  -- 'mfa', 'fao-<province>' or a missions.id; checked by the application, which knows both lists.
  authority_id     text not null,
  document_type    text not null,
  issued_on        date not null,
  status           text not null default 'genuine' check (status in ('genuine', 'revoked')),
  revoked_at       timestamptz,
  revoked_reason   text,
  batch_id         uuid references legalization_import_batches (id),
  created_by       uuid references staff (id),
  created_at       timestamptz not null default now(),
  check ((status = 'revoked') = (revoked_at is not null))
);
create unique index legalization_records_number on legalization_records (authority_id, legalization_no);
create unique index legalization_records_sticker on legalization_records (authority_id, sticker_hash);
create index legalization_records_batch on legalization_records (batch_id);

-- Fixed windows per key that start at the key's first hit; shared by every instance.
create table rate_limit_buckets (
  bucket             text primary key,
  window_started_at  timestamptz not null,
  hits               integer not null
);
create index rate_limit_buckets_window on rate_limit_buckets (window_started_at);

create table news_articles (
  id            uuid primary key default gen_random_uuid(),
  mission_id    text not null references missions (id),
  title         text not null,
  -- ArticleBlock[] (miniprogram/domain/article-blocks.ts): structured, never HTML.
  body          jsonb not null,
  pinned        boolean not null default false,
  -- null: draft; in the future: scheduled; otherwise published. Kept to whole
  -- milliseconds so a keyset cursor (a JS timestamp) compares exactly.
  published_at  timestamptz,
  created_by    uuid not null references staff (id),
  updated_by    uuid not null references staff (id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index news_articles_public on news_articles (mission_id, pinned desc, published_at desc, id desc)
  where published_at is not null;
create index news_articles_staff on news_articles (mission_id, created_at desc, id desc);

create table travel_alerts (
  id               uuid primary key default gen_random_uuid(),
  country_code     char(2) not null,
  level            text not null check (level in ('take_care', 'caution', 'do_not_travel')),
  title            text not null,
  body             text not null,
  effective_from   timestamptz not null,
  effective_until  timestamptz,
  mission_id       text not null references missions (id),
  created_by       uuid not null references staff (id),
  created_at       timestamptz not null default now(),
  ended_by         uuid references staff (id),
  -- Ending a scheduled alert sets until = from: an empty window, never active.
  check (effective_until is null or effective_until >= effective_from)
);
create index travel_alerts_country on travel_alerts (country_code, effective_from desc);

create table destination_guides (
  country_code       char(2) primary key,
  -- Record<GuideSection, ArticleBlock[]>
  sections           jsonb not null,
  emergency_numbers  jsonb not null default '[]',
  updated_by         uuid not null references staff (id),
  updated_at         timestamptz not null default now()
);
