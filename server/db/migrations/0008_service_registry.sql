-- The service registry (miniprogram/domain/services/service-registry.ts) is the only list
-- of services: the server upserts every registered service into this table at start, and
-- applications.service references it, instead of a CHECK that lists ids.
create table services (
  id            text primary key,
  title         text not null,
  order_code    text not null,
  registered_at timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

-- Services already used by rows; start-up fills in their titles and letters.
insert into services (id, title, order_code) select distinct service, service, '?' from applications;

alter table applications drop constraint applications_service_check;
alter table applications add constraint applications_service_fkey foreign key (service) references services (id);
