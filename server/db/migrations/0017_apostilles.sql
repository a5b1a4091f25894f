-- Apostille registry (附加证明书, Hague Apostille Convention, in force for China from 2023-11-07).
-- The register the Convention asks for (art. 7): number and date, the signer's name and the
-- capacity in which they signed, or for unsigned documents the authority whose seal it bears.

-- One batch table for both registries: an import is an import, whichever registry it feeds.
alter table legalization_import_batches
  add column registry text not null default 'legalization' check (registry in ('legalization', 'apostille'));
create index legalization_import_batches_mission on legalization_import_batches (mission_id, registry, created_at);

create table apostille_records (
  id               uuid primary key default gen_random_uuid(),
  -- Normalized (upper case, no spaces or hyphens), as printed on the certificate.
  apostille_no     text not null,
  issued_on        date not null check (issued_on >= date '2023-11-07'),
  -- Who signed and as what; or, for an unsigned document, whose seal or stamp it bears.
  signer_name      text,
  signer_capacity  text,
  seal_of          text,
  -- 'mfa' or 'fao-<province>': missions abroad do not issue apostilles (checked by the application).
  authority_id     text not null,
  status           text not null default 'genuine' check (status in ('genuine', 'revoked')),
  revoked_at       timestamptz,
  revoked_reason   text,
  batch_id         uuid references legalization_import_batches (id),
  created_by       uuid references staff (id),
  created_at       timestamptz not null default now(),
  check ((status = 'revoked') = (revoked_at is not null)),
  check ((signer_name is not null and signer_capacity is not null) or seal_of is not null)
);
create unique index apostille_records_number on apostille_records (authority_id, apostille_no);
create index apostille_records_batch on apostille_records (batch_id);
