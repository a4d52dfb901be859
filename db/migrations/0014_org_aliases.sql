-- Remembered names of organisations as written in imported tables (市发改委 → 市发展和改革委员会).
create table org_aliases (
  id serial primary key,
  alias text not null unique check (length(alias) between 1 and 200),
  org_id integer not null references orgs(id) deferrable initially immediate,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index org_aliases_org_idx on org_aliases (org_id);
