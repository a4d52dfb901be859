-- Organisations (government → departments / counties → towns) and their staff accounts.
create table orgs (
  id serial primary key,
  parent_id integer references orgs(id) deferrable initially immediate,
  name text not null check (length(name) between 1 and 100),
  kind text not null check (kind in ('government', 'department', 'county', 'town')),
  code text,
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);
create unique index orgs_parent_name_key on orgs (coalesce(parent_id, 0), name);
create index orgs_parent_idx on orgs (parent_id);

create table users (
  id serial primary key,
  username text not null unique check (username ~ '^[a-z0-9_.-]{3,40}$'),
  display_name text not null check (length(display_name) between 1 and 50),
  password_hash text not null,
  role text not null check (role in ('admin', 'office', 'handler', 'reviewer', 'approver')),
  org_id integer not null references orgs(id) deferrable initially immediate,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now()
);
create index users_org_idx on users (org_id);
