-- Saved workbench views (常用筛选): a person's named filters of the 依申请公开 workbench.
create table request_saved_views (
  id serial primary key,
  user_id integer not null references users(id) deferrable initially immediate,
  name text not null check (length(name) between 1 and 40),
  filter jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name)
);
