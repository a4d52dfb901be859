-- Server-side sessions, the audit trail and uploaded files.
create table sessions (
  id serial primary key,
  token_hash text not null unique,
  user_id integer not null references users(id) on delete cascade deferrable initially immediate,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id integer references users(id) deferrable initially immediate,
  action text not null,
  subject_type text not null,
  subject_id text,
  before jsonb,
  after jsonb
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);
create index audit_log_actor_idx on audit_log (actor_id);

create table files (
  id serial primary key,
  sha256 text not null,
  name text not null,
  mime text not null,
  size integer not null check (size >= 0),
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index files_sha_idx on files (sha256);
