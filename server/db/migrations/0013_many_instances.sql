-- Several server instances on one PostgreSQL: cache invalidation, files in the database,
-- and staged files (nothing a crash leaves behind goes unowned).

-- ── Cache invalidation (server/cache/invalidation-bus.ts) ──
-- Each trigger sends NOTIFY cc_cache '<topic>:<key>' in the writing transaction, so every
-- instance drops the entry when — and only when — the change commits, whoever made it.

create function cc_notify_session() returns trigger language plpgsql as $$
begin
  -- Topic = table name; key = the token hash as Node's base64 (32 bytes: one line).
  perform pg_notify('cc_cache', tg_table_name || ':' || encode(coalesce(new.token_hash, old.token_hash), 'base64'));
  return null;
end $$;

create trigger user_sessions_cache after update of revoked_at, expires_at, token_hash or delete on user_sessions
  for each row execute function cc_notify_session();
create trigger staff_sessions_cache after update of revoked_at, expires_at, token_hash or delete on staff_sessions
  for each row execute function cc_notify_session();

create function cc_notify_profile() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'users' then
    perform pg_notify('cc_cache', 'profile:' || coalesce(new.id, old.id));
  else
    perform pg_notify('cc_cache', 'profile:' || coalesce(new.user_id, old.user_id));
  end if;
  return null;
end $$;

create trigger users_profile_cache after update of mission_id or delete on users
  for each row execute function cc_notify_profile();
create trigger identities_profile_cache after insert or update or delete on identities
  for each row execute function cc_notify_profile();

-- A mission's details appear in every profile that names it, and in the mission list.
create function cc_notify_missions() returns trigger language plpgsql as $$
begin
  perform pg_notify('cc_cache', 'missions:*');
  perform pg_notify('cc_cache', 'profile:*');
  return null;
end $$;

create trigger missions_cache after insert or update or delete or truncate on missions
  for each statement execute function cc_notify_missions();

create function cc_notify_fees() returns trigger language plpgsql as $$
begin
  perform pg_notify('cc_cache', 'fees:' || coalesce(new.mission_id, old.mission_id));
  return null;
end $$;

create trigger mission_fees_cache after insert or update or delete on mission_fees
  for each row execute function cc_notify_fees();

-- ── Files in the database (FILE_STORAGE=postgres, server/files/postgres-file-store.ts) ──
create table file_chunks (
  storage_key text not null,
  chunk_index integer not null check (chunk_index >= 0),
  data        bytea not null,
  primary key (storage_key, chunk_index)
);

-- ── Staged files (server/files/staged-files.ts) ──
-- A file no row references yet (an upload before its transaction commits) or any more (a
-- replaced file before it is deleted). The sweep deletes those past delete_after.
create table file_staging (
  storage_key  text primary key,
  delete_after timestamptz not null
);
create index file_staging_due on file_staging (delete_after);
