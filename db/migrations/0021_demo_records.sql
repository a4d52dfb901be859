-- 演示数据: the rows the demo seeds created, so that `gongkai demo remove` (or the administrator's button)
-- deletes exactly those and nothing of the organisation's own data (src/modules/demo).
create table demo_records (
  table_name text not null,
  record_id bigint not null,
  primary key (table_name, record_id)
);
comment on table demo_records is
  'Demo rows: every row with an id the demo seeds created (table in the public schema, its id); emptied when the demo is removed';

-- The demo's state, one row, absent until demo seeding starts: 'seeding' (with the largest id of every
-- table before the seeds ran, so that only rows created by them are recorded), 'seeded', 'removed'.
-- Once there is a row the demo is never seeded again, so a removed demo does not come back on restart.
create table demo_state (
  id integer primary key default 1 check (id = 1),
  status text not null check (status in ('seeding', 'seeded', 'removed')),
  baseline jsonb not null default '{}',
  changed_at timestamptz not null default now()
);
