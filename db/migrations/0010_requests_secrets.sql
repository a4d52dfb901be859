-- Secrets of the requests module generated once per database (e.g. the key that signs the letter links
-- sent to applicants), so that every process of a cluster, and every restart, uses the same one. The
-- first process that needs one inserts it (random bytes from the application; `on conflict do nothing`).
create table request_secrets (
  name text primary key,
  secret bytea not null check (length(secret) >= 32),
  created_at timestamptz not null default now()
);
